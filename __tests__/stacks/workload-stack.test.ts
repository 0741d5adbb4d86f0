import { exampleConfig, minimalConfig } from '../harness/config';
import { awsProvider, onlyResource, resourcesOf, synthLandingZone, type StackJson, type SynthesizedLandingZone } from '../harness/synth';
import { expectAccountConfig } from './baseline-expectations';

/** Resources of `type` in a stack keyed by their construct path below the stack (e.g. `Config-us-east-1/Recorder`). */
function byPath(stack: StackJson, type: string): Record<string, Record<string, any>> {
  const out: Record<string, Record<string, any>> = {};
  for (const r of Object.values(resourcesOf(stack, type))) out[r['//'].metadata.path.split('/').slice(1).join('/')] = r;
  return out;
}

describe('workload stack baseline (examples/minimal.yaml, account shop-prod)', () => {
  let lz: SynthesizedLandingZone;
  let stack: StackJson;
  beforeAll(() => {
    lz = synthLandingZone(exampleConfig('minimal'));
    stack = lz.stack('workload-shop-prod');
  });

  describe('billing alarm (seed 003)', () => {
    it('creates the SNS topic DefaultBillingAlertTopic in us-east-1 of the member account', () => {
      const topic = onlyResource(stack, 'aws_sns_topic');
      expect(topic.name).toBe('DefaultBillingAlertTopic');
      expect(topic.provider).toBe('aws.shop-prod-us-east-1');
      expect(awsProvider(stack, 'shop-prod-us-east-1').region).toBe('us-east-1');
    });

    it('subscribes the account e-mail to the topic', () => {
      const sub = onlyResource(stack, 'aws_sns_topic_subscription');
      expect(sub).toEqual(expect.objectContaining({ protocol: 'email', endpoint: 'aws+shop-prod@acme.example', provider: 'aws.shop-prod-us-east-1' }));
      expect(sub.topic_arn).toMatch(/^\$\{aws_sns_topic\.BillingAlarm_Topic_[0-9A-F]{8}\.arn\}$/);
    });

    it('alarms on AWS/Billing EstimatedCharges in USD, Maximum over 21600 s, at or above the threshold, notifying the topic', () => {
      const alarm = onlyResource(stack, 'aws_cloudwatch_metric_alarm');
      const { '//': _meta, ...props } = alarm;
      expect(props).toEqual({
        provider: 'aws.shop-prod-us-east-1',
        alarm_name: 'DefaultBillingAlart',
        alarm_description: 'DefaultBillingAlart',
        actions_enabled: true,
        alarm_actions: [expect.stringMatching(/^\$\{aws_sns_topic\.BillingAlarm_Topic_[0-9A-F]{8}\.arn\}$/)],
        namespace: 'AWS/Billing',
        metric_name: 'EstimatedCharges',
        statistic: 'Maximum',
        dimensions: { Currency: 'USD' },
        period: 21600,
        evaluation_periods: 1,
        comparison_operator: 'GreaterThanOrEqualToThreshold',
        // accounts[].budget.monthlyUsd: 500 in the example; the alarm follows the budget
        threshold: 500,
      });
    });

    it('adds a monthly COST budget with ACTUAL and FORECASTED notifications to the same address', () => {
      const budget = onlyResource(stack, 'aws_budgets_budget');
      expect(budget).toEqual(
        expect.objectContaining({ budget_type: 'COST', time_unit: 'MONTHLY', limit_amount: '500.0', limit_unit: 'USD', name: 'shop-prod-monthly-cost' }),
      );
      expect(budget.notification).toEqual([
        expect.objectContaining({ notification_type: 'ACTUAL', threshold: 80, threshold_type: 'PERCENTAGE', subscriber_email_addresses: ['aws+shop-prod@acme.example'] }),
        expect.objectContaining({ notification_type: 'FORECASTED', threshold: 100, threshold_type: 'PERCENTAGE', subscriber_email_addresses: ['aws+shop-prod@acme.example'] }),
      ]);
    });
  });

  describe('AWS Config', () => {
    it('creates the Config service-linked role once, in the home region', () => {
      const role = onlyResource(stack, 'aws_iam_service_linked_role');
      expect(role).toEqual(expect.objectContaining({ aws_service_name: 'config.amazonaws.com', provider: 'aws.shop-prod-us-east-1' }));
    });

    it('records all supported resources in every governed region through the account alias, global ones only in the home region', () => {
      const recorders = byPath(stack, 'aws_config_configuration_recorder');
      expect(Object.keys(recorders).sort()).toEqual(['Config-ap-northeast-1/Recorder', 'Config-us-east-1/Recorder']);
      expect(recorders['Config-us-east-1/Recorder']).toEqual(
        expect.objectContaining({ provider: 'aws.shop-prod-us-east-1', recording_group: { all_supported: true, include_global_resource_types: true } }),
      );
      expect(recorders['Config-ap-northeast-1/Recorder']).toEqual(
        expect.objectContaining({ provider: 'aws.shop-prod-ap-northeast-1', recording_group: { all_supported: true, include_global_resource_types: false } }),
      );
      for (const r of Object.values(recorders)) expect(r.role_arn).toMatch(/^\$\{aws_iam_service_linked_role\.ConfigServiceRole_[0-9A-F]{8}\.arn\}$/);
    });

    it('delivers to the Config log bucket (not the Object Lock trail bucket) under the config prefix with the snapshot frequency, and turns each recorder on after its channel', () => {
      const channels = byPath(stack, 'aws_config_delivery_channel');
      const statuses = byPath(stack, 'aws_config_configuration_recorder_status');
      for (const region of ['us-east-1', 'ap-northeast-1']) {
        const channel = channels[`Config-${region}/DeliveryChannel`];
        expect(channel).toEqual(
          expect.objectContaining({
            provider: `aws.shop-prod-${region}`,
            s3_bucket_name: 'acme-config-logs-111111111111',
            s3_key_prefix: 'config',
            snapshot_delivery_properties: { delivery_frequency: 'TwentyFour_Hours' },
          }),
        );
        const status = statuses[`Config-${region}/Status`];
        expect(status.is_enabled).toBe(true);
        expect(status.provider).toBe(`aws.shop-prod-${region}`);
        expect(status.depends_on).toEqual([expect.stringMatching(new RegExp(`^aws_config_delivery_channel\\.Config-${region}_DeliveryChannel_`))]);
        expect(channel.depends_on).toEqual([expect.stringMatching(new RegExp(`^aws_config_configuration_recorder\\.Config-${region}_Recorder_`))]);
      }
    });

    it("deploys the managed rules in every governed region through the account's alias after that region's recorder, account-wide ones only in the home region", () => {
      expectAccountConfig(stack, 'shop-prod', ['us-east-1', 'ap-northeast-1'], 'us-east-1');
      const rules = byPath(stack, 'aws_config_config_rule');
      expect(rules['ConfigRules-us-east-1/iam-password-policy']).toEqual(
        expect.objectContaining({
          name: 'lz-iam-password-policy',
          source: { owner: 'AWS', source_identifier: 'IAM_PASSWORD_POLICY' },
          maximum_execution_frequency: 'TwentyFour_Hours',
          provider: 'aws.shop-prod-us-east-1',
        }),
      );
      expect(JSON.parse(rules['ConfigRules-us-east-1/iam-password-policy'].input_parameters)).toMatchObject({ MinimumPasswordLength: '14', PasswordReusePrevention: '24' });
      expect(rules['ConfigRules-ap-northeast-1/encrypted-volumes']).toEqual(
        expect.objectContaining({ name: 'lz-encrypted-volumes', source: { owner: 'AWS', source_identifier: 'ENCRYPTED_VOLUMES' }, provider: 'aws.shop-prod-ap-northeast-1' }),
      );
      expect(rules['ConfigRules-ap-northeast-1/encrypted-volumes'].maximum_execution_frequency).toBeUndefined();
      expect(rules['ConfigRules-ap-northeast-1/iam-password-policy']).toBeUndefined();
    });
  });

  describe('hardening', () => {
    it('sets a strong IAM password policy and the S3 account public access block once', () => {
      expect(onlyResource(stack, 'aws_iam_account_password_policy')).toEqual(
        expect.objectContaining({
          provider: 'aws.shop-prod-us-east-1',
          minimum_password_length: 14,
          require_uppercase_characters: true,
          require_lowercase_characters: true,
          require_numbers: true,
          require_symbols: true,
          max_password_age: 90,
          password_reuse_prevention: 24,
        }),
      );
      expect(onlyResource(stack, 'aws_s3_account_public_access_block')).toEqual(
        expect.objectContaining({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true }),
      );
    });

    it('turns on EBS encryption by default in every governed region, and leaves IMDS defaults to the EC2 declarative policy at Root', () => {
      const ebs = Object.values(resourcesOf(stack, 'aws_ebs_encryption_by_default'));
      expect(ebs.map((r) => r.provider).sort()).toEqual(['aws.shop-prod-ap-northeast-1', 'aws.shop-prod-us-east-1']);
      expect(ebs.every((r) => r.enabled === true)).toBe(true);
      expect(resourcesOf(stack, 'aws_ec2_instance_metadata_defaults')).toEqual({});
    });

    it('leaves the account Access Analyzer to the organization analyzer, and sets no alternate contacts when none are configured', () => {
      expect(resourcesOf(stack, 'aws_accessanalyzer_analyzer')).toEqual({});
      expect(resourcesOf(stack, 'aws_account_alternate_contact')).toEqual({});
    });
  });
});

