import { parse } from 'yaml';
import { configFrom, MINIMAL_YAML } from '../harness/config';
import type { LandingZoneConfig } from '../../config/schema';
import { accountIdOf, evaluate } from './simulate';

/** The minimal example with a suspended account and a renamed plan role: every default guardrail is on. */
let config: LandingZoneConfig;
beforeAll(() => {
  const input = parse(MINIMAL_YAML);
  input.accounts.push({ name: 'old-app', email: 'aws+old@acme.example', ou: 'Workloads/Dev', state: 'suspended' });
  input.ci = { planRoleName: 'AcmePlan', applyRoleName: 'AcmeApply' };
  config = configFrom(input);
});

const role = (account: string, name: string) => `arn:aws:iam::${accountIdOf(config, account)}:role/${name}`;

describe('guardrails around the pipeline roles (simulated SCPs)', () => {
  it.each(['AcmePlan', 'AcmeApply'])('denies a member account administrator changing or deleting the %s role; the access role may', async (name) => {
    for (const action of ['iam:UpdateAssumeRolePolicy', 'iam:AttachRolePolicy', 'iam:PutRolePolicy', 'iam:DeleteRole']) {
      const req = { principalAccount: 'shop-prod', action, resource: role('shop-prod', name) };
      expect(await evaluate(config, { ...req, principal: role('shop-prod', 'WorkloadAdmin') })).toBe('ExplicitlyDenied');
      expect(await evaluate(config, { ...req, principal: role('shop-prod', 'OrganizationAccountAccessRole') })).toBe('Allowed');
    }
  });

  it.each(['AcmePlan', 'AcmeApply'])('denies a StackSet execution role (any StackSets delegated administrator\'s StackSet) rewriting the %s role', async (name) => {
    for (const action of ['iam:CreateRole', 'iam:UpdateAssumeRolePolicy', 'iam:AttachRolePolicy', 'iam:PutRolePolicy', 'iam:DeleteRole']) {
      const req = { principalAccount: 'shop-prod', action, resource: role('shop-prod', name) };
      expect([action, await evaluate(config, { ...req, principal: role('shop-prod', 'stacksets-exec-abc123') })]).toEqual([action, 'ExplicitlyDenied']);
    }
  });

  it('does not exempt the plan role from the protections: it cannot stop Config even with an administrator policy', async () => {
    const req = { principalAccount: 'shop-prod', action: 'config:StopConfigurationRecorder', resource: '*' };
    expect(await evaluate(config, { ...req, principal: role('shop-prod', 'AcmePlan') })).toBe('ExplicitlyDenied');
  });

  it('lets the plan role read a suspended account (deny-all exempts it) while everyone else but the access role is denied', async () => {
    const req = { principalAccount: 'old-app', action: 'ec2:DescribeInstances', resource: '*', context: { 'aws:RequestedRegion': 'us-east-1' } };
    expect(await evaluate(config, { ...req, principal: role('old-app', 'AcmePlan') })).toBe('Allowed');
    expect(await evaluate(config, { ...req, principal: role('old-app', 'WorkloadAdmin') })).toBe('ExplicitlyDenied');
    expect(await evaluate(config, { ...req, principal: role('old-app', 'OrganizationAccountAccessRole') })).toBe('Allowed');
  });

  it('lets the plan role read outside the governed Regions (security.regions all plans there), still not write', async () => {
    const req = { principalAccount: 'security', action: 'guardduty:ListDetectors', resource: '*', context: { 'aws:RequestedRegion': 'eu-west-1' } };
    expect(await evaluate(config, { ...req, principal: role('security', 'AcmePlan') })).toBe('Allowed');
    expect(await evaluate(config, { ...req, principal: role('security', 'WorkloadAdmin') })).toBe('ExplicitlyDenied');
  });
});
