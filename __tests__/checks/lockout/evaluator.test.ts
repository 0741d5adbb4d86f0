import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import type { AccountConfig, LandingZoneConfig } from '../../../config/schema';
import { exampleConfig } from '../../harness/config';
import { controlTowerEnterprise } from '../../harness/control-tower';
import { evaluateLevels, type EvaluationRequest, type PolicyLevel } from '../../../checks/lockout/evaluate';
import { policyLevels } from '../../../checks/lockout/check';
import { accountRequests, evaluationOrganizationId } from '../../../checks/lockout/requests';
import { servicesWithRcpSupport } from '../../../policies/rcp-services';
import { configLogBucketName, findingsTopicName, logBucketName, namingOf } from '../../../lib/naming';

/*
 * The lock-out check's evaluator (checks/lockout/evaluate.ts) against @cloud-copilot/iam-simulate: for every account
 * of the examples and of Control Tower mode, the SCPs and RCPs that reach it (every catalogue guardrail and the
 * enterprise example's custom SCP), and a matrix of requests (the landing zone's own, plus workload admins, root users,
 * break-glass and StackSet roles, outsiders and AWS services doing what the guardrails deny and what they allow), the
 * two give the same SCP decision and the same RCP decision.
 */

const RCP_SERVICES = new Set(servicesWithRcpSupport());
const ADMIN = { name: 'AdministratorAccess', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };

interface Case {
  readonly label: string;
  readonly request: EvaluationRequest;
  /** Whether SCPs apply (the principal is in the account). */
  readonly inAccount: boolean;
}

function simulatorLevels(levels: readonly PolicyLevel[], drop: string) {
  return levels.map((l) => ({ orgIdentifier: l.target, policies: l.policies.filter((p) => p.name !== drop).map((p) => ({ name: p.name, policy: p.document })) }));
}

