import { parse } from 'yaml';
import { configFrom, MINIMAL_YAML } from '../harness/config';
import type { LandingZoneConfig } from '../../config/schema';
import { accountIdOf, evaluate, ORG_ID, OTHER_ORG_ID } from './simulate';

/** The minimal example plus a suspended account: every default guardrail is on. */
let config: LandingZoneConfig;
beforeAll(() => {
  const input = parse(MINIMAL_YAML);
  input.organization.breakGlassRoleNames = ['BreakGlass'];
  input.accounts.push({ name: 'old-app', email: 'aws+old@acme.example', ou: 'Workloads/Dev', state: 'suspended' });
  config = configFrom(input);
});

const role = (account: string, name: string) => `arn:aws:iam::${accountIdOf(config, account)}:role/${name}`;
const admin = () => role('shop-prod', 'WorkloadAdmin');
const accessRole = () => role('shop-prod', 'OrganizationAccountAccessRole');

describe('SCP effects (simulated)', () => {
  it('denies leaving the organization to a member admin, and to the access role', async () => {
    const req = { principalAccount: 'shop-prod', action: 'organizations:LeaveOrganization', resource: '*' };
    expect(await evaluate(config, { ...req, principal: admin() })).toBe('ExplicitlyDenied');
    expect(await evaluate(config, { ...req, principal: accessRole() })).toBe('ExplicitlyDenied');
  });

  it('allows ec2:RunInstances in a governed region and denies it outside', async () => {
    const req = { principalAccount: 'shop-prod', principal: admin(), action: 'ec2:RunInstances', resource: `arn:aws:ec2:ap-northeast-1:${accountIdOf(config, 'shop-prod')}:instance/*` };
    expect(await evaluate(config, { ...req, context: { 'aws:RequestedRegion': 'ap-northeast-1' } })).toBe('Allowed');
    expect(await evaluate(config, { ...req, resource: req.resource.replace('ap-northeast-1', 'eu-west-1'), context: { 'aws:RequestedRegion': 'eu-west-1' } })).toBe('ExplicitlyDenied');
  });

  it('lets the access role and a break-glass role work outside the governed regions', async () => {
    const req = { principalAccount: 'shop-prod', action: 'ec2:RunInstances', resource: `arn:aws:ec2:eu-west-1:${accountIdOf(config, 'shop-prod')}:instance/*`, context: { 'aws:RequestedRegion': 'eu-west-1' } };
    expect(await evaluate(config, { ...req, principal: accessRole() })).toBe('Allowed');
    expect(await evaluate(config, { ...req, principal: role('shop-prod', 'BreakGlass') })).toBe('Allowed');
  });

  it('allows global services (iam:CreateRole, sts:AssumeRole) whatever region the request names', async () => {
    for (const region of ['us-east-1', 'eu-west-1', 'us-west-2']) {
      const context = { 'aws:RequestedRegion': region };
      expect(
        await evaluate(config, { principalAccount: 'shop-prod', principal: admin(), action: 'iam:CreateRole', resource: `arn:aws:iam::${accountIdOf(config, 'shop-prod')}:role/app`, context }),
      ).toBe('Allowed');
      expect(
        await evaluate(config, { principalAccount: 'shop-prod', principal: admin(), action: 'sts:AssumeRole', resource: role('shop-dev', 'Deployer'), resourceAccount: 'shop-dev', context, resourcePolicy: trustAccount('shop-prod') }),
      ).toBe('Allowed');
    }
  });

  const securityActions: [string, string][] = [
    ['cloudtrail:StopLogging', 'arn:aws:cloudtrail:ap-northeast-1:ACCOUNT:trail/org-trail'],
    ['config:StopConfigurationRecorder', '*'],
    // The baseline's per-account Config rules, recorder and delivery channel (stacks/baseline/config.ts).
    ['config:PutConfigRule', 'arn:aws:config:ap-northeast-1:ACCOUNT:config-rule/config-rule-a1b2c3'],
    ['config:DeleteConfigRule', 'arn:aws:config:ap-northeast-1:ACCOUNT:config-rule/config-rule-a1b2c3'],
    ['config:DeleteConfigurationRecorder', '*'],
    ['config:DeleteDeliveryChannel', '*'],
    ['guardduty:DeleteDetector', 'arn:aws:guardduty:ap-northeast-1:ACCOUNT:detector/12abc34d567e8fa901bc2d34e56789f0'],
    ['securityhub:DisableSecurityHub', 'arn:aws:securityhub:ap-northeast-1:ACCOUNT:hub/default'],
  ];
  it.each(securityActions)('denies %s to a workload admin and allows it to the access role', async (action, resource) => {
    const req = { principalAccount: 'shop-prod', action, resource: resource.replace('ACCOUNT', accountIdOf(config, 'shop-prod')), context: { 'aws:RequestedRegion': 'ap-northeast-1' } };
    expect(await evaluate(config, { ...req, principal: admin() })).toBe('ExplicitlyDenied');
    expect(await evaluate(config, { ...req, principal: accessRole() })).toBe('Allowed');
  });

  /** The organization event data store (logging.trail.lake) lives in the security account, the CloudTrail delegated administrator. */
  const lakeActions = ['cloudtrail:StopEventDataStoreIngestion', 'cloudtrail:UpdateEventDataStore', 'cloudtrail:DeleteEventDataStore'];
  it.each(lakeActions)('denies %s on the CloudTrail Lake event data store to an administrator and allows it to the access role', async (action) => {
    const resource = `arn:aws:cloudtrail:ap-northeast-1:${accountIdOf(config, 'security')}:eventdatastore/0a1b2c3d-4e5f-6789-abcd-ef0123456789`;
    const req = { principalAccount: 'security', action, resource, context: { 'aws:RequestedRegion': 'ap-northeast-1' } };
    expect(await evaluate(config, { ...req, principal: role('security', 'SecurityAdmin') })).toBe('ExplicitlyDenied');
    expect(await evaluate(config, { ...req, principal: role('security', 'OrganizationAccountAccessRole') })).toBe('Allowed');
  });

  it.each(['config:PutRetentionConfiguration', 'config:DeleteRetentionConfiguration'])('denies %s (how long Config keeps its items) to an administrator and allows it to the access role', async (action) => {
    const req = { principalAccount: 'shop-prod', action, resource: '*', context: { 'aws:RequestedRegion': 'ap-northeast-1' } };
    expect(await evaluate(config, { ...req, principal: admin() })).toBe('ExplicitlyDenied');
    expect(await evaluate(config, { ...req, principal: accessRole() })).toBe('Allowed');
  });

  it("denies any action by a member account's root user", async () => {
    const root = `arn:aws:iam::${accountIdOf(config, 'shop-prod')}:root`;
    for (const [action, resource] of [
      ['s3:ListAllMyBuckets', '*'],
      ['ec2:DescribeInstances', '*'],
      ['iam:CreateUser', `arn:aws:iam::${accountIdOf(config, 'shop-prod')}:user/x`],
    ]) {
      expect(await evaluate(config, { principalAccount: 'shop-prod', principal: root, action, resource, context: { 'aws:RequestedRegion': 'us-east-1' } })).toBe('ExplicitlyDenied');
    }
  });

  it('denies IAM users and access keys to a workload admin, not to the access role', async () => {
    const req = { principalAccount: 'shop-prod', action: 'iam:CreateAccessKey', resource: `arn:aws:iam::${accountIdOf(config, 'shop-prod')}:user/bob`, context: { 'aws:RequestedRegion': 'us-east-1' } };
    expect(await evaluate(config, { ...req, principal: admin() })).toBe('ExplicitlyDenied');
    expect(await evaluate(config, { ...req, principal: accessRole() })).toBe('Allowed');
  });

  it('denies everything in the Suspended OU except the access role', async () => {
    const req = { principalAccount: 'old-app', action: 'ec2:DescribeInstances', resource: '*', context: { 'aws:RequestedRegion': 'us-east-1' } };
    expect(await evaluate(config, { ...req, principal: role('old-app', 'WorkloadAdmin') })).toBe('ExplicitlyDenied');
    expect(await evaluate(config, { ...req, principal: role('old-app', 'BreakGlass') })).toBe('ExplicitlyDenied');
    expect(await evaluate(config, { ...req, principal: role('old-app', 'OrganizationAccountAccessRole') })).toBe('Allowed');
  });

  it('protects both log buckets and the access-log bucket in the log-archive account from everyone but the access role, break-glass roles included', async () => {
    for (const bucket of ['acme-logs-111111111111', 'acme-config-logs-111111111111', 'acme-access-logs-111111111111']) {
      const req = { principalAccount: 'log-archive', action: 's3:PutBucketPolicy', resource: `arn:aws:s3:::${bucket}`, context: { 'aws:RequestedRegion': 'us-east-1' } };
      expect([bucket, await evaluate(config, { ...req, principal: role('log-archive', 'Admin') })]).toEqual([bucket, 'ExplicitlyDenied']);
      expect([bucket, await evaluate(config, { ...req, principal: role('log-archive', 'BreakGlass') })]).toEqual([bucket, 'ExplicitlyDenied']);
      expect([bucket, await evaluate(config, { ...req, principal: role('log-archive', 'OrganizationAccountAccessRole') })]).toEqual([bucket, 'Allowed']);
    }
  });
});

