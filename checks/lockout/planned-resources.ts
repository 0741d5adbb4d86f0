import type { AccountConfig, LandingZoneConfig } from '../../config/schema';
import { governedRegions, securityRegions } from '../../config/model';
import { BILLING_REGION } from '../../config/regions';
import { adoptionOf, controlTowerOwnsConfig } from '../../config/brownfield';
import { effectiveBaseline } from '../../config/effective-baseline';
import { landingZoneTrail, landingZoneTrailName } from '../../config/organization-trail';
import { MANAGED_RULES } from '../../constructs/baseline/config-rule-catalogue';
import {
  accessLogBucketName,
  accountBudgetName,
  configAggregatorName,
  configLogBucketName,
  eventDataStoreName,
  externalAccessAnalyzerName,
  findingsKeyAliasName,
  findingsTopicName,
  logBucketName,
  logKeyAliasName,
  namingOf,
  securityHubPolicyName,
  unusedAccessAnalyzerName,
} from '../../lib/naming';
import { declaredEc2Attributes } from '../../policies/declarative/ec2-attributes';

/**
 * What the landing zone's stacks make in one member account, resource type by resource type and Region, worked out from
 * the config the way the stacks do (stacks/baseline/*, stacks/log-archive-stack.ts, stacks/security-stack.ts), before
 * anything is synthesized. The lock-out check turns each into the requests Terraform makes (terraform-actions.ts);
 * __tests__/checks/lockout/requests.test.ts synthesizes the examples and checks that every resource the stacks make in
 * a member account is listed here.
 */
export interface PlannedResource {
  /** Terraform resource type (`aws_config_configuration_recorder`), or `data.<type>` for a data source. */
  readonly type: string;
  readonly region: string;
  /** The name in its ARN, where the landing zone names it. */
  readonly name?: string;
  /** Write actions instead of the table's (EBS encryption turned off calls DisableEbsEncryptionByDefault). */
  readonly write?: readonly string[];
  /** The stack family, for messages: "the account baseline", "the log archive", "the security services". */
  readonly family: string;
}

/** Stand-in for ids AWS assigns (KMS key ids, detector ids): any value matches the guardrails' patterns alike. */
export const ASSIGNED_ID = '00000000000000000000000000000000';

/** Every member account the landing zone applies a stack to (not closed; suspended accounts keep their stack). */
export function memberAccounts(config: LandingZoneConfig): AccountConfig[] {
  return config.accounts.filter((a) => a.id !== config.organization.managementAccountId);
}

export function plannedResources(config: LandingZoneConfig, account: AccountConfig): PlannedResource[] {
  const out = baselineResources(config, account);
  if (account.role === 'log-archive') out.push(...logArchiveResources(config));
  if (account.role === 'security') out.push(...securityResources(config, account));
  return out;
}