/** The request matrix of one account. */
function matrix(config: LandingZoneConfig, account: AccountConfig): Case[] {
  const { requests, accountId: id } = accountRequests(config, account);
  const org = evaluationOrganizationId(config);
  const naming = namingOf(config);
  const home = config.organization.homeRegion;
  const cases: Case[] = [];
  // The landing zone's own requests: one per action and principal.
  const seen = new Set<string>();
  for (const r of requests) {
    const key = `${r.principal.kind}|${r.action}`;
    if (seen.has(key)) continue;
    seen.add(key);
    cases.push({ label: `${r.principal.label} ${r.action}`, inAccount: r.principal.inMemberAccount, request: { action: r.action, resource: r.resource, principal: r.principal.arn, context: r.context } });
  }
  const inOrg = (principal: string, region = home, extra: Record<string, string | string[]> = {}) => ({
    'aws:PrincipalArn': principal,
    'aws:PrincipalAccount': id,
    'aws:PrincipalOrgID': org,
    'aws:RequestedRegion': region,
    'aws:SecureTransport': 'true',
    'aws:PrincipalIsAWSService': 'false',
    ...extra,
  });
  const principals = [
    `arn:aws:iam::${id}:role/WorkloadAdmin`,
    `arn:aws:iam::${id}:role/${config.organization.accessRoleName}`,
    `arn:aws:iam::${id}:role/${config.ci.planRoleName}`,
    `arn:aws:iam::${id}:role/stacksets-exec-4f2a`,
    `arn:aws:iam::${id}:role/AWSControlTowerExecution`,
    `arn:aws:iam::${id}:role/aws-controltower-ConfigRecorderRole`,
    ...config.organization.breakGlassRoleNames.map((n) => `arn:aws:iam::${id}:role/${n}`),
  ];
  const actions: [string, string, string?][] = [
    ['organizations:LeaveOrganization', '*'],
    ['config:StopConfigurationRecorder', `arn:aws:config:${home}:${id}:configuration-recorder/default/abc`],
    ['config:PutRetentionConfiguration', '*'],
    ['cloudtrail:DeleteTrail', `arn:aws:cloudtrail:${home}:${id}:trail/org`],
    ['iam:CreateUser', `arn:aws:iam::${id}:user/alice`],
    ['iam:CreateRole', `arn:aws:iam::${id}:role/${config.organization.accessRoleName}`],
    ['iam:PutRolePolicy', `arn:aws:iam::${id}:role/stacksets-exec-9`],
    ['iam:UpdateAssumeRolePolicy', `arn:aws:iam::${id}:role/${config.ci.planRoleName}`],
    ['iam:CreateRole', `arn:aws:iam::${id}:role/AppRole`],
    ['s3:DeleteBucket', `arn:aws:s3:::${logBucketName(naming)}`],
    ['s3:PutBucketPolicy', `arn:aws:s3:::${configLogBucketName(naming)}`],
    ['s3:DeleteObject', `arn:aws:s3:::${logBucketName(naming)}/AWSLogs/x.json.gz`],
    ['kms:ScheduleKeyDeletion', `arn:aws:kms:${home}:${id}:key/1234abcd-12ab-34cd-56ef-1234567890ab`],
    ['sns:DeleteTopic', `arn:aws:sns:${home}:${id}:${findingsTopicName(naming)}`],
    ['guardduty:DeleteDetector', `arn:aws:guardduty:${home}:${id}:detector/abc`],
    ['s3:GetObject', `arn:aws:s3:::app-bucket/key`],
  ];
  for (const principal of principals) {
    for (const [action, resource] of actions) {
      cases.push({ label: `${principal} ${action} ${resource}`, inAccount: true, request: { action, resource, principal, context: inOrg(principal) } });
    }
    for (const region of ['eu-west-1', home]) {
      for (const type of ['t3.micro', 'm5.large']) {
        cases.push({
          label: `${principal} ec2:RunInstances ${type} in ${region}`,
          inAccount: true,
          request: { action: 'ec2:RunInstances', resource: `arn:aws:ec2:${region}:${id}:instance/i-0abc`, principal, context: inOrg(principal, region, { 'ec2:InstanceType': type }) },
        });
      }
      cases.push({ label: `${principal} iam:ListRoles in ${region}`, inAccount: true, request: { action: 'iam:ListRoles', resource: '*', principal, context: inOrg(principal, region) } });
    }
  }
  // The root user, with and without a centralized-root-access session.
  const root = `arn:aws:iam::${id}:root`;
  for (const extra of [{}, { 'aws:AssumedRoot': 'true' }]) {
    cases.push({ label: `root ${JSON.stringify(extra)}`, inAccount: true, request: { action: 's3:ListAllMyBuckets', resource: '*', principal: root, context: inOrg(root, home, extra) } });
  }
  // Outsiders, AWS services and transport: the RCPs.
  const outsider = 'arn:aws:iam::999999999999:role/Partner';
  const bucket = 'arn:aws:s3:::app-bucket/key';
  const outside = (extra: Record<string, string>) => ({ 'aws:PrincipalArn': outsider, 'aws:PrincipalAccount': '999999999999', 'aws:SecureTransport': 'true', 'aws:PrincipalIsAWSService': 'false', 'aws:RequestedRegion': home, ...extra });
  cases.push({ label: 'outsider of another organization', inAccount: false, request: { action: 's3:GetObject', resource: bucket, principal: outsider, context: outside({ 'aws:PrincipalOrgID': 'o-other12345' }) } });
  cases.push({ label: 'outsider of no organization', inAccount: false, request: { action: 's3:GetObject', resource: bucket, principal: outsider, context: outside({}) } });
  cases.push({ label: 'insider without TLS', inAccount: false, request: { action: 's3:GetObject', resource: bucket, principal: outsider, context: outside({ 'aws:PrincipalOrgID': org, 'aws:SecureTransport': 'false' }) } });
  cases.push({ label: 'outsider assuming a role', inAccount: false, request: { action: 'sts:AssumeRole', resource: `arn:aws:iam::${id}:role/${config.organization.accessRoleName}`, principal: outsider, context: outside({ 'aws:PrincipalOrgID': 'o-other12345' }) } });
  for (const sourceOrg of [org, 'o-other12345']) {
    cases.push({
      label: `AWS service for ${sourceOrg}`,
      inAccount: false,
      request: {
        action: 's3:PutObject',
        resource: bucket,
        principal: 'cloudtrail.amazonaws.com',
        context: { 'aws:PrincipalIsAWSService': 'true', 'aws:SourceOrgID': sourceOrg, 'aws:SourceAccount': id, 'aws:SecureTransport': 'true', 'aws:RequestedRegion': home },
      },
    });
  }
  return cases;
}

