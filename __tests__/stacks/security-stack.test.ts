import { parse } from 'yaml';
import { configFrom, MINIMAL_YAML, problemsOf as problemsWithLines } from '../harness/config';
import { onlyResource, resourcesOf, synthLandingZone, type StackJson } from '../harness/synth';
import { DEFAULT_ENABLED_REGIONS } from '../../config/regions';
import { expectAccountConfig } from './baseline-expectations';

/** Governed regions of base() plus the default-enabled ones: where `security.regions: all` reaches. */
const ALL_SECURITY_REGIONS = [...new Set(['us-east-1', 'ap-northeast-1', ...DEFAULT_ENABLED_REGIONS])];

const base = () => parse(MINIMAL_YAML);
/** The problems of a one-line JSON config, without line numbers. */
const problemsOf = (input: unknown) => problemsWithLines(JSON.stringify(input)).replace(/ \(line \d+\)/g, '');
const GOVERNED = ['us-east-1', 'ap-northeast-1'];

function providersOf(json: StackJson, type: string): string[] {
  return Object.values(resourcesOf(json, type)).map((r) => r.provider).sort();
}

describe('security stack (defaults)', () => {
  let json: StackJson;
  let logArchive: StackJson;
  beforeAll(() => {
    const synth = synthLandingZone(configFrom(base()));
    json = synth.stack('security');
    logArchive = synth.stack('log-archive');
  });

  it('creates an organization trail: multi-region, global events, log file validation, into the log-archive bucket with its key', () => {
    const trail = onlyResource(json, 'aws_cloudtrail');
    expect(trail).toMatchObject({
      name: 'acme-organization-trail',
      is_organization_trail: true,
      is_multi_region_trail: true,
      include_global_service_events: true,
      enable_log_file_validation: true,
      s3_bucket_name: Object.values(resourcesOf(logArchive, 'aws_s3_bucket')).find((b) => b.object_lock_enabled)!.bucket,
      provider: 'aws.security-us-east-1',
    });
    expect(trail.kms_key_id).toMatch(/terraform_remote_state\.cross-stack-reference-input-log-archive\.outputs\..*aws_kms_key/);
    expect(trail.advanced_event_selector).toEqual([{ name: 'Management events', field_selector: [{ field: 'eventCategory', equals: ['Management'] }] }]);
    expect(resourcesOf(json, 'aws_cloudtrail_event_data_store')).toEqual({});
  });

  it('runs GuardDuty organization-wide in every governed region through the security account\'s aliases', () => {
    expect(providersOf(json, 'aws_guardduty_organization_configuration')).toEqual(GOVERNED.map((r) => `aws.security-${r}`).sort());
    for (const c of Object.values(resourcesOf(json, 'aws_guardduty_organization_configuration'))) expect(c.auto_enable_organization_members).toBe('ALL');
    const features = Object.values(resourcesOf(json, 'aws_guardduty_organization_configuration_feature'));
    expect(features).toHaveLength(6 * GOVERNED.length);
    expect(new Set(features.map((f) => f.name))).toEqual(new Set(['S3_DATA_EVENTS', 'EKS_AUDIT_LOGS', 'EBS_MALWARE_PROTECTION', 'RDS_LOGIN_EVENTS', 'LAMBDA_NETWORK_LOGS', 'RUNTIME_MONITORING']));
    for (const f of features) expect(f.auto_enable).toBe('ALL');
  });

  it('exports GuardDuty findings of every region to the Config log bucket (no Object Lock) with the log-archive key', () => {
    const exports = Object.values(resourcesOf(json, 'aws_guardduty_publishing_destination'));
    expect(exports).toHaveLength(GOVERNED.length);
    const target = Object.values(resourcesOf(logArchive, 'aws_s3_bucket')).find((b) => b.bucket === 'acme-config-logs-111111111111')!;
    expect(target.object_lock_enabled).toBeUndefined();
    for (const e of exports) {
      expect(e.destination_arn).toBe('arn:aws:s3:::acme-config-logs-111111111111/guardduty');
      expect(e.kms_key_arn).toMatch(/cross-stack-reference-input-log-archive/);
    }
  });

  it('switches Security Hub to central configuration with the default standards, associated with the root', () => {
    expect(onlyResource(json, 'aws_securityhub_organization_configuration')).toMatchObject({
      auto_enable: false,
      auto_enable_standards: 'NONE',
      organization_configuration: { configuration_type: 'CENTRAL' },
    });
    const policy = onlyResource(json, 'aws_securityhub_configuration_policy');
    expect(policy.configuration_policy.service_enabled).toBe(true);
    expect(policy.configuration_policy.enabled_standard_arns).toEqual([
      'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0',
      'arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/3.0.0',
    ]);
    const association = onlyResource(json, 'aws_securityhub_configuration_policy_association');
    expect(association.target_id).toMatch(/cross-stack-reference-input-management.*aws_organizations_organization.*roots/);
    expect(onlyResource(json, 'aws_securityhub_finding_aggregator')).toMatchObject({ linking_mode: 'SPECIFIED_REGIONS', specified_regions: ['ap-northeast-1'] });
  });

  it('aggregates Config over the organization in the home region and leaves the rules to the account baselines', () => {
    const aggregator = onlyResource(json, 'aws_config_configuration_aggregator');
    expect(aggregator.organization_aggregation_source.regions).toEqual(GOVERNED);
    expect(aggregator.provider).toBe('aws.security-us-east-1');
    expect(Object.values(resourcesOf(json, 'aws_iam_role_policy_attachment')).map((a) => a.policy_arn)).toContain('arn:aws:iam::aws:policy/service-role/AWSConfigRoleForOrganizations');
    expect(resourcesOf(json, 'aws_config_organization_managed_rule')).toEqual({});
  });

  it("gives the security account its own baseline: Config recorders and rules in every governed region, rules after the region's recorder", () => {
    expectAccountConfig(json, 'security', GOVERNED, 'us-east-1');
    for (const c of Object.values(resourcesOf(json, 'aws_config_delivery_channel'))) {
      expect(c).toMatchObject({ s3_bucket_name: 'acme-config-logs-111111111111', s3_key_prefix: 'config' });
      expect(c.depends_on).toEqual([expect.stringMatching(/^aws_config_configuration_recorder\.Baseline_Config-/)]);
    }
    expect(onlyResource(json, 'aws_iam_service_linked_role')).toMatchObject({ aws_service_name: 'config.amazonaws.com', provider: 'aws.security-us-east-1' });
  });

  it('gives the security account the billing alarm, budget and hardening of the baseline', () => {
    const alarm = onlyResource(json, 'aws_cloudwatch_metric_alarm');
    expect(alarm).toMatchObject({ alarm_name: 'DefaultBillingAlart', metric_name: 'EstimatedCharges', threshold: 100, provider: 'aws.security-us-east-1' });
    expect(alarm.alarm_actions).toEqual([expect.stringMatching(/^\$\{aws_sns_topic\.Baseline_BillingAlarm_Topic_[0-9A-F]{8}\.arn\}$/)]);
    expect(onlyResource(json, 'aws_budgets_budget')).toMatchObject({ name: 'security-monthly-cost', limit_amount: '100.0', provider: 'aws.security-us-east-1' });
    expect(onlyResource(json, 'aws_iam_account_password_policy')).toMatchObject({ minimum_password_length: 14, provider: 'aws.security-us-east-1' });
    expect(onlyResource(json, 'aws_s3_account_public_access_block').provider).toBe('aws.security-us-east-1');
    expect(providersOf(json, 'aws_ebs_encryption_by_default')).toEqual(GOVERNED.map((r) => `aws.security-${r}`).sort());
    // IMDS defaults belong to the EC2 declarative policy at Root (stacks/baseline/hardening.ts).
    expect(resourcesOf(json, 'aws_ec2_instance_metadata_defaults')).toEqual({});
  });

  it('creates organization external-access analyzers per region and one unused-access analyzer', () => {
    const analyzers = Object.values(resourcesOf(json, 'aws_accessanalyzer_analyzer'));
    expect(analyzers.filter((a) => a.type === 'ORGANIZATION').map((a) => a.provider).sort()).toEqual(GOVERNED.map((r) => `aws.security-${r}`).sort());
    expect(analyzers.filter((a) => a.type === 'ORGANIZATION_UNUSED_ACCESS')).toEqual([
      expect.objectContaining({ configuration: { unused_access: { unused_access_age: 90 } }, provider: 'aws.security-us-east-1' }),
    ]);
    // The baseline's accessAnalyzer auto: the organization analyzer covers the security account too.
    expect(analyzers).toHaveLength(GOVERNED.length + 1);
  });

  it('leaves Detective, Inspector and Macie off by default', () => {
    expect(resourcesOf(json, 'aws_detective_graph')).toEqual({});
    expect(resourcesOf(json, 'aws_inspector2_organization_configuration')).toEqual({});
    expect(resourcesOf(json, 'aws_macie2_account')).toEqual({});
  });

  it('sends findings to a KMS-encrypted SNS topic whose key lets EventBridge use it', () => {
    const topics = Object.values(resourcesOf(json, 'aws_sns_topic'));
    // The findings topic, and the baseline's billing alarm topic under its own name.
    expect(topics.map((t) => t.name).sort()).toEqual(['DefaultBillingAlertTopic', 'acme-security-findings']);
    const topic = topics.find((t) => t.name === 'acme-security-findings')!;
    expect(topic.kms_master_key_id).toMatch(/^\$\{aws_kms_key\.FindingsTopic_Key.*\.arn\}$/);
    const key = JSON.parse(onlyResource(json, 'aws_kms_key').policy);
    expect(key.Statement).toEqual(expect.arrayContaining([expect.objectContaining({ Principal: { Service: 'events.amazonaws.com' }, Action: ['kms:GenerateDataKey*', 'kms:Decrypt'] })]));
    const rules = Object.values(resourcesOf(json, 'aws_cloudwatch_event_rule'));
    const patterns = rules.filter((r) => r.provider === 'aws.security-us-east-1').map((r) => JSON.parse(r.event_pattern));
    expect(patterns).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: ['aws.guardduty'], detail: { severity: [{ numeric: ['>=', 7] }] } }),
        expect.objectContaining({ source: ['aws.securityhub'], detail: expect.objectContaining({ findings: expect.objectContaining({ Severity: { Label: ['CRITICAL', 'HIGH'] } }) }) }),
        expect.objectContaining({ source: ['aws.config'] }),
      ]),
    );
    const forward = rules.find((r) => r.provider === 'aws.security-ap-northeast-1')!;
    const forwardTarget = Object.values(resourcesOf(json, 'aws_cloudwatch_event_target')).find((t) => t.provider === 'aws.security-ap-northeast-1')!;
    expect(JSON.parse(forward.event_pattern).source).toEqual(['aws.guardduty']);
    expect(forwardTarget.arn).toMatch(/^arn:aws:events:us-east-1:.*:event-bus\/default$/);
    expect(forwardTarget.role_arn).toBeDefined();
  });
});