describe('landing zone roles and the StackSet path (simulated)', () => {
  const iamRole = (account: string, name: string) => `arn:aws:iam::${accountIdOf(config, account)}:role/${name}`;
  const inAccount = (principal: string, action: string, target: string) => ({
    principalAccount: 'shop-prod',
    principal,
    action,
    resource: iamRole('shop-prod', target),
    context: { 'aws:RequestedRegion': 'us-east-1' },
  });
  /** What a CloudFormation template that creates a break-glass role does. */
  const createRole = ['iam:CreateRole', 'iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:UpdateAssumeRolePolicy', 'iam:DeleteRole'];

  it.each([['stacksets-exec-0a1b2c3d4e5f60718293a4b5c6d7e8f9'], ['AWSCloudFormationStackSetExecutionRole']])(
    'lets the StackSet execution role %s create and change the break-glass role',
    async (execRole) => {
      for (const action of createRole) {
        expect([action, await evaluate(config, inAccount(iamRole('shop-prod', execRole), action, 'BreakGlass'))]).toEqual([action, 'Allowed']);
      }
    },
  );

  /** Every way a role's trust or permissions change, or it goes away. */
  const everyRoleChange = [...createRole, 'iam:DeleteRolePolicy', 'iam:DetachRolePolicy', 'iam:DeleteRolePermissionsBoundary', 'iam:PutRolePermissionsBoundary', 'iam:UpdateRole', 'iam:UpdateRoleDescription'];
  const stackSetExec = () => iamRole('shop-prod', 'stacksets-exec-abc123');

  it.each(['OrganizationAccountAccessRole', 'LandingZonePlan', 'LandingZoneApply'])(
    'denies a StackSet execution role (a delegated administrator\'s StackSet) creating, changing or deleting the %s role',
    async (target) => {
      for (const action of everyRoleChange) {
        for (const execRole of [stackSetExec(), iamRole('shop-prod', 'AWSCloudFormationStackSetExecutionRole')]) {
          expect([execRole, action, await evaluate(config, inAccount(execRole, action, target))]).toEqual([execRole, action, 'ExplicitlyDenied']);
        }
      }
    },
  );

  it('lets a StackSet execution role make roles of its own names (self-managed StackSets\' role deployed by a service-managed StackSet)', async () => {
    for (const action of createRole) {
      expect([action, await evaluate(config, inAccount(stackSetExec(), action, 'AWSCloudFormationStackSetExecutionRole'))]).toEqual([action, 'Allowed']);
      expect([action, await evaluate(config, inAccount(stackSetExec(), action, 'stacksets-exec-x'))]).toEqual([action, 'Allowed']);
    }
  });

  it('lets only the exempt roles and the StackSet execution roles create a role named stacksets-exec-x', async () => {
    const req = (principal: string) => inAccount(principal, 'iam:CreateRole', 'stacksets-exec-x');
    for (const principal of [admin(), iamRole('shop-prod', 'LandingZonePlan'), iamRole('shop-prod', 'LandingZoneApply'), iamRole('shop-prod', 'stacksets-exe'), iamRole('shop-prod', 'my-stacksets-exec-1')]) {
      expect([principal, await evaluate(config, req(principal))]).toEqual([principal, 'ExplicitlyDenied']);
    }
    for (const principal of [accessRole(), iamRole('shop-prod', 'BreakGlass'), stackSetExec()]) {
      expect([principal, await evaluate(config, req(principal))]).toEqual([principal, 'Allowed']);
    }
  });

  it('denies a StackSet execution role switching off what watches the account (no exemption beyond the roles)', async () => {
    const req = { principalAccount: 'shop-prod', principal: stackSetExec(), action: 'config:StopConfigurationRecorder', resource: '*', context: { 'aws:RequestedRegion': 'ap-northeast-1' } };
    expect(await evaluate(config, req)).toBe('ExplicitlyDenied');
  });

  it('denies an ordinary admin creating or changing the landing zone\'s roles: break-glass, access role', async () => {
    for (const target of ['BreakGlass', 'OrganizationAccountAccessRole']) {
      for (const action of [...createRole, 'iam:DeleteRolePolicy', 'iam:PutRolePermissionsBoundary', 'iam:UpdateRole', 'iam:UpdateRoleDescription']) {
        expect([target, action, await evaluate(config, inAccount(admin(), action, target))]).toEqual([target, action, 'ExplicitlyDenied']);
      }
    }
  });

  it('denies an ordinary admin making or changing a role that would pass for a StackSet execution role', async () => {
    for (const target of ['stacksets-exec-mine', 'AWSCloudFormationStackSetExecutionRole']) {
      for (const action of ['iam:CreateRole', 'iam:UpdateAssumeRolePolicy', 'iam:AttachRolePolicy']) {
        expect([target, action, await evaluate(config, inAccount(admin(), action, target))]).toEqual([target, action, 'ExplicitlyDenied']);
      }
    }
  });

  it('still lets an ordinary admin manage the account\'s other roles, and the access role everything', async () => {
    for (const action of createRole) {
      expect([action, await evaluate(config, inAccount(admin(), action, 'app-task-role'))]).toEqual([action, 'Allowed']);
      expect([action, await evaluate(config, inAccount(accessRole(), action, 'BreakGlass'))]).toEqual([action, 'Allowed']);
    }
  });
});