async function compare(config: LandingZoneConfig, account: AccountConfig): Promise<{ mismatches: string[]; compared: number; denied: { scp: number; rcp: number } }> {
  const levels = policyLevels(config, account);
  const mismatches: string[] = [];
  let compared = 0;
  const denied = { scp: 0, rcp: 0 };
  const accountId = accountRequests(config, account, []).accountId;
  for (const c of matrix(config, account)) {
    const service = c.request.action.split(':')[0];
    const simulation: Simulation = {
      request: {
        principal: c.request.principal,
        action: c.request.action,
        resource: { resource: c.request.resource, accountId },
        contextVariables: Object.fromEntries(Object.entries(c.request.context).map(([k, v]) => [k, typeof v === 'string' ? v : [...v]])),
      },
      identityPolicies: c.request.principal.startsWith('arn:') ? [ADMIN] : [],
      serviceControlPolicies: c.inAccount ? simulatorLevels(levels.scp, '') : [],
      resourceControlPolicies: simulatorLevels(levels.rcp, 'RCPFullAWSAccess'),
    };
    const result = await runSimulation(simulation, {});
    if (result.resultType !== 'single') throw new Error(`${c.label}: simulation ${result.resultType === 'error' ? JSON.stringify(result.errors) : 'over wildcards'}`);
    const ignored = new Set((result.result.ignoredContextKeys ?? []).map((k) => k.toLowerCase()));
    const context = Object.fromEntries(Object.entries(c.request.context).filter(([k]) => !ignored.has(k.toLowerCase())));
    const request = { ...c.request, context };
    if (c.inAccount) {
      const mine = evaluateLevels(levels.scp, request).result;
      const theirs = result.result.analysis.scpAnalysis?.result;
      compared++;
      if (mine !== 'Allowed') denied.scp++;
      if (mine !== theirs) mismatches.push(`SCP ${c.label}: evaluator ${mine}, iam-simulate ${theirs}`);
    }
    if (RCP_SERVICES.has(service)) {
      const mine = evaluateLevels(levels.rcp, request).result;
      const theirs = result.result.analysis.rcpAnalysis?.result ?? 'Allowed';
      compared++;
      if (mine !== 'Allowed') denied.rcp++;
      if (mine !== theirs) mismatches.push(`RCP ${c.label}: evaluator ${mine}, iam-simulate ${theirs}`);
    }
  }
  return { mismatches, compared, denied };
}

describe('the lock-out evaluator decides as iam-simulate does', () => {
  const configs: [string, () => LandingZoneConfig][] = [
    ['examples/minimal.yaml', () => exampleConfig('minimal')],
    ['examples/enterprise.yaml', () => exampleConfig('enterprise')],
    ['examples/enterprise.yaml in Control Tower mode', () => controlTowerEnterprise()],
  ];
  it.each(configs)('%s: every account, every request of the matrix', async (_name, load) => {
    const config = load();
    let compared = 0;
    const denied = { scp: 0, rcp: 0 };
    const mismatches: string[] = [];
    for (const account of config.accounts) {
      const r = await compare(config, account);
      compared += r.compared;
      denied.scp += r.denied.scp;
      denied.rcp += r.denied.rcp;
      mismatches.push(...r.mismatches.map((m) => `${account.name}: ${m}`));
    }
    expect(mismatches).toEqual([]);
    // The matrix exercises both outcomes of both policy types.
    expect(compared).toBeGreaterThan(900);
    expect(denied.scp).toBeGreaterThan(50);
    expect(denied.rcp).toBeGreaterThan(5);
  }, 600_000);
});