describe('workload stack baseline (examples/enterprise.yaml: OU and account overrides)', () => {
  let lz: SynthesizedLandingZone;
  beforeAll(() => {
    lz = synthLandingZone(exampleConfig('enterprise'));
  });

  it('applies the Sandbox OU override: a lower budget, the alarm following it, daily recording', () => {
    const stack = lz.stack('workload-sandbox-alice');
    expect(onlyResource(stack, 'aws_budgets_budget').limit_amount).toBe('50.0');
    expect(onlyResource(stack, 'aws_cloudwatch_metric_alarm').threshold).toBe(50);
    for (const r of Object.values(resourcesOf(stack, 'aws_config_configuration_recorder'))) {
      expect(r.recording_mode).toEqual({ recording_frequency: 'DAILY' });
    }
  });

  it('lets the nearest OU win and a child OU inherit its parent\'s override; the account override wins over both', () => {
    const payments = lz.stack('workload-payments-prod'); // Workloads/Prod/Regulated
    for (const c of Object.values(resourcesOf(payments, 'aws_config_delivery_channel'))) {
      expect(c.snapshot_delivery_properties).toEqual({ delivery_frequency: 'One_Hour' }); // Regulated beats the top level
    }
    expect(onlyResource(payments, 'aws_iam_account_password_policy').minimum_password_length).toBe(16); // from Workloads/Prod
    expect(onlyResource(payments, 'aws_sns_topic_subscription').endpoint).toBe('payments-oncall@globex.example'); // accounts[].baseline
    expect(onlyResource(payments, 'aws_cloudwatch_metric_alarm').threshold).toBe(20000); // accounts[].budget

    const web = lz.stack('workload-web-prod'); // Workloads/Prod
    for (const c of Object.values(resourcesOf(web, 'aws_config_delivery_channel'))) {
      expect(c.snapshot_delivery_properties).toEqual({ delivery_frequency: 'Twelve_Hours' }); // top level
    }
    expect(onlyResource(web, 'aws_iam_account_password_policy').minimum_password_length).toBe(16);
    expect(onlyResource(lz.stack('workload-payments-dev'), 'aws_iam_account_password_policy').minimum_password_length).toBe(14);
  });

  it('sets the top-level alternate contacts in each workload account, through its own provider', () => {
    const contacts = Object.values(resourcesOf(lz.stack('workload-network'), 'aws_account_alternate_contact'));
    expect(contacts.map((c) => c.alternate_contact_type).sort()).toEqual(['OPERATIONS', 'SECURITY']);
    expect(contacts.every((c) => c.provider === 'aws.network-ap-northeast-1' && c.account_id === undefined)).toBe(true);
    expect(contacts.find((c) => c.alternate_contact_type === 'SECURITY')).toEqual(
      expect.objectContaining({ name: 'Globex CSIRT', email_address: 'csirt@globex.example', phone_number: '+81-3-1234-5603' }),
    );
  });

  it('records global resources only in the home region ap-northeast-1, with three governed regions', () => {
    const recorders = Object.values(resourcesOf(lz.stack('workload-network'), 'aws_config_configuration_recorder'));
    expect(recorders).toHaveLength(3);
    const global = recorders.filter((r) => r.recording_group.include_global_resource_types).map((r) => r.provider);
    expect(global).toEqual(['aws.network-ap-northeast-1']);
  });

  it('deploys the Config rules per account in the three governed regions, account-wide ones only in the home region ap-northeast-1', () => {
    const governed = lz.stacks.management.config.organization.governedRegions;
    expect(governed).toHaveLength(3);
    expectAccountConfig(lz.stack('workload-network'), 'network', governed, 'ap-northeast-1');
    expectAccountConfig(lz.stack('log-archive'), 'log-archive', governed, 'ap-northeast-1');
  });

  it('has no organization Config rules in any stack', () => {
    for (const [id, json] of Object.entries(lz.json)) {
      expect([id, resourcesOf(json, 'aws_config_organization_managed_rule')]).toEqual([id, {}]);
      expect([id, resourcesOf(json, 'aws_config_organization_custom_rule')]).toEqual([id, {}]);
    }
    for (const id of ['log-archive', 'security', 'workload-web-prod']) expect([id, Object.keys(resourcesOf(lz.stack(id), 'aws_config_config_rule')).length > 0]).toEqual([id, true]);
  });
});