function trustAccount(account: string) {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountIdOf(config, account)}:root` }, Action: 'sts:AssumeRole' }] };
}

describe('RCP effects (simulated)', () => {
  const bucket = 'arn:aws:s3:::shop-data';
  const object = `${bucket}/report.csv`;
  /** A bucket policy that lets anyone read: the RCP, not the bucket policy, must keep outsiders out. */
  const openBucket = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${bucket}/*` }] };

  it('denies s3:GetObject on an organization bucket to a principal of another organization', async () => {
    expect(
      await evaluate(config, {
        principal: 'arn:aws:iam::999999999999:role/Outsider',
        resourceAccount: 'shop-prod',
        action: 's3:GetObject',
        resource: object,
        resourcePolicy: openBucket,
        context: { 'aws:PrincipalOrgID': OTHER_ORG_ID, 'aws:PrincipalAccount': '999999999999' },
      }),
    ).toBe('ExplicitlyDenied');
  });

  it('allows it to a principal inside the organization', async () => {
    expect(
      await evaluate(config, {
        principalAccount: 'shop-dev',
        principal: role('shop-dev', 'App'),
        resourceAccount: 'shop-prod',
        action: 's3:GetObject',
        resource: object,
        resourcePolicy: openBucket,
        context: { 'aws:RequestedRegion': 'us-east-1' },
      }),
    ).toBe('Allowed');
  });

  it('allows an AWS service acting for this organization, and denies one acting for another', async () => {
    const servicePolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetObject', Resource: `${bucket}/*` }] };
    const req = { principal: 'cloudtrail.amazonaws.com', resourceAccount: 'shop-prod', action: 's3:GetObject', resource: object, resourcePolicy: servicePolicy };
    const service = { 'aws:PrincipalIsAWSService': 'true', 'aws:SourceAccount': accountIdOf(config, 'shop-prod') };
    expect(await evaluate(config, { ...req, context: { ...service, 'aws:SourceOrgID': ORG_ID } })).toBe('Allowed');
    expect(await evaluate(config, { ...req, context: { ...service, 'aws:SourceAccount': '999999999999', 'aws:SourceOrgID': OTHER_ORG_ID } })).toBe('ExplicitlyDenied');
  });

  it('denies a request without TLS, even from inside the organization', async () => {
    const req = { principalAccount: 'shop-prod', principal: admin(), action: 's3:GetObject', resource: object, context: { 'aws:RequestedRegion': 'us-east-1' } };
    expect(await evaluate(config, req)).toBe('Allowed');
    expect(await evaluate(config, { ...req, context: { ...req.context, 'aws:SecureTransport': 'false' } })).toBe('ExplicitlyDenied');
  });
});