describe('the evaluator on requests whose decision the guardrails document', () => {
  const config = exampleConfig('enterprise');
  const account = (name: string) => config.accounts.find((a) => a.name === name)!;
  const decide = (name: string, principal: string, action: string, resource: string, extra: Record<string, string> = {}) => {
    const a = account(name);
    const id = a.id ?? accountRequests(config, a, []).accountId;
    const arn = `arn:aws:iam::${id}:${principal}`;
    const context = { 'aws:PrincipalArn': arn, 'aws:PrincipalAccount': id, 'aws:PrincipalOrgID': 'o-a1b2c3d4e5', 'aws:RequestedRegion': 'ap-northeast-1', 'aws:SecureTransport': 'true', ...extra };
    return evaluateLevels(policyLevels(config, a).scp, { action, resource: resource.replace('<id>', id), principal: arn, context });
  };

  it('denies leaving the organization to everyone, naming the policy and statement', () => {
    expect(decide('web-prod', 'role/OrganizationAccountAccessRole', 'organizations:LeaveOrganization', '*')).toEqual(
      expect.objectContaining({ result: 'ExplicitlyDenied', level: 'Root', statementIndex: 0, sid: 'DenyLeaveOrganization', policy: expect.objectContaining({ name: 'deny-leave-organization' }) }),
    );
  });

  it('lets the access role stop a recorder and denies a workload admin', () => {
    const recorder = 'arn:aws:config:ap-northeast-1:<id>:configuration-recorder/default/abc';
    expect(decide('web-prod', 'role/OrganizationAccountAccessRole', 'config:StopConfigurationRecorder', recorder).result).toBe('Allowed');
    expect(decide('web-prod', 'role/WorkloadAdmin', 'config:StopConfigurationRecorder', recorder)).toEqual(expect.objectContaining({ result: 'ExplicitlyDenied', sid: 'ProtectSecurityServices' }));
  });

  it("applies the example's custom SCP in Sandbox only: small instances pass, others are denied", () => {
    const instance = 'arn:aws:ec2:ap-northeast-1:<id>:instance/i-0abc';
    expect(decide('sandbox-alice', 'role/WorkloadAdmin', 'ec2:RunInstances', instance, { 'ec2:InstanceType': 't3.micro' }).result).toBe('Allowed');
    expect(decide('sandbox-alice', 'role/WorkloadAdmin', 'ec2:RunInstances', instance, { 'ec2:InstanceType': 'm5.large' })).toEqual(
      expect.objectContaining({ result: 'ExplicitlyDenied', level: 'Sandbox', sid: 'SandboxSmallInstancesOnly' }),
    );
    expect(decide('web-prod', 'role/WorkloadAdmin', 'ec2:RunInstances', instance, { 'ec2:InstanceType': 'm5.large' }).result).toBe('Allowed');
  });

  it('denies requests outside the governed Regions except to exempt roles and global services', () => {
    const bucket = 'arn:aws:s3:::app-bucket';
    expect(decide('web-prod', 'role/WorkloadAdmin', 's3:CreateBucket', bucket, { 'aws:RequestedRegion': 'eu-west-1' })).toEqual(expect.objectContaining({ result: 'ExplicitlyDenied', sid: 'DenyOutsideGovernedRegions' }));
    expect(decide('web-prod', 'role/NetworkAutomation', 's3:CreateBucket', bucket, { 'aws:RequestedRegion': 'eu-west-1' }).result).toBe('Allowed');
    expect(decide('web-prod', 'role/WorkloadAdmin', 'iam:ListRoles', '*', { 'aws:RequestedRegion': 'eu-west-1' }).result).toBe('Allowed');
  });

  it('implicitly denies at the level of an allow list what it does not allow', () => {
    const levels: PolicyLevel[] = [
      { target: 'Root', policies: [{ name: 'FullAWSAccess', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }] },
      { target: 'Workloads', policies: [{ name: 'allow-ec2', document: { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'ec2:*', Resource: '*' } } }] },
    ];
    const request = (action: string) => ({ action, resource: '*', principal: 'arn:aws:iam::111111111111:role/X', context: {} });
    expect(evaluateLevels(levels, request('ec2:DescribeInstances')).result).toBe('Allowed');
    expect(evaluateLevels(levels, request('config:PutConfigurationRecorder'))).toEqual(expect.objectContaining({ result: 'ImplicitlyDenied', level: 'Workloads' }));
  });
});

