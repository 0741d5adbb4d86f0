import type { CheckContext } from '../../../checks/checklist';

/*
 * Small hand-made stack JSON for the AWS constraint rules: an organization that satisfies every
 * constraint, in two regions, with an adopted security account (222222222222), a new log-archive
 * account and a new workload account (shop) reached through cross-stack outputs. Each test copies
 * it and breaks one thing.
 */

type Resources = Record<string, Record<string, Record<string, any>>>;
export type Stacks = Record<string, { provider: { aws: Array<Record<string, any>> }; resource: Resources; import?: Array<{ to: string; id: string }> }>;

const ORG = 'aws_organizations_organization.Organization';
const ROOT = `\${${ORG}.roots[0].id}`;
const SECURITY = '222222222222';
const out = (name: string) => `\${data.terraform_remote_state.management.outputs.cross-stack-output-aws_organizations_account${name}id}`;
const role = (account: string) => [{ role_arn: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`, session_name: 'lz' }];
const policy = (statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

function management() {
  return {
    provider: { aws: [{ region: 'us-east-1' }, { alias: 'ap-northeast-1', region: 'ap-northeast-1' }] },
    import: [{ to: 'aws_organizations_account.Account-security', id: SECURITY }],
    resource: {
      aws_organizations_organization: {
        Organization: {
          feature_set: 'ALL',
          enabled_policy_types: ['DECLARATIVE_POLICY_EC2', 'SERVICE_CONTROL_POLICY'],
          aws_service_access_principals: [
            'access-analyzer.amazonaws.com',
            'cloudtrail.amazonaws.com',
            'config.amazonaws.com',
            'guardduty.amazonaws.com',
            'iam.amazonaws.com',
            'inspector2.amazonaws.com',
            'malware-protection.guardduty.amazonaws.com',
            'member.org.stacksets.cloudformation.amazonaws.com',
            'securityhub.amazonaws.com',
            'sso.amazonaws.com',
          ],
        },
      },
      aws_organizations_organizational_unit: {
        'OU-Security': { name: 'Security', parent_id: ROOT },
        'OU-Workloads': { name: 'Workloads', parent_id: ROOT },
        'OU-Workloads--Prod': { name: 'Prod', parent_id: '${aws_organizations_organizational_unit.OU-Workloads.id}' },
      },
      aws_organizations_account: {
        'Account-security': { name: 'security', parent_id: '${aws_organizations_organizational_unit.OU-Security.id}' },
        'Account-log-archive': { name: 'log-archive', parent_id: '${aws_organizations_organizational_unit.OU-Security.id}' },
        'Account-shop': { name: 'shop', parent_id: '${aws_organizations_organizational_unit.OU-Workloads--Prod.id}' },
      },
      aws_organizations_policy: {
        Scp: { name: 'lz-scp-Root-1', type: 'SERVICE_CONTROL_POLICY', content: policy([{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }]) },
        Declarative: {
          name: 'ec2-block-public-access',
          type: 'DECLARATIVE_POLICY_EC2',
          content: JSON.stringify({ ec2_attributes: { instance_metadata_defaults: { http_tokens: { '@@assign': 'required' } } } }),
        },
      },
      aws_organizations_policy_attachment: {
        ScpRoot: { policy_id: '${aws_organizations_policy.Scp.id}', target_id: ROOT },
        DeclarativeWorkloads: { policy_id: '${aws_organizations_policy.Declarative.id}', target_id: '${aws_organizations_organizational_unit.OU-Workloads.id}' },
      },
      aws_guardduty_organization_admin_account: {
        'GuardDuty-us-east-1': { admin_account_id: SECURITY, depends_on: [ORG] },
        'GuardDuty-ap-northeast-1': { admin_account_id: SECURITY, provider: 'aws.ap-northeast-1', depends_on: ['aws_guardduty_organization_admin_account.GuardDuty-us-east-1'] },
      },
      aws_securityhub_organization_admin_account: { SecurityHub: { admin_account_id: SECURITY, depends_on: [ORG] } },
      aws_inspector2_delegated_admin_account: { Inspector: { account_id: SECURITY, depends_on: [ORG] } },
      aws_cloudtrail_organization_delegated_admin_account: { CloudTrail: { account_id: SECURITY, depends_on: [ORG] } },
      aws_organizations_delegated_administrator: { Config: { account_id: SECURITY, service_principal: 'config.amazonaws.com', depends_on: [ORG] } },
      aws_iam_service_linked_role: { StackSetsOrgAdmin: { aws_service_name: 'stacksets.cloudformation.amazonaws.com', depends_on: [ORG] } },
      aws_cloudformation_stack_set: {
        AuditRole: { name: 'audit-role', permission_model: 'SERVICE_MANAGED', call_as: 'SELF', depends_on: ['aws_iam_service_linked_role.StackSetsOrgAdmin'] },
      },
      aws_iam_organizations_features: { Root: { enabled_features: ['RootCredentialsManagement'], depends_on: [ORG] } },
      aws_ssoadmin_permission_set: { Admin: { name: 'AdministratorAccess', session_duration: 'PT1H' } },
      aws_ssoadmin_permission_set_inline_policy: { AdminInline: { permission_set_arn: '${aws_ssoadmin_permission_set.Admin.arn}', inline_policy: policy([]) } },
      aws_ssoadmin_managed_policy_attachment: { AdminManaged: { permission_set_arn: '${aws_ssoadmin_permission_set.Admin.arn}', managed_policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' } },
      aws_ssoadmin_account_assignment: { AdminShop: { permission_set_arn: '${aws_ssoadmin_permission_set.Admin.arn}', target_id: out('Account-shop') } },
      aws_sns_topic: { BillingTopic: { name: 'DefaultBillingAlertTopic' } },
      aws_cloudwatch_metric_alarm: {
        BillingAlarm: { namespace: 'AWS/Billing', metric_name: 'EstimatedCharges', alarm_actions: ['${aws_sns_topic.BillingTopic.arn}'] },
      },
      aws_budgets_budget: { Budget: { name: 'acme-organization-monthly-cost', budget_type: 'COST' } },
    } as Resources,
  };
}

function logArchive() {
  const p = 'aws.log-archive-us-east-1';
  return {
    provider: { aws: [{ region: 'us-east-1' }, { alias: 'log-archive-us-east-1', region: 'us-east-1', assume_role: role(out('Account-log-archive')) }] },
    resource: {
      aws_s3_bucket: {
        TrailLogs: { bucket: 'acme-trail-logs', object_lock_enabled: true, provider: p },
        ConfigLogs: { bucket: 'acme-config-logs', provider: p },
      },
      aws_s3_bucket_object_lock_configuration: {
        TrailLock: { bucket: '${aws_s3_bucket.TrailLogs.id}', rule: { default_retention: { mode: 'COMPLIANCE', days: 365 } }, provider: p },
      },
      aws_s3_bucket_policy: { ConfigLogsPolicy: { bucket: '${aws_s3_bucket.ConfigLogs.id}', policy: policy([{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }]), provider: p } },
      aws_kms_key: { LogKey: { policy: policy([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::333333333333:root' }, Action: 'kms:*', Resource: '*' }]), provider: p } },
      aws_kms_alias: { LogKeyAlias: { name: 'alias/acme-logs', target_key_id: '${aws_kms_key.LogKey.key_id}', provider: p } },
    } as Resources,
  };
}

function security() {
  const p = (region: string) => `aws.security-${region}`;
  const recorder = (region: string, global: boolean) => ({ name: 'default', recording_group: { all_supported: true, include_global_resource_types: global }, provider: p(region) });
  return {
    provider: {
      aws: [
        { region: 'us-east-1' },
        { alias: 'security-us-east-1', region: 'us-east-1', assume_role: role(SECURITY) },
        { alias: 'security-ap-northeast-1', region: 'ap-northeast-1', assume_role: role(SECURITY) },
      ],
    },
    resource: {
      aws_cloudtrail: { Trail: { name: 'acme-organization-trail', is_organization_trail: true, is_multi_region_trail: true, s3_bucket_name: 'acme-trail-logs', provider: p('us-east-1') } },
      aws_inspector2_enabler: {
        'Inspector-us-east-1_Admin': { account_ids: [SECURITY], resource_types: ['EC2'], provider: p('us-east-1') },
        'Inspector-us-east-1_Members': {
          account_ids: [out('Account-log-archive'), out('Account-shop')],
          resource_types: ['EC2'],
          provider: p('us-east-1'),
          depends_on: ['aws_inspector2_enabler.Inspector-us-east-1_Admin'],
        },
      },
      aws_securityhub_finding_aggregator: { Aggregator: { linking_mode: 'SPECIFIED_REGIONS', specified_regions: ['ap-northeast-1'], provider: p('us-east-1') } },
      aws_securityhub_organization_configuration: {
        Org: { auto_enable: false, organization_configuration: { configuration_type: 'CENTRAL' }, provider: p('us-east-1'), depends_on: ['aws_securityhub_finding_aggregator.Aggregator'] },
      },
      aws_guardduty_organization_configuration: { 'GuardDuty-us-east-1': { auto_enable_organization_members: 'ALL', provider: p('us-east-1') } },
      aws_guardduty_publishing_destination: {
        'GuardDuty-ap-northeast-1_Export': {
          destination_arn: 'arn:aws:s3:::acme-trail-logs/guardduty',
          kms_key_arn: '${data.terraform_remote_state.log-archive.outputs.cross-stack-output-aws_kms_keyLogKeyarn}',
          provider: p('ap-northeast-1'),
        },
      },
      aws_guardduty_organization_configuration_feature: { 'GuardDuty-us-east-1_Malware': { name: 'EBS_MALWARE_PROTECTION', auto_enable: 'ALL', provider: p('us-east-1') } },
      aws_config_configuration_recorder: { 'Recorder-us-east-1': recorder('us-east-1', true), 'Recorder-ap-northeast-1': recorder('ap-northeast-1', false) },
      aws_config_delivery_channel: {
        'Channel-us-east-1': { s3_bucket_name: 'acme-config-logs', provider: p('us-east-1') },
        'Channel-ap-northeast-1': { s3_bucket_name: 'acme-config-logs', provider: p('ap-northeast-1') },
      },
      aws_config_configuration_aggregator: { Aggregator: { name: 'acme', organization_aggregation_source: { all_regions: true }, provider: p('us-east-1') } },
      aws_accessanalyzer_analyzer: { Analyzer: { analyzer_name: 'acme', type: 'ORGANIZATION', provider: p('us-east-1') } },
      aws_ec2_instance_metadata_defaults: {
        'Imds-us-east-1': { http_tokens: 'required', provider: p('us-east-1') },
        'Imds-ap-northeast-1': { http_tokens: 'required', provider: p('ap-northeast-1') },
      },
      aws_iam_role: {
        AggregatorRole: {
          name: 'acme-config-aggregator',
          assume_role_policy: policy([{ Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: 'sts:AssumeRole' }]),
          provider: p('us-east-1'),
        },
      },
      aws_iam_role_policy: { AggregatorRolePolicy: { name: 'read-organization', role: '${aws_iam_role.AggregatorRole.name}', policy: policy([]), provider: p('us-east-1') } },
      aws_sns_topic: { Findings: { name: 'acme-security-findings', provider: p('us-east-1') } },
      aws_cloudwatch_event_rule: {
        GuardDutyFindings: { name: 'acme-guardduty-findings', provider: p('us-east-1') },
        'GuardDutyForward-ap-northeast-1': { name: 'acme-guardduty-forward', provider: p('ap-northeast-1') },
      },
      aws_cloudtrail_event_data_store: { Lake: { name: 'acme-organization-events', organization_enabled: true, provider: p('us-east-1') } },
    } as Resources,
  };
}

function workload() {
  const p = (region: string) => `aws.shop-${region}`;
  const assume = role(out('Account-shop'));
  return {
    provider: {
      aws: [{ region: 'us-east-1' }, { alias: 'shop-us-east-1', region: 'us-east-1', assume_role: assume }, { alias: 'shop-ap-northeast-1', region: 'ap-northeast-1', assume_role: assume }],
    },
    resource: {
      aws_config_configuration_recorder: {
        'Recorder-us-east-1': { name: 'default', recording_group: { include_global_resource_types: true }, provider: p('us-east-1') },
        'Recorder-ap-northeast-1': { name: 'default', recording_group: { include_global_resource_types: false }, provider: p('ap-northeast-1') },
      },
      aws_config_delivery_channel: {
        'Channel-us-east-1': { s3_bucket_name: 'acme-config-logs', provider: p('us-east-1') },
        'Channel-ap-northeast-1': { s3_bucket_name: 'acme-config-logs', provider: p('ap-northeast-1') },
      },
      aws_iam_account_password_policy: { PasswordPolicy: { minimum_password_length: 14, provider: p('us-east-1') } },
      aws_budgets_budget: { Budget: { name: 'shop-monthly-cost', provider: p('us-east-1') } },
      aws_sns_topic: { BillingTopic: { name: 'DefaultBillingAlertTopic', provider: p('us-east-1') } },
      aws_cloudwatch_metric_alarm: {
        BillingAlarm: { namespace: 'AWS/Billing', metric_name: 'EstimatedCharges', alarm_actions: ['${aws_sns_topic.BillingTopic.arn}'], provider: p('us-east-1') },
      },
    } as Resources,
  };
}

/** A context satisfying every constraint; `edit` changes the stacks (deep copies) before the context is built. */
export function context(edit?: (stacks: Stacks) => void): CheckContext {
  const stacks: Stacks = JSON.parse(JSON.stringify({ management: management(), 'log-archive': logArchive(), security: security(), 'workload-shop': workload() }));
  edit?.(stacks);
  return { stacks: stacks as unknown as CheckContext['stacks'], governedRegions: ['us-east-1', 'ap-northeast-1'], managementAccountId: '111111111111' };
}

export { SECURITY, ROOT, ORG, out, policy };
