import { parse } from 'yaml';
import { configFrom, MINIMAL_YAML, problemsOf as problemsWithLines } from '../harness/config';
import { onlyResource, resourcesOf, synthLandingZone, type StackJson } from '../harness/synth';
import { expectAccountConfig } from './baseline-expectations';

const base = () => parse(MINIMAL_YAML);
const GOVERNED = ['us-east-1', 'ap-northeast-1'];

function byName(json: StackJson, type: string, bucket: string): Record<string, any> {
  const found = Object.entries(resourcesOf(json, type)).filter(([name]) => name.includes(bucket));
  if (found.length !== 1) throw new Error(`expected one ${type} for ${bucket}, found ${found.length}`);
  return found[0][1];
}

describe('log-archive stack', () => {
  let json: StackJson;
  beforeAll(() => {
    json = synthLandingZone(configFrom(base())).stack('log-archive');
  });

  it('creates the log storage in the log-archive account in the home region, and the account baseline through its governed-region aliases', () => {
    let baseline = 0;
    for (const [type, resources] of Object.entries(json.resource ?? {})) {
      for (const [name, r] of Object.entries(resources)) {
        const inBaseline = r['//'].metadata.path.startsWith('log-archive/Baseline/');
        if (inBaseline) baseline++;
        const expected = inBaseline ? expect.stringMatching(/^aws\.log-archive-(us-east-1|ap-northeast-1)$/) : 'aws.log-archive-us-east-1';
        expect([type, name, r.provider]).toEqual([type, name, expected]);
      }
    }
    expect(baseline).toBeGreaterThan(0);
  });

  it("gives the log-archive account its own Config: recorders and rules in every governed region, rules after the region's recorder", () => {
    expectAccountConfig(json, 'log-archive', GOVERNED, 'us-east-1');
    expect(onlyResource(json, 'aws_iam_service_linked_role')).toMatchObject({ aws_service_name: 'config.amazonaws.com', provider: 'aws.log-archive-us-east-1' });
  });

  it('delivers its Config to the Config log bucket only after that bucket\'s policy and the KMS key (with its policy) exist', () => {
    const bucketPolicy = Object.keys(resourcesOf(json, 'aws_s3_bucket_policy')).find((name) => name.startsWith('LogBucket_ConfigLogs_Policy_'));
    const key = Object.keys(resourcesOf(json, 'aws_kms_key'))[0];
    const channels = Object.values(resourcesOf(json, 'aws_config_delivery_channel'));
    expect(channels).toHaveLength(GOVERNED.length);
    for (const c of channels) {
      expect(c).toMatchObject({ s3_bucket_name: byName(json, 'aws_s3_bucket', 'LogBucket_ConfigLogs').bucket, s3_key_prefix: 'config' });
      expect(c.depends_on).toEqual([
        expect.stringMatching(/^aws_config_configuration_recorder\.Baseline_Config-(us-east-1|ap-northeast-1)_Recorder_/),
        `aws_s3_bucket_policy.${bucketPolicy}`,
        `aws_kms_key.${key}`,
      ]);
    }
  });

  it('gives the log-archive account the billing alarm, budget and hardening of the baseline, without a second analyzer', () => {
    expect(onlyResource(json, 'aws_sns_topic')).toMatchObject({ name: 'DefaultBillingAlertTopic', provider: 'aws.log-archive-us-east-1' });
    expect(onlyResource(json, 'aws_sns_topic_subscription').endpoint).toBe('aws+log@acme.example');
    expect(onlyResource(json, 'aws_cloudwatch_metric_alarm')).toMatchObject({ alarm_name: 'DefaultBillingAlart', threshold: 100 });
    expect(onlyResource(json, 'aws_budgets_budget').name).toBe('log-archive-monthly-cost');
    expect(onlyResource(json, 'aws_iam_account_password_policy').minimum_password_length).toBe(14);
    expect(onlyResource(json, 'aws_s3_account_public_access_block').provider).toBe('aws.log-archive-us-east-1');
    expect(Object.values(resourcesOf(json, 'aws_ebs_encryption_by_default')).map((r) => r.provider).sort()).toEqual(GOVERNED.map((r) => `aws.log-archive-${r}`).sort());
    expect(resourcesOf(json, 'aws_accessanalyzer_analyzer')).toEqual({});
  });

  it('has a rotating KMS key under alias/<org>-logs, protected from destroy', () => {
    const key = onlyResource(json, 'aws_kms_key');
    expect(key).toMatchObject({ enable_key_rotation: true, lifecycle: { prevent_destroy: true } });
    expect(onlyResource(json, 'aws_kms_alias').name).toBe('alias/acme-logs');
  });

  it('creates the CloudTrail log bucket with Object Lock, the Config log bucket without, and the access-log bucket, all protected from destroy', () => {
    const logs = byName(json, 'aws_s3_bucket', 'LogBucket_Logs');
    expect(logs).toMatchObject({ bucket: 'acme-logs-111111111111', object_lock_enabled: true, lifecycle: { prevent_destroy: true } });
    // AWS Config does not support a delivery channel to a bucket where Object Lock is enabled.
    const config = byName(json, 'aws_s3_bucket', 'LogBucket_ConfigLogs');
    expect(config).toMatchObject({ bucket: 'acme-config-logs-111111111111', lifecycle: { prevent_destroy: true } });
    expect(config.object_lock_enabled).toBeUndefined();
    expect(Object.values(resourcesOf(json, 'aws_s3_bucket_object_lock_configuration')).map((l) => l.bucket)).toEqual([expect.stringMatching(/^\$\{aws_s3_bucket\.LogBucket_Logs_[0-9A-F]+\.id\}$/)]);
    const access = byName(json, 'aws_s3_bucket', 'AccessLogs');
    expect(access).toMatchObject({ bucket: 'acme-access-logs-111111111111', lifecycle: { prevent_destroy: true } });
    expect(access.object_lock_enabled).toBeUndefined();
  });

  it('encrypts the log bucket with the key and a bucket key; the access-log bucket with SSE-S3', () => {
    const logs = byName(json, 'aws_s3_bucket_server_side_encryption_configuration', 'LogBucket_Logs');
    expect(logs.rule[0]).toEqual({
      apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: expect.stringMatching(/^\$\{aws_kms_key\.LogKey.*\.arn\}$/) },
      bucket_key_enabled: true,
    });
    expect(byName(json, 'aws_s3_bucket_server_side_encryption_configuration', 'LogBucket_ConfigLogs').rule[0]).toEqual(logs.rule[0]);
    expect(byName(json, 'aws_s3_bucket_server_side_encryption_configuration', 'AccessLogs').rule[0].apply_server_side_encryption_by_default.sse_algorithm).toBe('AES256');
  });

  it('sets the default Object Lock retention from the config (GOVERNANCE, 365 days by default)', () => {
    expect(onlyResource(json, 'aws_s3_bucket_object_lock_configuration').rule).toEqual({ default_retention: { mode: 'GOVERNANCE', days: 365 } });
  });

  it('moves logs of both log buckets to colder storage, then expires them and old versions', () => {
    for (const lifecycle of ['LogBucket_Lifecycle', 'LogBucket_ConfigLogsLifecycle']) {
      const rule = byName(json, 'aws_s3_bucket_lifecycle_configuration', lifecycle).rule[0];
      expect(rule).toMatchObject({
        status: 'Enabled',
        transition: [{ days: 90, storage_class: 'GLACIER_IR' }],
        expiration: [{ days: 3650 }],
        noncurrent_version_expiration: [{ noncurrent_days: 365 }],
      });
    }
  });

  it('blocks public access and enforces bucket ownership on every bucket', () => {
    for (const r of Object.values(resourcesOf(json, 'aws_s3_bucket_public_access_block'))) {
      expect(r).toMatchObject({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
    }
    for (const r of Object.values(resourcesOf(json, 'aws_s3_bucket_ownership_controls'))) expect(r.rule.object_ownership).toBe('BucketOwnerEnforced');
    expect(Object.keys(resourcesOf(json, 'aws_s3_bucket_public_access_block'))).toHaveLength(3);
  });

  it('sends both log buckets\' server access logs to the access-log bucket, which accepts them from both', () => {
    const logging = Object.values(resourcesOf(json, 'aws_s3_bucket_logging'));
    expect(logging.map((l) => [l.bucket.replace(/_[0-9A-F]+\.id\}$/, ''), l.target_prefix]).sort()).toEqual([
      ['${aws_s3_bucket.LogBucket_ConfigLogs', 'acme-config-logs-111111111111/'],
      ['${aws_s3_bucket.LogBucket_Logs', 'acme-logs-111111111111/'],
    ]);
    for (const l of logging) expect(l.target_bucket).toMatch(/AccessLogs/);
    const access = JSON.parse(byName(json, 'aws_s3_bucket_policy', 'AccessLogs').policy).Statement.find((s: any) => s.Sid === 'S3ServerAccessLogs');
    expect(access.Condition.ArnLike['aws:SourceArn']).toEqual(['arn:aws:s3:::acme-logs-111111111111', 'arn:aws:s3:::acme-config-logs-111111111111']);
  });

  it('scopes both bucket policies to the organization from the management stack and the landing zone\'s trail, denies non-TLS and log deletion; Config and GuardDuty only on the Config bucket', () => {
    const trailPolicy = JSON.parse(byName(json, 'aws_s3_bucket_policy', 'LogBucket_Logs').policy);
    const trailSids = trailPolicy.Statement.map((s: any) => s.Sid);
    expect(trailSids).toEqual(['DenyInsecureTransport', 'CloudTrailAclCheck', 'CloudTrailWritesManagementAccount', 'CloudTrailWritesOrganization', 'DenyLogDeletion', 'DenyWeakeningExceptAdminRoles']);
    const trail = trailPolicy.Statement.find((s: any) => s.Sid === 'CloudTrailWritesOrganization');
    expect(trail.Resource).toMatch(/\/AWSLogs\/\$\{data\.terraform_remote_state\.cross-stack-reference-input-management.*aws_organizations_organization.*\}\/\*$/);
    expect(trail.Condition.StringEquals['aws:SourceArn']).toEqual(['arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-organization-trail']);
    const configPolicy = JSON.parse(byName(json, 'aws_s3_bucket_policy', 'LogBucket_ConfigLogs').policy);
    expect(configPolicy.Statement.map((s: any) => s.Sid)).toEqual([
      'DenyInsecureTransport',
      'ConfigBucketChecks',
      'ConfigDelivers',
      'GuardDutyLocatesBucket',
      'GuardDutyExportsFindings',
      'DenyLogDeletion',
      'DenyWeakeningExceptAdminRoles',
    ]);
    const config = configPolicy.Statement.find((s: any) => s.Sid === 'ConfigDelivers');
    expect(config.Condition.StringEquals['aws:SourceOrgID']).toMatch(/terraform_remote_state\.cross-stack-reference-input-management.*aws_organizations_organization/);
  });

  it('applies COMPLIANCE mode and other retentions from the config', () => {
    const config = configFrom({ ...base(), logging: { retentionDays: 2555, objectLock: { mode: 'COMPLIANCE', retentionDays: 730 }, coldStorage: { afterDays: 30, storageClass: 'STANDARD_IA' } } });
    const custom = synthLandingZone(config).stack('log-archive');
    expect(onlyResource(custom, 'aws_s3_bucket_object_lock_configuration').rule.default_retention).toEqual({ mode: 'COMPLIANCE', days: 730 });
    for (const lifecycle of ['LogBucket_Lifecycle', 'LogBucket_ConfigLogsLifecycle']) {
      expect(byName(custom, 'aws_s3_bucket_lifecycle_configuration', lifecycle).rule[0]).toMatchObject({
        transition: [{ days: 30, storage_class: 'STANDARD_IA' }],
        expiration: [{ days: 2555 }],
      });
    }
  });

  it('leaves Object Lock off when the config turns it off', () => {
    const custom = synthLandingZone(configFrom({ ...base(), logging: { objectLock: { enabled: false } } })).stack('log-archive');
    expect(resourcesOf(custom, 'aws_s3_bucket_object_lock_configuration')).toEqual({});
    expect(byName(custom, 'aws_s3_bucket', 'LogBucket_Logs').object_lock_enabled).toBeUndefined();
  });
});