describe('the evaluator and iam-simulate on every operator the evaluator takes', () => {
  const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
  const scps: PolicyLevel[] = [
    {
      target: 'Root',
      policies: [
        { name: 'FullAWSAccess', document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) },
        {
          name: 'operators',
          document: doc(
            { Sid: 'TagKeysAny', Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['forbidden'] } } },
            { Sid: 'TagKeysAll', Effect: 'Deny', Action: 'ec2:CreateTags', Resource: '*', Condition: { 'ForAllValues:StringLike': { 'aws:TagKeys': ['team-*', 'cost*'] } } },
            { Sid: 'NoTags', Effect: 'Deny', Action: 'ec2:CreateVolume', Resource: '*', Condition: { Null: { 'aws:TagKeys': 'true' } } },
            { Sid: 'OldMfa', Effect: 'Deny', Action: 'iam:DeleteUser', Resource: '*', Condition: { NumericGreaterThan: { 'aws:MultiFactorAuthAge': '3600' } } },
            { Sid: 'NoMfa', Effect: 'Deny', Action: 'iam:DeleteRole', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
            { Sid: 'Late', Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*', Condition: { DateGreaterThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } } },
            { Sid: 'Network', Effect: 'Deny', Action: 's3:PutObject', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } } },
            { Sid: 'OwnAccount', Effect: 'Deny', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::data-${aws:PrincipalAccount}/*' },
            { Sid: 'Roles', Effect: 'Deny', NotAction: ['sts:*', 'iam:Get*'], Resource: 'arn:aws:iam::*:role/Locked*', Condition: { ArnNotEquals: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Keeper' } } },
            { Sid: 'Case', Effect: 'Deny', Action: 'sns:Publish', Resource: '*', Condition: { StringEqualsIgnoreCase: { 'aws:RequestedRegion': 'EU-WEST-1' } } },
          ),
        },
      ],
    },
  ];
  const principal = 'arn:aws:iam::123456789012:role/Dev';
  const base = { 'aws:PrincipalArn': principal, 'aws:PrincipalAccount': '123456789012', 'aws:RequestedRegion': 'us-east-1', 'aws:SecureTransport': 'true' };
  const cases: [string, string, Record<string, string | string[]>][] = [
    ['ec2:RunInstances', 'arn:aws:ec2:us-east-1:123456789012:instance/i-1', { 'aws:TagKeys': ['forbidden', 'team'] }],
    ['ec2:RunInstances', 'arn:aws:ec2:us-east-1:123456789012:instance/i-1', { 'aws:TagKeys': ['team'] }],
    ['ec2:RunInstances', 'arn:aws:ec2:us-east-1:123456789012:instance/i-1', {}],
    ['ec2:CreateTags', 'arn:aws:ec2:us-east-1:123456789012:instance/i-1', { 'aws:TagKeys': ['team-a', 'costcenter'] }],
    ['ec2:CreateTags', 'arn:aws:ec2:us-east-1:123456789012:instance/i-1', { 'aws:TagKeys': ['team-a', 'owner'] }],
    ['ec2:CreateTags', 'arn:aws:ec2:us-east-1:123456789012:instance/i-1', {}],
    ['ec2:CreateVolume', 'arn:aws:ec2:us-east-1:123456789012:volume/vol-1', {}],
    ['ec2:CreateVolume', 'arn:aws:ec2:us-east-1:123456789012:volume/vol-1', { 'aws:TagKeys': ['x'] }],
    ['iam:DeleteUser', 'arn:aws:iam::123456789012:user/u', { 'aws:MultiFactorAuthAge': '7200' }],
    ['iam:DeleteUser', 'arn:aws:iam::123456789012:user/u', { 'aws:MultiFactorAuthAge': '60' }],
    ['iam:DeleteUser', 'arn:aws:iam::123456789012:user/u', {}],
    ['iam:DeleteRole', 'arn:aws:iam::123456789012:role/App', {}],
    ['iam:DeleteRole', 'arn:aws:iam::123456789012:role/App', { 'aws:MultiFactorAuthPresent': 'true' }],
    ['iam:DeleteRole', 'arn:aws:iam::123456789012:role/App', { 'aws:MultiFactorAuthPresent': 'false' }],
    ['s3:DeleteBucket', 'arn:aws:s3:::b', { 'aws:CurrentTime': '2031-05-01T00:00:00Z' }],
    ['s3:DeleteBucket', 'arn:aws:s3:::b', { 'aws:CurrentTime': '2029-05-01T00:00:00Z' }],
    ['s3:PutObject', 'arn:aws:s3:::b/k', { 'aws:SourceIp': '203.0.113.9' }],
    ['s3:PutObject', 'arn:aws:s3:::b/k', { 'aws:SourceIp': '198.51.100.7' }],
    ['s3:PutObject', 'arn:aws:s3:::b/k', { 'aws:SourceIp': '2001:db8:1::5' }],
    ['s3:GetObject', 'arn:aws:s3:::data-123456789012/k', {}],
    ['s3:GetObject', 'arn:aws:s3:::data-999999999999/k', {}],
    ['iam:PutRolePolicy', 'arn:aws:iam::123456789012:role/LockedApp', {}],
    ['iam:GetRole', 'arn:aws:iam::123456789012:role/LockedApp', {}],
    ['iam:PutRolePolicy', 'arn:aws:iam::123456789012:role/Open', {}],
    ['sns:Publish', 'arn:aws:sns:eu-west-1:123456789012:t', { 'aws:RequestedRegion': 'eu-west-1' }],
    ['sns:Publish', 'arn:aws:sns:us-east-1:123456789012:t', {}],
  ];

  it.each(cases.map((c) => [`${c[0]} on ${c[1]} ${JSON.stringify(c[2])}`, c] as const))('%s', async (_name, [action, resource, extra]) => {
    const context = { ...base, ...extra };
    const result = await runSimulation(
      {
        request: { principal, action, resource: { resource, accountId: '123456789012' }, contextVariables: context },
        identityPolicies: [ADMIN],
        serviceControlPolicies: simulatorLevels(scps, ''),
        resourceControlPolicies: [],
      },
      {},
    );
    if (result.resultType !== 'single') throw new Error(`simulation: ${JSON.stringify(result)}`);
    const ignored = new Set((result.result.ignoredContextKeys ?? []).map((k) => k.toLowerCase()));
    const kept = Object.fromEntries(Object.entries(context).filter(([k]) => !ignored.has(k.toLowerCase())));
    expect(evaluateLevels(scps, { action, resource, principal, context: kept }).result).toBe(result.result.analysis.scpAnalysis?.result);
  });

  it('covers both outcomes', () => {
    const results = cases.map(([action, resource, extra]) => evaluateLevels(scps, { action, resource, principal, context: { ...base, ...extra } }).result);
    expect(results.filter((r) => r === 'ExplicitlyDenied').length).toBeGreaterThan(8);
    expect(results.filter((r) => r === 'Allowed').length).toBeGreaterThan(8);
  });
});
