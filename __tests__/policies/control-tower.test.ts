import type { LandingZoneConfig } from '../../config/schema';
import { exampleConfig } from '../harness/config';
import { controlTowerEnterprise } from '../harness/control-tower';
import { accountIdOf, evaluate, type OtherScp } from './simulate';

/*
 * Control Tower mode, proven by IAM simulation: the landing zone's guardrails leave Control Tower's execution role free
 * to run Control Tower's baseline in enrolled accounts, and its service roles (policies/control-tower-roles.ts) only
 * where Control Tower's own controls do (its Region deny), while everyone else stays bound, by the landing zone's SCPs
 * and by Control Tower's own.
 */

/**
 * Control Tower's mandatory control AWS-GR_CONFIG_CHANGE_PROHIBITED as its documentation states it, on each
 * registered OU: no Config recorder, delivery channel or retention changes but by AWSControlTowerExecution.
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/mandatory-controls.html
 */
const CONFIG_CHANGE_PROHIBITED = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'GRCONFIGENABLED',
      Effect: 'Deny',
      Action: [
        'config:DeleteConfigurationRecorder',
        'config:DeleteDeliveryChannel',
        'config:DeleteRetentionConfiguration',
        'config:PutConfigurationRecorder',
        'config:PutDeliveryChannel',
        'config:PutRetentionConfiguration',
        'config:StopConfigurationRecorder',
      ],
      Resource: ['*'],
      Condition: { ArnNotLike: { 'aws:PrincipalARN': 'arn:aws:iam::*:role/AWSControlTowerExecution' } },
    },
  ],
};

/**
 * Control Tower's mandatory control AWS-GR_CLOUDTRAIL_CHANGE_PROHIBITED as its documentation states it: no trail
 * changes but by AWSControlTowerExecution.
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/mandatory-controls.html
 */
const CLOUDTRAIL_CHANGE_PROHIBITED = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'GRCLOUDTRAILENABLED',
      Effect: 'Deny',
      Action: ['cloudtrail:DeleteTrail', 'cloudtrail:PutEventSelectors', 'cloudtrail:StopLogging', 'cloudtrail:UpdateTrail'],
      Resource: ['*'],
      Condition: { ArnNotLike: { 'aws:PrincipalARN': 'arn:aws:iam::*:role/AWSControlTowerExecution' } },
    },
  ],
};

let ct: LandingZoneConfig;
let plain: LandingZoneConfig;
let controlTowerScps: OtherScp[];
beforeAll(() => {
  ct = controlTowerEnterprise();
  plain = exampleConfig('enterprise');
  controlTowerScps = ct.controlTower!.registeredOus.flatMap((target) => [
    { target, name: 'aws-guardrails-config', policy: CONFIG_CHANGE_PROHIBITED },
    { target, name: 'aws-guardrails-cloudtrail', policy: CLOUDTRAIL_CHANGE_PROHIBITED },
  ]);
});

const role = (config: LandingZoneConfig, account: string, name: string) => `arn:aws:iam::${accountIdOf(config, account)}:role/${name}`;
const inRegion = (region: string) => ({ 'aws:RequestedRegion': region });

/** Changes to Config and CloudTrail that Control Tower's baseline makes in an enrolled account. */
const BASELINE_CHANGES = ['config:PutConfigurationRecorder', 'config:PutDeliveryChannel', 'config:StopConfigurationRecorder', 'cloudtrail:UpdateTrail', 'cloudtrail:StopLogging'];

