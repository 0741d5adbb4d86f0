import { dirname, join } from 'node:path';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { loadPolicy } from '@cloud-copilot/iam-policy';
import { configFrom, MINIMAL_YAML } from '../../harness/config';
import { resourcesOf, synthLandingZone, type StackJson } from '../../harness/synth';
import { parse } from 'yaml';

// The bucket and key policies exactly as the log-archive stack synthesizes them, with the Terraform
// references (organization id, account ids, bucket ARN) replaced by sample values, evaluated by an
// IAM policy simulator.
const ORG = 'o-abc123defg';
const OTHER_ORG = 'o-zzz999yyyy';
const LOG_ARCHIVE = '222222222222';
const SECURITY = '333333333333';
const MANAGEMENT = '111111111111';
const BUCKET = 'acme-logs-111111111111';
const BUCKET_ARN = `arn:aws:s3:::${BUCKET}`;
const CONFIG_BUCKET_ARN = 'arn:aws:s3:::acme-config-logs-111111111111';
const KEY_ARN = `arn:aws:kms:us-east-1:${LOG_ARCHIVE}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

function resolveTokens(text: string): string {
  return text.replace(/\$\{([^}]*)\}/g, (_, ref: string) => {
    if (ref.includes('aws_organizations_organization')) return ORG;
    if (ref.includes('Account-log-archive')) return LOG_ARCHIVE;
    if (ref.includes('Account-security')) return SECURITY;
    if (ref.startsWith('aws_s3_bucket.LogBucket_ConfigLogs') && ref.endsWith('.arn')) return CONFIG_BUCKET_ARN;
    if (ref.startsWith('aws_s3_bucket.') && ref.endsWith('.arn')) return BUCKET_ARN;
    throw new Error(`unexpected reference in policy: ${ref}`);
  });
}

function policyOf(json: StackJson, type: string, match: (r: Record<string, any>) => boolean): any {
  const found = Object.values(resourcesOf(json, type)).filter(match);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return JSON.parse(resolveTokens(found[0].policy));
}

type Outcome = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';

// runSimulation drops request context keys it does not know for the action, and it does not know
// `kms:EncryptionContext:<key>` (its variable-key match needs a "/"). The key policy is therefore
// evaluated with the simulator's core engine, which takes the request context as given.
const dist = dirname(require.resolve('@cloud-copilot/iam-simulate'));
const { authorize } = require(join(dist, 'core_engine/CoreSimulatorEngine.js'));
const { AwsRequestImpl } = require(join(dist, 'request/request.js'));
const { RequestContextImpl } = require(join(dist, 'requestContext.js'));
const { DiscoveryContextKeyConstraints } = require(join(dist, 'context_keys/discoveryContextKeyConstraints.js'));

function simulateKey(opts: { policy: any; principal: string; action: string; context: Record<string, string> }): Outcome {
  const request = new AwsRequestImpl(opts.principal, { resource: KEY_ARN, accountId: LOG_ARCHIVE }, opts.action, new RequestContextImpl({ 'aws:SecureTransport': 'true', ...opts.context }));
  return authorize({
    request,
    sessionPolicy: undefined,
    identityPolicies: [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: loadPolicy(opts.policy, { name: 'key-policy' }),
    permissionBoundaries: undefined,
    vpcEndpointPolicies: undefined,
    simulationParameters: { simulationMode: 'Strict', discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints([]) },
    serviceSettings: { s3: {} },
  }).result as Outcome;
}

async function simulate(opts: {
  policy: any;
  principal: string;
  action: string;
  resource: string;
  resourceAccount: string;
  context?: Record<string, string | string[]>;
  identityPolicy?: any;
}): Promise<Outcome> {
  const response = await runSimulation(
    {
      identityPolicies: opts.identityPolicy ? [{ name: 'admin', policy: opts.identityPolicy }] : [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: opts.policy,
      request: {
        principal: opts.principal,
        action: opts.action,
        resource: { resource: opts.resource, accountId: opts.resourceAccount },
        contextVariables: { 'aws:SecureTransport': 'true', ...opts.context },
      },
    } as any,
    {},
  );
  if (response.resultType === 'error') throw new Error(JSON.stringify(response.errors));
  return response.overallResult as Outcome;
}

const ADMIN_EVERYTHING = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

describe('log archive bucket policy (simulated)', () => {
  let bucketPolicy: any;
  let configPolicy: any;
  let keyPolicy: any;

  beforeAll(() => {
    const config = configFrom(parse(MINIMAL_YAML));
    const json = synthLandingZone(config).stack('log-archive');
    bucketPolicy = policyOf(json, 'aws_s3_bucket_policy', (r) => r.bucket.includes('LogBucket_Logs'));
    configPolicy = policyOf(json, 'aws_s3_bucket_policy', (r) => r.bucket.includes('LogBucket_ConfigLogs'));
    keyPolicy = policyOf(json, 'aws_kms_key', (r) => String(r.description).includes('Central'));
  });

  const trailObject = `${BUCKET_ARN}/AWSLogs/${ORG}/${SECURITY}/CloudTrail/us-east-1/2026/11/23/x.json.gz`;

  it('lets CloudTrail write this organization\'s trail logs', async () => {
    expect(
      await simulate({ policy: bucketPolicy, principal: 'cloudtrail.amazonaws.com', action: 's3:PutObject', resource: trailObject, resourceAccount: LOG_ARCHIVE, context: { 'aws:SourceOrgID': ORG } }),
    ).toBe('Allowed');
    expect(
      await simulate({ policy: bucketPolicy, principal: 'cloudtrail.amazonaws.com', action: 's3:GetBucketAcl', resource: BUCKET_ARN, resourceAccount: LOG_ARCHIVE, context: { 'aws:SourceOrgID': ORG } }),
    ).toBe('Allowed');
  });

  it('denies a trail of another organization, even under this organization\'s path', async () => {
    expect(
      await simulate({ policy: bucketPolicy, principal: 'cloudtrail.amazonaws.com', action: 's3:PutObject', resource: trailObject, resourceAccount: LOG_ARCHIVE, context: { 'aws:SourceOrgID': OTHER_ORG } }),
    ).not.toBe('Allowed');
    expect(
      await simulate({
        policy: bucketPolicy,
        principal: 'cloudtrail.amazonaws.com',
        action: 's3:PutObject',
        resource: `${BUCKET_ARN}/AWSLogs/${OTHER_ORG}/444444444444/CloudTrail/x.json.gz`,
        resourceAccount: LOG_ARCHIVE,
        context: { 'aws:SourceOrgID': OTHER_ORG },
      }),
    ).not.toBe('Allowed');
  });

  it('lets Config of every account of this organization deliver only under config/ of the Config bucket', async () => {
    const delivery = (account: string) => `${CONFIG_BUCKET_ARN}/config/AWSLogs/${account}/Config/us-east-1/2026/11/23/snapshot.json.gz`;
    for (const account of [LOG_ARCHIVE, MANAGEMENT, '555555555555']) {
      expect(
        await simulate({ policy: configPolicy, principal: 'config.amazonaws.com', action: 's3:PutObject', resource: delivery(account), resourceAccount: LOG_ARCHIVE, context: { 'aws:SourceOrgID': ORG, 'aws:SourceAccount': account } }),
      ).toBe('Allowed');
    }
    expect(
      await simulate({ policy: configPolicy, principal: 'config.amazonaws.com', action: 's3:GetBucketAcl', resource: CONFIG_BUCKET_ARN, resourceAccount: LOG_ARCHIVE, context: { 'aws:SourceOrgID': ORG } }),
    ).toBe('Allowed');
    expect(
      await simulate({ policy: configPolicy, principal: 'config.amazonaws.com', action: 's3:PutObject', resource: `${CONFIG_BUCKET_ARN}/AWSLogs/${ORG}/x.json.gz`, resourceAccount: LOG_ARCHIVE, context: { 'aws:SourceOrgID': ORG } }),
    ).not.toBe('Allowed');
    expect(
      await simulate({ policy: configPolicy, principal: 'config.amazonaws.com', action: 's3:PutObject', resource: delivery(LOG_ARCHIVE), resourceAccount: LOG_ARCHIVE, context: { 'aws:SourceOrgID': OTHER_ORG } }),
    ).not.toBe('Allowed');
  });

  it('gives Config and GuardDuty no access to the Object Lock CloudTrail bucket', async () => {
    expect(
      await simulate({ policy: bucketPolicy, principal: 'config.amazonaws.com', action: 's3:PutObject', resource: `${BUCKET_ARN}/config/AWSLogs/${LOG_ARCHIVE}/Config/us-east-1/x.json.gz`, resourceAccount: LOG_ARCHIVE, context: { 'aws:SourceOrgID': ORG } }),
    ).not.toBe('Allowed');
    expect(
      await simulate({ policy: bucketPolicy, principal: 'guardduty.amazonaws.com', action: 's3:PutObject', resource: `${BUCKET_ARN}/guardduty/x.jsonl.gz`, resourceAccount: LOG_ARCHIVE, context: { 'aws:SourceAccount': SECURITY } }),
    ).not.toBe('Allowed');
  });

  it('lets GuardDuty of the security account export findings to the Config bucket, and nobody else', async () => {
    const finding = `${CONFIG_BUCKET_ARN}/guardduty/AWSLogs/${SECURITY}/GuardDuty/us-east-1/finding.jsonl.gz`;
    expect(
      await simulate({ policy: configPolicy, principal: 'guardduty.amazonaws.com', action: 's3:PutObject', resource: finding, resourceAccount: LOG_ARCHIVE, context: { 'aws:SourceAccount': SECURITY } }),
    ).toBe('Allowed');
    expect(
      await simulate({ policy: configPolicy, principal: 'guardduty.amazonaws.com', action: 's3:PutObject', resource: finding, resourceAccount: LOG_ARCHIVE, context: { 'aws:SourceAccount': '444444444444' } }),
    ).not.toBe('Allowed');
  });

  it('protects the Config bucket like the CloudTrail bucket: no deletion for anyone, no policy change but by the access role, TLS only', async () => {
    const object = `${CONFIG_BUCKET_ARN}/config/AWSLogs/${LOG_ARCHIVE}/Config/us-east-1/x.json.gz`;
    for (const principal of [`arn:aws:iam::${LOG_ARCHIVE}:role/Admin`, `arn:aws:iam::${LOG_ARCHIVE}:role/OrganizationAccountAccessRole`]) {
      for (const action of ['s3:DeleteObject', 's3:DeleteObjectVersion']) {
        expect(
          await simulate({ policy: configPolicy, principal, action, resource: object, resourceAccount: LOG_ARCHIVE, identityPolicy: ADMIN_EVERYTHING, context: { 'aws:PrincipalArn': principal } }),
        ).toBe('ExplicitlyDenied');
      }
    }
    const admin = `arn:aws:iam::${LOG_ARCHIVE}:role/Admin`;
    expect(
      await simulate({ policy: configPolicy, principal: admin, action: 's3:PutBucketPolicy', resource: CONFIG_BUCKET_ARN, resourceAccount: LOG_ARCHIVE, identityPolicy: ADMIN_EVERYTHING, context: { 'aws:PrincipalArn': admin } }),
    ).toBe('ExplicitlyDenied');
    expect(
      await simulate({ policy: configPolicy, principal: 'config.amazonaws.com', action: 's3:PutObject', resource: object, resourceAccount: LOG_ARCHIVE, context: { 'aws:SourceOrgID': ORG, 'aws:SecureTransport': 'false' } }),
    ).toBe('ExplicitlyDenied');
  });

  it('denies plain HTTP, even for this organization\'s trail', async () => {
    expect(
      await simulate({
        policy: bucketPolicy,
        principal: 'cloudtrail.amazonaws.com',
        action: 's3:PutObject',
        resource: trailObject,
        resourceAccount: LOG_ARCHIVE,
        context: { 'aws:SourceOrgID': ORG, 'aws:SecureTransport': 'false' },
      }),
    ).toBe('ExplicitlyDenied');
  });

  it('denies deleting log objects and versions to everyone, including the access role', async () => {
    for (const principal of [`arn:aws:iam::${LOG_ARCHIVE}:role/Admin`, `arn:aws:iam::${LOG_ARCHIVE}:role/OrganizationAccountAccessRole`]) {
      for (const action of ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:BypassGovernanceRetention']) {
        expect(
          await simulate({ policy: bucketPolicy, principal, action, resource: trailObject, resourceAccount: LOG_ARCHIVE, identityPolicy: ADMIN_EVERYTHING, context: { 'aws:PrincipalArn': principal } }),
        ).toBe('ExplicitlyDenied');
      }
    }
  });

  it('denies changing the bucket policy to anyone but the access role', async () => {
    expect(
      await simulate({
        policy: bucketPolicy,
        principal: `arn:aws:iam::${LOG_ARCHIVE}:role/Admin`,
        action: 's3:PutBucketPolicy',
        resource: BUCKET_ARN,
        resourceAccount: LOG_ARCHIVE,
        identityPolicy: ADMIN_EVERYTHING,
        context: { 'aws:PrincipalArn': `arn:aws:iam::${LOG_ARCHIVE}:role/Admin` },
      }),
    ).toBe('ExplicitlyDenied');
    expect(
      await simulate({
        policy: bucketPolicy,
        principal: `arn:aws:iam::${LOG_ARCHIVE}:role/OrganizationAccountAccessRole`,
        action: 's3:PutBucketPolicy',
        resource: BUCKET_ARN,
        resourceAccount: LOG_ARCHIVE,
        identityPolicy: ADMIN_EVERYTHING,
        context: { 'aws:PrincipalArn': `arn:aws:iam::${LOG_ARCHIVE}:role/OrganizationAccountAccessRole` },
      }),
    ).toBe('Allowed');
  });

  it('denies changing either bucket to a break-glass role, like the protect-log-archive SCP (only the access role may)', async () => {
    const input = parse(MINIMAL_YAML);
    input.organization.breakGlassRoleNames = ['BreakGlass'];
    const json = synthLandingZone(configFrom(input)).stack('log-archive');
    const breakGlass = `arn:aws:iam::${LOG_ARCHIVE}:role/BreakGlass`;
    for (const [name, arn] of [['LogBucket_Logs', BUCKET_ARN], ['LogBucket_ConfigLogs', CONFIG_BUCKET_ARN]] as const) {
      const policy = policyOf(json, 'aws_s3_bucket_policy', (r) => r.bucket.includes(name));
      for (const action of ['s3:PutBucketPolicy', 's3:PutLifecycleConfiguration', 's3:PutBucketVersioning']) {
        expect([
          name,
          action,
          await simulate({ policy, principal: breakGlass, action, resource: arn, resourceAccount: LOG_ARCHIVE, identityPolicy: ADMIN_EVERYTHING, context: { 'aws:PrincipalArn': breakGlass } }),
        ]).toEqual([name, action, 'ExplicitlyDenied']);
      }
    }
  });

  describe('key policy', () => {
    const trailContext = (org: string, account: string) => ({
      'aws:SourceOrgID': org,
      'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:us-east-1:${account}:trail/acme-organization-trail`,
    });

    it('lets CloudTrail generate data keys for this organization\'s trail', async () => {
      expect(
        simulateKey({ policy: keyPolicy, principal: 'cloudtrail.amazonaws.com', action: 'kms:GenerateDataKey', context: trailContext(ORG, MANAGEMENT) }),
      ).toBe('Allowed');
    });

    it('denies a trail of another organization', async () => {
      expect(
        simulateKey({ policy: keyPolicy, principal: 'cloudtrail.amazonaws.com', action: 'kms:GenerateDataKey', context: trailContext(OTHER_ORG, '444444444444') }),
      ).not.toBe('Allowed');
      expect(
        simulateKey({ policy: keyPolicy, principal: 'cloudtrail.amazonaws.com', action: 'kms:GenerateDataKey', context: trailContext(ORG, '444444444444') }),
      ).not.toBe('Allowed');
    });

    it('lets Config use the key only for this organization', async () => {
      expect(
        simulateKey({ policy: keyPolicy, principal: 'config.amazonaws.com', action: 'kms:GenerateDataKey', context: { 'aws:SourceOrgID': ORG } }),
      ).toBe('Allowed');
      expect(
        simulateKey({ policy: keyPolicy, principal: 'config.amazonaws.com', action: 'kms:GenerateDataKey', context: { 'aws:SourceOrgID': OTHER_ORG } }),
      ).not.toBe('Allowed');
    });

    it('does not let CloudTrail administer the key', async () => {
      expect(
        simulateKey({ policy: keyPolicy, principal: 'cloudtrail.amazonaws.com', action: 'kms:ScheduleKeyDeletion', context: trailContext(ORG, MANAGEMENT) }),
      ).not.toBe('Allowed');
    });
  });
});
