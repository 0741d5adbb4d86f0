import { exampleConfig } from '../harness/config';
import { resourcesOf, synthLandingZone, type StackJson } from '../harness/synth';
import { evaluateIdentity, readOnlyAccess } from './simulate-pipeline';
import { ORG_ID, OTHER_ORG_ID } from './simulate';

/*
 * The synthesized policies of examples/enterprise.yaml (ci.provider github, S3 state), evaluated by
 * @cloud-copilot/iam-simulate with the real ReadOnlyAccess: what a pull request's plan can and cannot do
 * (the whole deny list and every read the plans make: plan-role-reads.test.ts). Who may assume the CI roles by
 * OIDC is in pipeline-trust.test.ts.
 */
const MANAGEMENT = '123456789012';
const SHOP = '210987654323'; // payments-prod, an adopted workload account
const GITHUB = 'token.actions.githubusercontent.com';
const OIDC_ARN = `arn:aws:iam::${MANAGEMENT}:oidc-provider/${GITHUB}`;
const STATE = 'globex-tfstate-123456789012';
const WORKLOAD_BUCKET = 'arn:aws:s3:::payments-invoices';

let bootstrap: StackJson;
let workload: StackJson;
const readOnly = readOnlyAccess();
const ADMIN = { name: 'AdministratorAccess', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };

beforeAll(async () => {
  const lz = synthLandingZone(exampleConfig('enterprise'));
  bootstrap = lz.stack('bootstrap');
  workload = lz.stack('workload-payments-prod');
});

/** The role of a stack whose path ends with `path` (e.g. "Ci/PlanRole"), with its trust and inline policy as JSON. */
function role(stack: StackJson, path: string) {
  const entry = Object.entries(resourcesOf(stack, 'aws_iam_role')).find(([, r]) => r['//'].metadata.path.endsWith(`${path}/Resource`));
  if (!entry) throw new Error(`no role ${path}`);
  const [id, resource] = entry;
  const inline = Object.values(resourcesOf(stack, 'aws_iam_role_policy')).find((p) => p.role === `\${aws_iam_role.${id}.name}`);
  const attached = Object.values(resourcesOf(stack, 'aws_iam_role_policy_attachment'))
    .filter((p) => p.role === `\${aws_iam_role.${id}.name}`)
    .map((p) => p.policy_arn);
  const trust = JSON.parse(resource.assume_role_policy.replace(/\$\{aws_iam_openid_connect_provider\.[^}]+\.arn\}/g, OIDC_ARN));
  return { name: resource.name as string, trust, inline: inline ? JSON.parse(inline.policy) : undefined, attached };
}