describe('Control Tower mode: guardrails (simulated)', () => {
  it('lets AWSControlTowerExecution change Config and CloudTrail in an enrolled account, and denies another admin role', async () => {
    for (const action of BASELINE_CHANGES) {
      const req = { principalAccount: 'web-prod', action, resource: '*', context: inRegion('ap-northeast-1'), otherScps: controlTowerScps };
      expect(await evaluate(ct, { ...req, principal: role(ct, 'web-prod', 'AWSControlTowerExecution') })).toBe('Allowed');
      expect(await evaluate(ct, { ...req, principal: role(ct, 'web-prod', 'WorkloadAdmin') })).toBe('ExplicitlyDenied');
    }
  });

  it('denies the same changes to AWSControlTowerExecution without a controlTower section (the exemption is Control Tower mode\'s)', async () => {
    const req = { principalAccount: 'web-prod', action: 'config:PutConfigurationRecorder', resource: '*', context: inRegion('ap-northeast-1') };
    expect(await evaluate(plain, { ...req, principal: role(plain, 'web-prod', 'AWSControlTowerExecution') })).toBe('ExplicitlyDenied');
    expect(await evaluate(ct, { ...req, principal: role(ct, 'web-prod', 'AWSControlTowerExecution') })).toBe('Allowed');
  });

  it('exempts exactly the roles Control Tower\'s Region deny exempts from region-deny, not its people-facing roles', async () => {
    const req = { principalAccount: 'web-prod', action: 'ec2:CreateVpc', resource: '*', context: inRegion('eu-west-3') };
    for (const name of ['AWSControlTowerExecution', 'aws-controltower-ConfigRecorderRole', 'aws-controltower-ForwardSnsNotificationRole', 'AWSControlTower_VPCFlowLogsRole']) {
      expect(await evaluate(ct, { ...req, principal: role(ct, 'web-prod', name) })).toBe('Allowed');
    }
    for (const name of ['aws-controltower-AdministratorExecutionRole', 'WorkloadAdmin']) {
      expect(await evaluate(ct, { ...req, principal: role(ct, 'web-prod', name) })).toBe('ExplicitlyDenied');
    }
  });

  it('lets the execution role create IAM users (deny-iam-user-access-keys), not a workload admin', async () => {
    const req = { principalAccount: 'web-prod', action: 'iam:CreateUser', resource: `arn:aws:iam::${accountIdOf(ct, 'web-prod')}:user/x`, context: inRegion('us-east-1') };
    expect(await evaluate(ct, { ...req, principal: role(ct, 'web-prod', 'AWSControlTowerExecution') })).toBe('Allowed');
    expect(await evaluate(ct, { ...req, principal: role(ct, 'web-prod', 'WorkloadAdmin') })).toBe('ExplicitlyDenied');
  });

  it('denies an ordinary admin making a role that passes for one of Control Tower\'s, even in an account Control Tower does not enroll', async () => {
    for (const name of ['AWSControlTowerExecution', 'aws-controltower-ConfigRecorderRole']) {
      const req = { principalAccount: 'network', action: 'iam:CreateRole', resource: role(ct, 'network', name), context: inRegion('us-east-1') };
      expect(await evaluate(ct, { ...req, principal: role(ct, 'network', 'NetworkAdmin') })).toBe('ExplicitlyDenied');
      expect(await evaluate(ct, { ...req, principal: role(ct, 'network', 'OrganizationAccountAccessRole') })).toBe('Allowed');
    }
  });

  /** Control Tower's service roles: its Region deny control exempts them, its Config and CloudTrail controls do not. */
  const SERVICE_ROLES = ['aws-controltower-ConfigRecorderRole', 'aws-controltower-ForwardSnsNotificationRole', 'AWSControlTower_VPCFlowLogsRole'];
  const trailArn = (account: string) => `arn:aws:cloudtrail:ap-northeast-1:${accountIdOf(ct, account)}:trail/aws-controltower-BaselineCloudTrail`;
  /** One request each landing-zone guardrail denies, and whether Control Tower's own controls exempt its service roles from it. */
  const GUARDRAIL_REQUESTS = () => [
    { guardrail: 'region-deny', account: 'web-prod', action: 'ec2:CreateVpc', resource: '*', region: 'eu-west-3', serviceRolesExempt: true },
    { guardrail: 'protect-security-services: Config recorder', account: 'web-prod', action: 'config:StopConfigurationRecorder', resource: '*', region: 'ap-northeast-1', serviceRolesExempt: false },
    { guardrail: 'protect-security-services: Config retention', account: 'web-prod', action: 'config:PutRetentionConfiguration', resource: '*', region: 'ap-northeast-1', serviceRolesExempt: false },
    { guardrail: 'protect-security-services: trail', account: 'web-prod', action: 'cloudtrail:DeleteTrail', resource: trailArn('web-prod'), region: 'ap-northeast-1', serviceRolesExempt: false },
    { guardrail: 'protect-security-services: trail', account: 'web-prod', action: 'cloudtrail:StopLogging', resource: trailArn('web-prod'), region: 'ap-northeast-1', serviceRolesExempt: false },
    { guardrail: 'protect-security-services: GuardDuty', account: 'web-prod', action: 'guardduty:DeleteDetector', resource: '*', region: 'ap-northeast-1', serviceRolesExempt: false },
    { guardrail: 'protect-security-services: Control Tower\'s roles', account: 'web-prod', action: 'iam:UpdateAssumeRolePolicy', resource: role(ct, 'web-prod', 'aws-controltower-ForwardSnsNotificationRole'), region: 'us-east-1', serviceRolesExempt: false },
    { guardrail: 'deny-iam-user-access-keys', account: 'web-prod', action: 'iam:CreateAccessKey', resource: `arn:aws:iam::${accountIdOf(ct, 'web-prod')}:user/x`, region: 'us-east-1', serviceRolesExempt: false },
    { guardrail: 'deny-all (suspended)', account: 'legacy-batch', action: 's3:ListAllMyBuckets', resource: '*', region: 'ap-northeast-1', serviceRolesExempt: false },
    { guardrail: 'protect-log-archive', account: 'log-archive', action: 's3:PutBucketPolicy', resource: 'arn:aws:s3:::globex-logs-123456789012', region: 'ap-northeast-1', serviceRolesExempt: false },
  ];

  // Without Control Tower's own SCPs in the simulation: the denials are the landing zone's guardrails'.
  it.each(SERVICE_ROLES)('exempts %s from exactly the guardrails Control Tower exempts it from (region deny) and denies it the rest', async (name) => {
    for (const r of GUARDRAIL_REQUESTS()) {
      const req = { principalAccount: r.account, principal: role(ct, r.account, name), action: r.action, resource: r.resource, context: inRegion(r.region) };
      expect([r.guardrail, r.action, await evaluate(ct, req)]).toEqual([r.guardrail, r.action, r.serviceRolesExempt ? 'Allowed' : 'ExplicitlyDenied']);
    }
  });

  it('keeps AWSControlTowerExecution exempt from every one of those guardrails (Control Tower\'s baseline, and Terraform in enrolled accounts)', async () => {
    for (const r of GUARDRAIL_REQUESTS()) {
      const req = { principalAccount: r.account, principal: role(ct, r.account, 'AWSControlTowerExecution'), action: r.action, resource: r.resource, context: inRegion(r.region), otherScps: controlTowerScps };
      expect([r.guardrail, r.action, await evaluate(ct, req)]).toEqual([r.guardrail, r.action, 'Allowed']);
    }
  });

  it('denies a StackSet execution role creating or changing Control Tower\'s roles (its own StackSets run as the execution role)', async () => {
    for (const target of ['AWSControlTowerExecution', ...SERVICE_ROLES]) {
      for (const action of ['iam:CreateRole', 'iam:UpdateAssumeRolePolicy', 'iam:AttachRolePolicy', 'iam:PutRolePolicy', 'iam:DeleteRole']) {
        const req = { principalAccount: 'network', principal: role(ct, 'network', 'stacksets-exec-abc123'), action, resource: role(ct, 'network', target), context: inRegion('us-east-1') };
        expect([target, action, await evaluate(ct, req)]).toEqual([target, action, 'ExplicitlyDenied']);
      }
    }
  });

  it('leaves Control Tower\'s execution role free in a suspended account (deny-all), and denies everyone else', async () => {
    const req = { principalAccount: 'legacy-batch', action: 's3:ListAllMyBuckets', resource: '*', context: inRegion('ap-northeast-1') };
    expect(await evaluate(ct, { ...req, principal: role(ct, 'legacy-batch', 'AWSControlTowerExecution') })).toBe('Allowed');
    expect(await evaluate(ct, { ...req, principal: role(ct, 'legacy-batch', 'Admin') })).toBe('ExplicitlyDenied');
  });

  it('lets the execution role, as Terraform in the log-archive account, change the log buckets; not Control Tower\'s service roles', async () => {
    const bucket = 'arn:aws:s3:::globex-logs-123456789012';
    const req = { principalAccount: 'log-archive', action: 's3:PutBucketPolicy', resource: bucket, context: inRegion('ap-northeast-1') };
    expect(await evaluate(ct, { ...req, principal: role(ct, 'log-archive', 'AWSControlTowerExecution') })).toBe('Allowed');
    expect(await evaluate(ct, { ...req, principal: role(ct, 'log-archive', 'aws-controltower-ConfigRecorderRole') })).toBe('ExplicitlyDenied');
  });
});
