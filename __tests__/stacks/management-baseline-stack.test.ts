import { parse } from 'yaml';
import { configFrom, MINIMAL_YAML } from '../harness/config';
import { awsProvider, onlyResource, resourcesOf, synthLandingZone, type StackJson, type SynthesizedLandingZone } from '../harness/synth';
import { GLOBAL_RULE_IDENTIFIERS, REGIONAL_RULE_IDENTIFIERS } from './baseline-expectations';
import { managementBaseline } from '../../config/effective-baseline';

const GOVERNED = ['us-east-1', 'ap-northeast-1'];
/** The stack's own providers: the default one in the home region, an alias per other governed region. */
const PROVIDER_OF: Record<string, string> = { 'us-east-1': 'aws', 'ap-northeast-1': 'aws.ap-northeast-1' };

/** A top-level baseline with values the management account must take, and an OU override and account baseline it must ignore. */
function input(): any {
  const config = parse(MINIMAL_YAML);
  config.organization.alternateContacts = { security: { name: 'Sec', title: 'CISO', email: 'sec@acme.example', phone: '+1 555 0100' } };
  config.baseline = {
    passwordPolicy: { minimumLength: 16 },
    alternateContacts: { operations: { name: 'Ops', title: 'SRE', email: 'ops@acme.example', phone: '+1 555 0101' } },
    ouOverrides: { Security: { passwordPolicy: { minimumLength: 30 }, ebsEncryptionByDefault: false } },
  };
  return config;
}