describe('workload stack baseline switches', () => {
  function synthWith(edit: (input: any) => void): StackJson {
    return synthLandingZone(minimalConfig(edit)).stack('workload-shop-dev');
  }

  it('puts the billing alarm in us-east-1 even when us-east-1 is not governed, and Config only in governed regions', () => {
    const stack = synthWith((input) => {
      input.organization.homeRegion = 'ap-northeast-1';
      input.organization.governedRegions = ['ap-northeast-1'];
    });
    expect(onlyResource(stack, 'aws_cloudwatch_metric_alarm').provider).toBe('aws.shop-dev-us-east-1');
    expect(onlyResource(stack, 'aws_budgets_budget').provider).toBe('aws.shop-dev-us-east-1');
    expect(onlyResource(stack, 'aws_config_configuration_recorder').provider).toBe('aws.shop-dev-ap-northeast-1');
    expect(onlyResource(stack, 'aws_config_configuration_recorder').recording_group.include_global_resource_types).toBe(true);
    expect(Object.values(resourcesOf(stack, 'aws_ebs_encryption_by_default')).map((r) => r.provider)).toEqual(['aws.shop-dev-ap-northeast-1']);
  });

  it('creates an account Access Analyzer per governed region when the organization analyzer is off', () => {
    const stack = synthWith((input) => {
      input.security = { accessAnalyzer: { enabled: false } };
    });
    const analyzers = Object.values(resourcesOf(stack, 'aws_accessanalyzer_analyzer'));
    expect(analyzers.map((a) => a.provider).sort()).toEqual(['aws.shop-dev-ap-northeast-1', 'aws.shop-dev-us-east-1']);
    expect(analyzers.every((a) => a.type === 'ACCOUNT' && a.analyzer_name === 'acme-account')).toBe(true);
  });

  it("checks the password policy the account's baseline sets, with its overrides", () => {
    const stack = synthWith((input) => {
      input.accounts[3].baseline = { passwordPolicy: { minimumLength: 20, maxAgeDays: 0, reusePrevention: 0, requireSymbols: false } };
    });
    const rule = Object.values(resourcesOf(stack, 'aws_config_config_rule')).find((r) => r.name === 'lz-iam-password-policy')!;
    expect(onlyResource(stack, 'aws_iam_account_password_policy').minimum_password_length).toBe(20);
    expect(JSON.parse(rule.input_parameters)).toEqual({
      RequireUppercaseCharacters: 'true',
      RequireLowercaseCharacters: 'true',
      RequireSymbols: 'false',
      RequireNumbers: 'true',
      MinimumPasswordLength: '20',
    });
  });

  it('honours the switches: no alarm, no budget, no Config, no password policy; existing Config role referenced by ARN', () => {
    const off = synthWith((input) => {
      input.baseline = { billingAlarm: { enabled: false }, budget: { enabled: false }, passwordPolicy: { enabled: false }, s3BlockPublicAccess: false };
    });
    for (const type of ['aws_cloudwatch_metric_alarm', 'aws_sns_topic', 'aws_budgets_budget', 'aws_iam_account_password_policy', 'aws_s3_account_public_access_block']) {
      expect([type, resourcesOf(off, type)]).toEqual([type, {}]);
    }
    const noConfig = synthWith((input) => {
      input.baseline = { config: { enabled: false } };
    });
    expect(resourcesOf(noConfig, 'aws_config_configuration_recorder')).toEqual({});
    expect(resourcesOf(noConfig, 'aws_iam_service_linked_role')).toEqual({});
    expect(resourcesOf(noConfig, 'aws_config_config_rule')).toEqual({}); // no recorder, no rules

    const adopted = synthWith((input) => {
      input.accounts[3].id = '333333333333';
      input.accounts[3].baseline = { config: { createServiceLinkedRole: false } };
    });
    expect(resourcesOf(adopted, 'aws_iam_service_linked_role')).toEqual({});
    for (const r of Object.values(resourcesOf(adopted, 'aws_config_configuration_recorder'))) {
      expect(r.role_arn).toBe('arn:aws:iam::333333333333:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig');
    }
  });

  it('deploys only the chosen Config rules, and none when security.config is off, keeping the recorders', () => {
    const some = synthWith((input) => {
      input.security = { config: { rules: ['root-account-mfa-enabled', 'restricted-ssh'] } };
    });
    const rules = Object.values(resourcesOf(some, 'aws_config_config_rule'));
    expect(rules.map((r) => [r.provider, r.name]).sort()).toEqual([
      ['aws.shop-dev-ap-northeast-1', 'lz-restricted-ssh'],
      ['aws.shop-dev-us-east-1', 'lz-restricted-ssh'],
      ['aws.shop-dev-us-east-1', 'lz-root-account-mfa-enabled'],
    ]);
    for (const input of [{ config: { rules: [] } }, { config: { enabled: false } }]) {
      const stack = synthWith((i) => {
        i.security = input;
      });
      expect([input, resourcesOf(stack, 'aws_config_config_rule')]).toEqual([input, {}]);
      expect(Object.keys(resourcesOf(stack, 'aws_config_configuration_recorder'))).toHaveLength(2);
    }
  });

  it('uses an explicit alarm threshold and e-mail over the budget and the account e-mail', () => {
    const stack = synthWith((input) => {
      input.baseline = { budget: { monthlyUsd: 300, emails: ['finops@acme.example'] }, billingAlarm: { thresholdUsd: 250, email: 'ops@acme.example' } };
    });
    expect(onlyResource(stack, 'aws_cloudwatch_metric_alarm').threshold).toBe(250);
    expect(onlyResource(stack, 'aws_sns_topic_subscription').endpoint).toBe('ops@acme.example');
    expect(onlyResource(stack, 'aws_budgets_budget').notification[0].subscriber_email_addresses).toEqual(['finops@acme.example']);
  });
});