describe('the CI plan identity (management account, pull requests)', () => {
  const principal = `arn:aws:iam::${MANAGEMENT}:role/LandingZonePlan`;
  const policies = () => {
    const plan = role(bootstrap, 'Ci/PlanRole');
    expect(plan.attached).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    return [readOnly, { name: 'LandingZonePlan', policy: plan.inline }];
  };
  const can = (action: string, resource: string, options = {}) => evaluateIdentity(principal, policies(), action, resource, options);

  it.each([
    ['ec2:DescribeInstances', '*'],
    ['iam:GetRole', `arn:aws:iam::${MANAGEMENT}:role/LandingZoneApply`],
    ['iam:ListRoles', '*'],
    ['organizations:DescribeOrganization', '*'],
    ['organizations:ListAccounts', '*'],
    ['s3:GetBucketPolicy', `arn:aws:s3:::${STATE}`],
  ])('may read configuration: %s', async (action, resource) => {
    expect(await can(action, resource)).toBe('Allowed');
  });

  it('reads the state and writes nothing, not even a lock object (plans run with -lock=false)', async () => {
    expect(await can('s3:ListBucket', `arn:aws:s3:::${STATE}`)).toBe('Allowed');
    expect(await can('s3:GetObject', `arn:aws:s3:::${STATE}/landing-zone/management.tfstate`)).toBe('Allowed');
    expect(await can('s3:PutObject', `arn:aws:s3:::${STATE}/landing-zone/management.tfstate.tflock`)).toBe('ImplicitlyDenied');
    expect(await can('s3:DeleteObject', `arn:aws:s3:::${STATE}/landing-zone/management.tfstate.tflock`)).toBe('ImplicitlyDenied');
    expect(await can('s3:PutObject', `arn:aws:s3:::${STATE}/landing-zone/management.tfstate`)).toBe('ImplicitlyDenied');
    expect(await can('s3:DeleteObject', `arn:aws:s3:::${STATE}/landing-zone/management.tfstate`)).toBe('ImplicitlyDenied');
    expect(await can('s3:PutObject', `arn:aws:s3:::${STATE}/elsewhere/x.tflock`)).toBe('ImplicitlyDenied');
  });

  it.each([
    ['iam:CreateUser', `arn:aws:iam::${MANAGEMENT}:user/mallory`],
    ['iam:UpdateAssumeRolePolicy', `arn:aws:iam::${MANAGEMENT}:role/LandingZonePlan`],
    ['organizations:CreateAccount', '*'],
    ['ec2:RunInstances', `arn:aws:ec2:ap-northeast-1:${MANAGEMENT}:instance/*`],
    ['s3:PutObject', `${WORKLOAD_BUCKET}/report.csv`],
    ['s3:PutBucketPolicy', `arn:aws:s3:::${STATE}`],
  ])('is denied writes: %s', async (action, resource) => {
    expect(await can(action, resource)).not.toBe('Allowed');
    // The same request by an administrator is allowed: the denial comes from the plan role's policies.
    expect(await evaluateIdentity(principal, [ADMIN], action, resource)).toBe('Allowed');
  });

  it.each([
    ['s3:GetObject', `${WORKLOAD_BUCKET}/report.csv`],
    ['lambda:GetFunctionConfiguration', `arn:aws:lambda:ap-northeast-1:${MANAGEMENT}:function:payments`],
    ['ssm:GetParameter', `arn:aws:ssm:ap-northeast-1:${MANAGEMENT}:parameter/app/password`],
    ['dynamodb:Scan', `arn:aws:dynamodb:ap-northeast-1:${MANAGEMENT}:table/orders`],
  ])('is denied data reads that ReadOnlyAccess would allow: %s', async (action, resource) => {
    expect(await evaluateIdentity(principal, [readOnly], action, resource)).toBe('Allowed');
    expect(await can(action, resource)).toBe('ExplicitlyDenied');
  });

  it("may assume a member account's plan role (its trust names the plan identity), never the access role or the apply role", async () => {
    const memberPlan = role(workload, 'PlanRole');
    expect(memberPlan.name).toBe('LandingZonePlan');
    const assume = (target: string, trust: object) =>
      can('sts:AssumeRole', target, { resourcePolicy: trust, resourceAccount: target.split(':')[4], context: { 'aws:PrincipalOrgID': ORG_ID } });
    expect(await assume(`arn:aws:iam::${SHOP}:role/LandingZonePlan`, memberPlan.trust)).toBe('Allowed');
    // OrganizationAccountAccessRole trusts the whole management account (Organizations makes it so).
    const accountTrust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MANAGEMENT}:root` }, Action: 'sts:AssumeRole' }] };
    expect(await assume(`arn:aws:iam::${SHOP}:role/OrganizationAccountAccessRole`, accountTrust)).toBe('ExplicitlyDenied');
    expect(await assume(`arn:aws:iam::${SHOP}:role/BreakGlassAdmin`, accountTrust)).toBe('ExplicitlyDenied');
    expect(await assume(`arn:aws:iam::${MANAGEMENT}:role/LandingZoneApply`, accountTrust)).toBe('ExplicitlyDenied');
    // The apply role (an administrator) may assume the access role.
    expect(
      await evaluateIdentity(`arn:aws:iam::${MANAGEMENT}:role/LandingZoneApply`, [ADMIN], 'sts:AssumeRole', `arn:aws:iam::${SHOP}:role/OrganizationAccountAccessRole`, {
        resourcePolicy: accountTrust,
        resourceAccount: SHOP,
      }),
    ).toBe('Allowed');
  });
});

describe("a member account's plan role", () => {
  const principal = `arn:aws:iam::${SHOP}:role/LandingZonePlan`;
  const policies = () => {
    const plan = role(workload, 'PlanRole');
    expect(plan.attached).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    return [readOnly, { name: 'LandingZonePlan', policy: plan.inline }];
  };
  const can = (action: string, resource: string) => evaluateIdentity(principal, policies(), action, resource);

  it.each([
    ['ec2:DescribeVpcs', '*'],
    ['config:DescribeConfigurationRecorders', '*'],
    ['iam:GetAccountPasswordPolicy', '*'],
    ['s3:GetBucketPublicAccessBlock', 'arn:aws:s3:::payments-invoices'],
    ['sns:GetTopicAttributes', `arn:aws:sns:us-east-1:${SHOP}:billing`],
  ])('may read configuration: %s', async (action, resource) => {
    expect(await can(action, resource)).toBe('Allowed');
  });

  it.each([
    ['iam:CreateUser', `arn:aws:iam::${SHOP}:user/mallory`],
    ['s3:PutObject', `${WORKLOAD_BUCKET}/report.csv`],
    ['organizations:CreateAccount', '*'],
    ['ec2:RunInstances', `arn:aws:ec2:ap-northeast-1:${SHOP}:instance/*`],
    ['config:StopConfigurationRecorder', '*'],
    ['s3:GetObject', `${WORKLOAD_BUCKET}/report.csv`],
  ])('is denied writes and data reads: %s', async (action, resource) => {
    expect(await can(action, resource)).not.toBe('Allowed');
    expect(await evaluateIdentity(principal, [ADMIN], action, resource)).toBe('Allowed');
  });

  it('trusts only the CI plan identity of the management account, as a principal of the organization', async () => {
    const { trust } = role(workload, 'PlanRole');
    const assumeBy = (caller: string, orgId = ORG_ID) =>
      evaluateIdentity(caller, [ADMIN], 'sts:AssumeRole', principal, { resourcePolicy: trust, resourceAccount: SHOP, context: { 'aws:PrincipalOrgID': orgId } });
    expect(await assumeBy(`arn:aws:iam::${MANAGEMENT}:role/LandingZonePlan`)).toBe('Allowed');
    expect(await assumeBy(`arn:aws:iam::${MANAGEMENT}:role/SomeAdmin`)).not.toBe('Allowed');
    // A role of the same name elsewhere: another account of the organization, an account outside it.
    expect(await assumeBy(`arn:aws:iam::${SHOP}:role/LandingZonePlan`)).not.toBe('Allowed');
    expect(await assumeBy('arn:aws:iam::999999999999:role/LandingZonePlan', OTHER_ORG_ID)).not.toBe('Allowed');
    // The management account's plan role itself, once that account is in another organization (or none).
    expect(await assumeBy(`arn:aws:iam::${MANAGEMENT}:role/LandingZonePlan`, OTHER_ORG_ID)).not.toBe('Allowed');
    expect(
      await evaluateIdentity(`arn:aws:iam::${MANAGEMENT}:role/LandingZonePlan`, [ADMIN], 'sts:AssumeRole', principal, { resourcePolicy: trust, resourceAccount: SHOP }),
    ).not.toBe('Allowed');
  });
});