describe('management-baseline stack (the management account: AWS Config and hardening)', () => {
  let lz: SynthesizedLandingZone;
  let json: StackJson;
  beforeAll(() => {
    lz = synthLandingZone(configFrom(input()));
    json = lz.stack('management-baseline');
  });

  it('runs with the stack own credentials: no provider assumes a role, one per governed region', () => {
    const providers = json.provider?.aws ?? [];
    expect(providers.map((p) => [p.alias, p.region])).toEqual([
      [undefined, 'us-east-1'],
      ['ap-northeast-1', 'ap-northeast-1'],
    ]);
    for (const p of providers) expect(p.assume_role).toBeUndefined();
    for (const resources of Object.values(json.resource ?? {})) {
      for (const r of Object.values(resources)) expect(Object.values(PROVIDER_OF)).toContain(r.provider);
    }
  });

  it('records in every governed region into the log-archive account\'s Config bucket (no Object Lock), global resource types in the home region only', () => {
    const configBucket = Object.entries(resourcesOf(lz.stack('log-archive'), 'aws_s3_bucket')).find(([name]) => name.startsWith('LogBucket_ConfigLogs_'))![1];
    expect(configBucket.object_lock_enabled).toBeUndefined();
    const logBucket = configBucket.bucket;
    const recorders = Object.values(resourcesOf(json, 'aws_config_configuration_recorder'));
    expect(recorders.map((r) => [r.provider, r.recording_group.include_global_resource_types])).toEqual(
      expect.arrayContaining(GOVERNED.map((region) => [PROVIDER_OF[region], region === 'us-east-1'])),
    );
    expect(recorders).toHaveLength(GOVERNED.length);
    const channels = Object.values(resourcesOf(json, 'aws_config_delivery_channel'));
    expect(channels.map((c) => c.provider).sort()).toEqual(recorders.map((r) => r.provider).sort());
    for (const c of channels) expect(c).toMatchObject({ s3_bucket_name: logBucket, s3_key_prefix: 'config' });
    const statuses = Object.values(resourcesOf(json, 'aws_config_configuration_recorder_status'));
    expect(statuses.map((s) => [s.provider, s.is_enabled])).toEqual(expect.arrayContaining(GOVERNED.map((r) => [PROVIDER_OF[r], true])));
    expect(statuses).toHaveLength(GOVERNED.length);
    expect(onlyResource(json, 'aws_iam_service_linked_role')).toMatchObject({ aws_service_name: 'config.amazonaws.com' });
    expect(onlyResource(json, 'aws_iam_service_linked_role').provider).toBe('aws');
  });

  it('evaluates account-wide rules in the home region only and regional rules everywhere, each after its region recorder', () => {
    const statuses = Object.entries(resourcesOf(json, 'aws_config_configuration_recorder_status'));
    const rules = Object.values(resourcesOf(json, 'aws_config_config_rule'));
    for (const region of GOVERNED) {
      const [statusName] = statuses.find(([, s]) => s.provider === PROVIDER_OF[region])!;
      const inRegion = rules.filter((r) => r.provider === PROVIDER_OF[region]);
      const expected = region === 'us-east-1' ? [...GLOBAL_RULE_IDENTIFIERS, ...REGIONAL_RULE_IDENTIFIERS] : REGIONAL_RULE_IDENTIFIERS;
      expect([region, inRegion.map((r) => r.source.source_identifier).sort()]).toEqual([region, [...expected].sort()]);
      for (const rule of inRegion) expect(rule.depends_on).toEqual([`aws_config_configuration_recorder_status.${statusName}`]);
    }
    // The password rule checks the top-level policy, not the Security OU override.
    const password = rules.find((r) => r.source.source_identifier === 'IAM_PASSWORD_POLICY')!;
    expect(JSON.parse(password.input_parameters).MinimumPasswordLength).toBe('16');
  });

  it('hardens the account with the top-level baseline only: password policy and S3 block once, EBS defaults per region (IMDS is the Root declarative policy\'s)', () => {
    const policy = onlyResource(json, 'aws_iam_account_password_policy');
    expect([policy.provider, policy.minimum_password_length]).toEqual(['aws', 16]);
    expect(onlyResource(json, 'aws_s3_account_public_access_block').provider).toBe('aws');
    const ebs = Object.values(resourcesOf(json, 'aws_ebs_encryption_by_default'));
    expect(ebs.map((r) => [r.provider, r.enabled])).toEqual(expect.arrayContaining(GOVERNED.map((r) => [PROVIDER_OF[r], true])));
    expect(ebs).toHaveLength(GOVERNED.length);
    expect(resourcesOf(json, 'aws_ec2_instance_metadata_defaults')).toEqual({});
    // The organization analyzer (security stack) covers the account: `auto` makes no account analyzer.
    expect(resourcesOf(json, 'aws_accessanalyzer_analyzer')).toEqual({});
  });

  it('leaves the cost guards and contacts to the management stack: no alarm, budget, topic or contacts here', () => {
    for (const type of ['aws_cloudwatch_metric_alarm', 'aws_budgets_budget', 'aws_sns_topic', 'aws_account_alternate_contact']) {
      expect([type, resourcesOf(json, type)]).toEqual([type, {}]);
    }
    expect(Object.keys(resourcesOf(lz.stack('management'), 'aws_account_alternate_contact'))).toHaveLength(1);
  });

  it('keeps the management stack to the organization: no Config or hardening there', () => {
    const types = Object.keys(lz.stack('management').resource ?? {});
    expect(types.filter((t) => /^aws_config_|^aws_iam_account_password_policy$|^aws_ebs_encryption_by_default$/.test(t))).toEqual([]);
  });

  it('applies after the log-archive stack that creates the log bucket, in the same wave as the security stack', () => {
    expect(lz.manifest.stacks['management-baseline'].dependencies).toEqual(['log-archive']);
    expect(lz.manifest.stacks.security.dependencies).not.toContain('management-baseline');
    expect(awsProvider(json).region).toBe('us-east-1');
  });
});

describe('management-baseline stack options', () => {
  it('gives the management account an analyzer per governed region when the organization analyzer is off (accessAnalyzer auto)', () => {
    const config = input();
    config.security = { accessAnalyzer: { enabled: false } };
    const json = synthLandingZone(configFrom(config)).stack('management-baseline');
    const analyzers = Object.values(resourcesOf(json, 'aws_accessanalyzer_analyzer'));
    expect(analyzers.map((a) => [a.provider, a.type])).toEqual(expect.arrayContaining(GOVERNED.map((r) => [PROVIDER_OF[r], 'ACCOUNT'])));
    expect(analyzers).toHaveLength(GOVERNED.length);
  });

  it('resolves only the top-level baseline for the management account, deriving the alarm e-mail from baseline.management', () => {
    const config = input();
    config.baseline.management = { email: 'billing@acme.example' };
    const values = managementBaseline(configFrom(config));
    expect(values.passwordPolicy.minimumLength).toBe(16);
    expect(values.ebsEncryptionByDefault).toBe(true);
    expect(values.billingAlarm.email).toBe('billing@acme.example');
    expect(values.accountAccessAnalyzer).toBe(false);
  });
});