/** stacks/baseline/account-baseline.ts: billing guards, AWS Config, hardening, the plan role. */
function baselineResources(config: LandingZoneConfig, account: AccountConfig): PlannedResource[] {
  const out: PlannedResource[] = [];
  const family = 'the account baseline';
  const add = (type: string, region: string, name?: string, write?: readonly string[]) => out.push({ type, region, family, ...(name ? { name } : {}), ...(write ? { write } : {}) });
  const baseline = effectiveBaseline(config, account.name);
  const home = config.organization.homeRegion;
  const regions = governedRegions(config);

  if (baseline.billingAlarm.enabled) {
    add('aws_sns_topic', BILLING_REGION, baseline.billingAlarm.topicName);
    // Only the account's billing alarm may publish to its topic (constructs/baseline/billing-alarm.ts).
    add('aws_sns_topic_policy', BILLING_REGION, baseline.billingAlarm.topicName);
    if (baseline.billingAlarm.email) add('aws_sns_topic_subscription', BILLING_REGION, baseline.billingAlarm.topicName);
    add('aws_cloudwatch_metric_alarm', BILLING_REGION, baseline.billingAlarm.alarmName);
  }
  if (baseline.budget.enabled) add('aws_budgets_budget', BILLING_REGION, accountBudgetName(account.name));

  if (baseline.config.enabled) {
    const ours = regions.filter((r) => !controlTowerOwnsConfig(config, account.name, r));
    if (ours.length > 0 && baseline.config.createServiceLinkedRole) {
      add('data.aws_iam_roles', home);
      add('aws_iam_service_linked_role', home);
    }
    for (const region of ours) {
      add('aws_config_configuration_recorder', region);
      add('aws_config_delivery_channel', region);
      add('aws_config_configuration_recorder_status', region);
    }
    const rules = config.security.config.enabled ? config.security.config.rules : [];
    for (const region of regions) {
      if (rules.some((r) => !MANAGED_RULES[r].global || region === home)) add('aws_config_config_rule', region, 'lz-rule');
    }
  }

  if (baseline.passwordPolicy.enabled) add('aws_iam_account_password_policy', home);
  if (baseline.s3BlockPublicAccess) add('aws_s3_account_public_access_block', home);
  if (Object.values(baseline.alternateContacts).some(Boolean)) add('aws_account_alternate_contact', home);
  const imdsByPolicy = declaredEc2Attributes(config, account.name).has('instance_metadata_defaults');
  const analyzers = adoptionOf(config, account).accessAnalyzers as Partial<Record<string, string>>;
  for (const region of regions) {
    add('aws_ebs_encryption_by_default', region, undefined, [baseline.ebsEncryptionByDefault ? 'ec2:EnableEbsEncryptionByDefault' : 'ec2:DisableEbsEncryptionByDefault']);
    if (!imdsByPolicy && baseline.instanceMetadata) add('aws_ec2_instance_metadata_defaults', region);
    if (baseline.accountAccessAnalyzer) add('aws_accessanalyzer_analyzer', region, analyzers[region] ?? `${config.organization.name}-account`);
  }

  // stacks/baseline/plan-role.ts (constructs/ci/member-plan-role.ts): ReadOnlyAccess and an inline deny of data reads.
  const plan = config.ci.planRoleName;
  for (const type of ['aws_iam_role', 'aws_iam_role_policy_attachment', 'aws_iam_role_policy_attachments_exclusive', 'aws_iam_role_policy', 'aws_iam_role_policies_exclusive']) {
    out.push({ type, region: home, name: plan, family: 'the read-only plan role' });
  }
  return out;
}