describe('security stack (options)', () => {
  let json: StackJson;
  beforeAll(() => {
    const config = configFrom({
      ...base(),
      logging: { trail: { s3DataEvents: true, lake: { enabled: true, retentionDays: 2555 } } },
      security: {
        regions: 'all',
        guardDuty: { features: ['S3_DATA_EVENTS', 'RUNTIME_MONITORING'] },
        securityHub: { standards: ['nist-800-53/v/5.0.0', 'cis-aws-foundations-benchmark/v/1.2.0'], targets: ['Workloads/Prod', 'Workloads/Dev'], disabledControls: ['IAM.6'] },
        detective: { enabled: true },
        inspector: { enabled: true, resourceTypes: ['EC2', 'LAMBDA'] },
        macie: { enabled: true },
        notifications: { emails: ['secops@acme.example', 'ciso@acme.example'] },
      },
    });
    json = synthLandingZone(config).stack('security');
  });

  it('runs GuardDuty in the governed regions and every default-enabled region when security.regions is all', () => {
    const expected = ALL_SECURITY_REGIONS.map((r) => `aws.security-${r}`).sort();
    expect(providersOf(json, 'aws_guardduty_organization_configuration')).toEqual(expected);
    expect(onlyResource(json, 'aws_securityhub_finding_aggregator').linking_mode).toBe('ALL_REGIONS');
    expect(onlyResource(json, 'aws_config_configuration_aggregator').organization_aggregation_source.all_regions).toBe(true);
  });

  it('auto-enables only the chosen GuardDuty features, with Runtime Monitoring\'s agents', () => {
    const features = Object.values(resourcesOf(json, 'aws_guardduty_organization_configuration_feature')).filter((f) => f.provider === 'aws.security-us-east-1');
    expect(features.map((f) => f.name).sort()).toEqual(['RUNTIME_MONITORING', 'S3_DATA_EVENTS']);
    expect(features.find((f) => f.name === 'RUNTIME_MONITORING')!.additional_configuration).toEqual(
      expect.arrayContaining([{ name: 'EKS_ADDON_MANAGEMENT', auto_enable: 'ALL' }, { name: 'EC2_AGENT_MANAGEMENT', auto_enable: 'ALL' }]),
    );
  });

  it('associates the policy with the chosen OUs and standards', () => {
    const policy = onlyResource(json, 'aws_securityhub_configuration_policy');
    expect(policy.configuration_policy.enabled_standard_arns).toEqual([
      'arn:aws:securityhub:us-east-1::standards/nist-800-53/v/5.0.0',
      'arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0',
    ]);
    expect(policy.configuration_policy.security_controls_configuration.disabled_control_identifiers).toEqual(['IAM.6']);
    const targets = Object.values(resourcesOf(json, 'aws_securityhub_configuration_policy_association')).map((a) => a.target_id);
    expect(targets).toHaveLength(2);
    for (const t of targets) expect(t).toMatch(/cross-stack-reference-input-management.*aws_organizations_organizational_unit/);
  });

  it('records S3 data events and creates the CloudTrail Lake event data store', () => {
    expect(onlyResource(json, 'aws_cloudtrail').advanced_event_selector).toContainEqual({
      name: 'S3 data events',
      field_selector: [
        { field: 'eventCategory', equals: ['Data'] },
        { field: 'resources.type', equals: ['AWS::S3::Object'] },
      ],
    });
    expect(onlyResource(json, 'aws_cloudtrail_event_data_store')).toMatchObject({ organization_enabled: true, multi_region_enabled: true, retention_period: 2555, termination_protection_enabled: true });
  });

  it('switches on Detective, Inspector and Macie in every region', () => {
    expect(Object.keys(resourcesOf(json, 'aws_detective_organization_configuration'))).toHaveLength(ALL_SECURITY_REGIONS.length);
    const inspector = Object.values(resourcesOf(json, 'aws_inspector2_organization_configuration'));
    expect(inspector[0].auto_enable).toEqual({ ec2: true, ecr: false, lambda: true, lambda_code: false });
    // One enabler per region for the administrator, one per region for each of the three other active accounts.
    expect(Object.values(resourcesOf(json, 'aws_inspector2_enabler'))).toHaveLength(4 * ALL_SECURITY_REGIONS.length);
    expect(Object.keys(resourcesOf(json, 'aws_macie2_organization_configuration'))).toHaveLength(ALL_SECURITY_REGIONS.length);
  });

  it('subscribes every notification e-mail to the findings topic, and the account e-mail to the billing alarm topic', () => {
    const subs = Object.values(resourcesOf(json, 'aws_sns_topic_subscription'));
    const to = (topic: RegExp) => subs.filter((s) => topic.test(s.topic_arn)).map((s) => [s.protocol, s.endpoint]).sort();
    expect(to(/^\$\{aws_sns_topic\.FindingsTopic_/)).toEqual([
      ['email', 'ciso@acme.example'],
      ['email', 'secops@acme.example'],
    ]);
    expect(to(/^\$\{aws_sns_topic\.Baseline_BillingAlarm_Topic_/)).toEqual([['email', 'aws+sec@acme.example']]);
    expect(subs).toHaveLength(3);
  });

  it('keeps the baseline\'s Config in the governed regions when security services run in all regions', () => {
    expectAccountConfig(json, 'security', GOVERNED, 'us-east-1');
  });
});

describe("security stack (the security account's own baseline settings)", () => {
  it('adds account analyzers beside the organization analyzers when the account sets accessAnalyzer: always', () => {
    const input = base();
    input.accounts[1].baseline = { accessAnalyzer: 'always' };
    const json = synthLandingZone(configFrom(input)).stack('security');
    const analyzers = Object.values(resourcesOf(json, 'aws_accessanalyzer_analyzer'));
    const ofType = (type: string) => analyzers.filter((a) => a.type === type);
    expect(ofType('ORGANIZATION').map((a) => a.provider).sort()).toEqual(GOVERNED.map((r) => `aws.security-${r}`).sort());
    expect(ofType('ACCOUNT').map((a) => [a.provider, a.analyzer_name]).sort()).toEqual(GOVERNED.map((r) => [`aws.security-${r}`, 'acme-account']).sort());
  });
});

describe('security config', () => {
  it('fails on an unknown Security Hub standard and suggests the closest', () => {
    const message = problemsOf({ ...base(), security: { securityHub: { standards: ['cis-aws-foundations-benchmark/v/3.0'] } } });
    expect(message).toContain('security.securityHub.standards[0]: "cis-aws-foundations-benchmark/v/3.0" is not a Security Hub standard; use one of');
    expect(message).toContain('did you mean "cis-aws-foundations-benchmark/v/3.0.0"?');
  });

  it('fails on an unknown GuardDuty feature', () => {
    expect(problemsOf({ ...base(), security: { guardDuty: { features: ['EKS_RUNTIME'] } } })).toContain('security.guardDuty.features[0]: "EKS_RUNTIME" is not a GuardDuty protection plan');
  });

  it('fails on a configuration policy target that is not an OU', () => {
    const message = problemsOf({ ...base(), security: { securityHub: { targets: ['Workload/Prod', 'shop-prod'] } } });
    expect(message).toContain('security.securityHub.targets[0]: OU "Workload/Prod" does not exist; did you mean "Workloads/Prod"?');
    expect(message).toContain('security.securityHub.targets[1]: "shop-prod" is an account; Security Hub configuration policies are associated with "Root" or OUs');
  });

  it('fails on Detective without GuardDuty, and a notification e-mail that is not one', () => {
    expect(problemsOf({ ...base(), security: { detective: { enabled: true }, guardDuty: { enabled: false } } })).toContain(
      'security.detective.enabled: true needs GuardDuty',
    );
    expect(problemsOf({ ...base(), security: { notifications: { emails: ['secops'] } } })).toContain('security.notifications.emails[0]: "secops" is not an e-mail address');
  });

  it('fails on an unused-access age out of range', () => {
    expect(problemsOf({ ...base(), security: { accessAnalyzer: { unusedAccessAgeDays: 400 } } })).toContain('security.accessAnalyzer.unusedAccessAgeDays: 400 must be at most 365 days');
  });
});