describe('logging config', () => {
  const withLogging = (logging: unknown) => JSON.stringify({ ...base(), logging });
  /** The problems, without the line numbers (the JSON text is one line). */
  const problemsOf = (text: string) => problemsWithLines(text).replace(/ \(line \d+\)/g, '');

  it('fails when Object Lock retention outlives the lifecycle expiry', () => {
    expect(problemsOf(withLogging({ retentionDays: 365, objectLock: { retentionDays: 400 } }))).toContain(
      'logging.objectLock.retentionDays: 400 days is longer than logging.retentionDays (365); locked versions could not expire: lower it to at most 365 or raise logging.retentionDays',
    );
  });

  it('fails when a retention is out of range', () => {
    expect(problemsOf(withLogging({ retentionDays: 0 }))).toContain('logging.retentionDays: 0 must be at least 1 day');
    expect(problemsOf(withLogging({ trail: { lake: { enabled: true, retentionDays: 5000 } } }))).toContain('logging.trail.lake.retentionDays: 5000 must be at most 2555 days');
  });

  it('fails when logs would expire before moving to colder storage, or move too early', () => {
    expect(problemsOf(withLogging({ retentionDays: 60, objectLock: { retentionDays: 30 }, coldStorage: { afterDays: 90 } }))).toContain(
      'logging.coldStorage.afterDays: 90 days is not before logging.retentionDays (60); objects would expire before moving to GLACIER_IR: use fewer days than 60',
    );
    expect(problemsOf(withLogging({ coldStorage: { afterDays: 10, storageClass: 'STANDARD_IA' } }))).toContain(
      'logging.coldStorage.afterDays: 10 days is too early for STANDARD_IA; S3 moves objects there after at least 30 days',
    );
  });

  it('fails on an Object Lock mode that does not exist', () => {
    expect(problemsOf(withLogging({ objectLock: { mode: 'STRICT' } }))).toContain('logging.objectLock.mode: "STRICT" must be GOVERNANCE or COMPLIANCE');
  });
});