/** stacks/log-archive-stack.ts: the log KMS key and the three log buckets. */
function logArchiveResources(config: LandingZoneConfig): PlannedResource[] {
  const naming = namingOf(config);
  const home = config.organization.homeRegion;
  const family = 'the log archive';
  const out: PlannedResource[] = [
    { type: 'aws_kms_key', region: home, name: ASSIGNED_ID, family },
    { type: 'aws_kms_alias', region: home, name: logKeyAliasName(naming).replace(/^alias\//, ''), family },
  ];
  const buckets = [accessLogBucketName(naming), logBucketName(naming), configLogBucketName(naming)];
  for (const name of buckets) {
    for (const type of [
      'aws_s3_bucket',
      'aws_s3_bucket_versioning',
      'aws_s3_bucket_server_side_encryption_configuration',
      'aws_s3_bucket_public_access_block',
      'aws_s3_bucket_ownership_controls',
      'aws_s3_bucket_policy',
      'aws_s3_bucket_lifecycle_configuration',
    ]) {
      out.push({ type, region: home, name, family });
    }
  }
  if (config.logging.objectLock.enabled) out.push({ type: 'aws_s3_bucket_object_lock_configuration', region: home, name: logBucketName(naming), family });
  for (const name of [logBucketName(naming), configLogBucketName(naming)]) out.push({ type: 'aws_s3_bucket_logging', region: home, name, family });
  return out;
}

/** stacks/security-stack.ts: the organization trail, the Config aggregator, the security services and notifications. */
function securityResources(config: LandingZoneConfig, account: AccountConfig): PlannedResource[] {
  const out: PlannedResource[] = [];
  const family = 'the security services';
  const add = (type: string, region: string, name?: string) => out.push({ type, region, family, ...(name ? { name } : {}) });
  const naming = namingOf(config);
  const home = config.organization.homeRegion;
  const regions = securityRegions(config);
  const { security, logging } = config;
  const org = config.organization.name;

  if (landingZoneTrail(config) !== 'none') add('aws_cloudtrail', home, landingZoneTrailName(config));
  if (logging.trail.lake.enabled) add('aws_cloudtrail_event_data_store', home, eventDataStoreName(naming));

  if (security.config.enabled) {
    const name = configAggregatorName(naming);
    add('aws_iam_role', home, name);
    add('aws_iam_role_policy_attachment', home, name);
    add('aws_config_configuration_aggregator', home, name);
  }
  if (security.guardDuty.enabled) {
    const existing = adoptionOf(config, account).guardDutyDetectors as Partial<Record<string, string>>;
    for (const region of regions) {
      add('aws_guardduty_detector', region, ASSIGNED_ID);
      if (!existing[region]) add('data.aws_guardduty_detector', region);
      add('aws_guardduty_organization_configuration', region, ASSIGNED_ID);
      if (security.guardDuty.features.length > 0) {
        add('aws_guardduty_detector_feature', region, ASSIGNED_ID);
        add('aws_guardduty_organization_configuration_feature', region, ASSIGNED_ID);
      }
      if (security.guardDuty.exportFindings) add('aws_guardduty_publishing_destination', region, ASSIGNED_ID);
    }
  }
  if (security.securityHub.enabled) {
    add('aws_securityhub_finding_aggregator', home, ASSIGNED_ID);
    add('aws_securityhub_organization_configuration', home);
    add('aws_securityhub_configuration_policy', home, securityHubPolicyName(naming));
    if (security.securityHub.targets.length > 0) add('aws_securityhub_configuration_policy_association', home, securityHubPolicyName(naming));
  }
  if (security.accessAnalyzer.enabled) {
    for (const region of regions) add('aws_accessanalyzer_analyzer', region, externalAccessAnalyzerName(naming));
    add('aws_accessanalyzer_analyzer', home, unusedAccessAnalyzerName(naming));
  }
  const members = config.accounts.filter((a) => a.name !== account.name).length;
  for (const region of regions) {
    if (security.detective.enabled) {
      add('aws_detective_graph', region, ASSIGNED_ID);
      add('aws_detective_organization_configuration', region, ASSIGNED_ID);
      if (members > 0) add('aws_detective_member', region, ASSIGNED_ID);
    }
    if (security.inspector.enabled) {
      add('aws_inspector2_enabler', region);
      add('aws_inspector2_organization_configuration', region);
      if (members > 0) add('aws_inspector2_member_association', region);
    }
    if (security.macie.enabled) {
      add('aws_macie2_account', region);
      add('aws_macie2_organization_configuration', region);
      if (members > 0) add('aws_macie2_member', region, ASSIGNED_ID);
    }
  }

  // stacks/security/notifications.ts
  const topic = findingsTopicName(naming);
  add('aws_kms_key', home, ASSIGNED_ID);
  add('aws_kms_alias', home, findingsKeyAliasName(naming).replace(/^alias\//, ''));
  add('aws_sns_topic', home, topic);
  add('aws_sns_topic_policy', home, topic);
  if (security.notifications.emails.length > 0) add('aws_sns_topic_subscription', home, topic);
  const rule = (region: string, name: string) => {
    add('aws_cloudwatch_event_rule', region, name);
    add('aws_cloudwatch_event_target', region, name);
  };
  if (security.guardDuty.enabled) {
    rule(home, `${org}-guardduty-findings`);
    const others = regions.filter((r) => r !== home);
    if (others.length > 0) {
      const role = `${org}-findings-forwarding`.slice(0, 64);
      add('aws_iam_role', home, role);
      add('aws_iam_role_policy', home, role);
      for (const region of others) rule(region, `${org}-guardduty-forward`);
    }
  }
  if (security.securityHub.enabled) rule(home, `${org}-securityhub-findings`);
  if (security.notifications.configNonCompliance && security.config.enabled) {
    rule(home, `${org}-config-noncompliance`);
    if (security.securityHub.enabled) rule(home, `${org}-config-findings`);
  }
  return out;
}
