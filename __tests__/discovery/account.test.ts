import { GetAlternateContactCommand } from '@aws-sdk/client-account';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { adoptEntries } from '../../discovery/adopt';
import type { AccountFindings, AccountTarget } from '../../discovery/account';
import { discoverOne, type DiscoveryOptions } from '../../discovery/organization';
import { AdoptSchema } from '../../config/schema/adopt';
import { awsError, emptyWorld, installFakeAws, LOG, MANAGEMENT, SHOP, stubs, uninstallFakeAws, type FakeWorld } from './fake-aws';

const OPTIONS: DiscoveryOptions = {
  homeRegion: 'us-east-1',
  governedRegions: ['us-east-1', 'eu-west-1'],
  organizationName: 'acme',
  accessRoleName: 'OrganizationAccountAccessRole',
  executionRoleName: 'AWSControlTowerExecution',
};
const SHOP_TARGET: AccountTarget = { id: SHOP, name: 'shop-prod', management: false };
const MANAGEMENT_TARGET: AccountTarget = { id: MANAGEMENT, name: 'management', management: true };

let world: FakeWorld;
beforeEach(() => {
  world = emptyWorld();
  installFakeAws(world);
});
afterAll(uninstallFakeAws);

async function findings(target = SHOP_TARGET, roles = ['OrganizationAccountAccessRole', 'AWSControlTowerExecution']): Promise<AccountFindings> {
  const result = await discoverOne(target, roles, OPTIONS);
  if (!('regions' in result)) throw new Error(`unreachable: ${result.reason}`);
  return result;
}

async function adoptOf(target = SHOP_TARGET) {
  const { adopt } = adoptEntries(await findings(target));
  expect(() => AdoptSchema.parse(adopt)).not.toThrow();
  return adopt;
}

describe('discovery of one account, service by service', () => {
  it('writes nothing for an account that runs nothing the landing zone manages', async () => {
    expect(await adoptOf()).toEqual({});
  });

  it('adopts the customer managed Config recorder and delivery channel by name, leaving out service-linked recorders', async () => {
    world.accounts[SHOP].regions['us-east-1'] = {
      recorders: [{ name: 'AWSConfigurationRecorderForSecurityHub', servicePrincipal: 'securityhub.amazonaws.com' }, { name: 'default' }],
      channel: 'default',
    };
    world.accounts[SHOP].regions['eu-west-1'] = { recorders: [{ name: 'AWSConfigurationRecorderForSecurityHub', servicePrincipal: 'securityhub.amazonaws.com' }] };
    expect((await adoptOf()).configRecorders).toEqual({ 'us-east-1': { recorder: 'default', deliveryChannel: 'default' } });
  });

  it('says that a recorder of selected resource types is changed in place, and that a channel without a recorder must go', async () => {
    world.accounts[SHOP].regions['us-east-1'] = { recorders: [{ name: 'rec', allSupported: false }] };
    world.accounts[SHOP].regions['eu-west-1'] = { channel: 'orphan' };
    const { adopt, notes } = adoptEntries(await findings());
    expect(adopt.configRecorders).toEqual({ 'us-east-1': { recorder: 'rec' } });
    expect(notes).toEqual([
      'shop-prod: the Config recorder "rec" in us-east-1 records selected resource types only; the plan changes it in place to record all of them.',
      'shop-prod has a Config delivery channel "orphan" in eu-west-1 without a recorder: AWS allows one channel per region, so the landing zone cannot add its own; delete that channel (aws configservice delete-delivery-channel) before the apply.',
    ]);
  });

  it('reads the GuardDuty detector, Security Hub, EBS default encryption per region', async () => {
    world.accounts[SHOP].regions['us-east-1'] = { detector: '12abc34d567e8fa901bc2d34e56789f0', securityHub: true, ebs: true };
    world.accounts[SHOP].regions['eu-west-1'] = { detector: 'aa11bb22', ebs: false };
    expect(await adoptOf()).toEqual({
      guardDutyDetectors: { 'us-east-1': '12abc34d567e8fa901bc2d34e56789f0', 'eu-west-1': 'aa11bb22' },
      securityHub: ['us-east-1'],
      ebsEncryptionByDefault: ['us-east-1'],
    });
  });

  it('adopts the landing zone\'s own account analyzer when there are several, and names the others', async () => {
    world.accounts[SHOP].regions['eu-west-1'] = { analyzers: ['old-analyzer', 'acme-account'] };
    world.accounts[SHOP].regions['us-east-1'] = { analyzers: ['console-analyzer'] };
    const { adopt, notes } = adoptEntries(await findings());
    expect(adopt.accessAnalyzers).toEqual({ 'us-east-1': 'console-analyzer', 'eu-west-1': 'acme-account' });
    expect(notes).toContain('shop-prod has 2 account analyzers in eu-west-1 (acme-account, old-analyzer); "acme-account" is adopted, the others are left alone.');
  });

  it('reads home-region trails only, with their organization and multi-region flags', async () => {
    world.accounts[SHOP].regions['us-east-1'] = {
      trails: [
        { Name: 'acct-trail', HomeRegion: 'us-east-1', IsMultiRegionTrail: true },
        { Name: 'eu-trail', HomeRegion: 'eu-west-1' },
      ],
    };
    world.accounts[SHOP].regions['eu-west-1'] = { trails: [{ Name: 'eu-trail', HomeRegion: 'eu-west-1' }] };
    expect((await adoptOf()).trails).toEqual([
      { name: 'acct-trail', region: 'us-east-1', organization: false, multiRegion: true },
      { name: 'eu-trail', region: 'eu-west-1', organization: false, multiRegion: false },
    ]);
  });

  it('reads the account-wide settings: password policy, S3 public access block, alternate contacts, the landing zone\'s budget', async () => {
    Object.assign(world.accounts[SHOP], { passwordPolicy: true, publicAccessBlock: true, contacts: ['SECURITY', 'BILLING'], budgets: ['shop-prod-monthly-cost', 'someone-elses'] });
    expect(await adoptOf()).toEqual({ passwordPolicy: true, s3PublicAccessBlock: true, alternateContacts: ['BILLING', 'SECURITY'], budgets: ['shop-prod-monthly-cost'] });
    expect(stubs.account.commandCalls(GetAlternateContactCommand).map((c) => c.args[0].input.AlternateContactType)).toEqual(['BILLING', 'OPERATIONS', 'SECURITY']);
  });

  it('reads "not there" answers as absent, not as failures', async () => {
    const f = await findings();
    expect(f.failures).toEqual([]);
    expect(f.disabledRegions).toEqual([]);
    expect([f.passwordPolicy, f.s3PublicAccessBlock, f.alternateContacts, f.budgets]).toEqual([false, false, [], []]);
  });

  it('reads the management account with its own credentials and the organization budget name', async () => {
    Object.assign(world.accounts[MANAGEMENT], { budgets: ['acme-organization-monthly-cost'], roles: ['AWSServiceRoleForConfig'] });
    world.accounts[MANAGEMENT].regions['us-east-1'] = { recorders: [{ name: 'mgmt-recorder' }], channel: 'mgmt-channel' };
    const f = await findings(MANAGEMENT_TARGET);
    expect(f.role).toBeUndefined();
    expect(stubs.sts.commandCalls(AssumeRoleCommand)).toHaveLength(0);
    expect(f.configServiceLinkedRole).toBe(true);
    expect(adoptEntries(f).adopt).toEqual({ configRecorders: { 'us-east-1': { recorder: 'mgmt-recorder', deliveryChannel: 'mgmt-channel' } }, budgets: ['acme-organization-monthly-cost'] });
  });

  it('reports the Config service-linked role and Control Tower\'s execution role it finds', async () => {
    world.accounts[SHOP].roles = ['AWSServiceRoleForConfig', 'AWSControlTowerExecution'];
    const f = await findings();
    expect([f.configServiceLinkedRole, f.controlTowerExecutionRole]).toEqual([true, true]);
  });

  it('records whether Control Tower\'s recorder runs in any region read (the account is enrolled)', async () => {
    expect((await findings()).controlTowerRecorder).toBe(false);
    world.accounts[SHOP].regions['eu-west-1'] = { recorders: [{ name: 'aws-controltower-BaselineConfigRecorder' }] };
    expect((await findings()).controlTowerRecorder).toBe(true);
  });
});

describe('discovery of one account: partial failures', () => {
  it('lists an unreachable account with every role tried, and never throws', async () => {
    world.accounts[SHOP].assumable = [];
    const result = await discoverOne(SHOP_TARGET, ['OrganizationAccountAccessRole', 'AWSControlTowerExecution'], OPTIONS);
    expect(result).toEqual({
      account: SHOP_TARGET,
      reason: expect.stringMatching(/^AssumeRole OrganizationAccountAccessRole: AccessDenied: User: .* is not authorized .*; AssumeRole AWSControlTowerExecution: AccessDenied: /),
    });
  });

  it('falls back to the second role when the first cannot be assumed, and says which one it used', async () => {
    world.accounts[SHOP].assumable = ['AWSControlTowerExecution'];
    expect((await findings()).role).toBe('AWSControlTowerExecution');
    expect(stubs.sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input.RoleArn)).toEqual([
      `arn:aws:iam::${SHOP}:role/OrganizationAccountAccessRole`,
      `arn:aws:iam::${SHOP}:role/AWSControlTowerExecution`,
    ]);
  });

  it.each(['UnrecognizedClientException', 'InvalidClientTokenId', 'AuthFailure', 'OptInRequired'])('lists a region answering %s as not enabled and still reads the others', async (code) => {
    world.accounts[SHOP].regions['eu-west-1'] = { disabled: code, detector: 'never-read' };
    world.accounts[SHOP].regions['us-east-1'] = { detector: 'abc123' };
    const f = await findings();
    expect(f.disabledRegions).toEqual([{ region: 'eu-west-1', reason: `${code}: The security token included in the request is invalid.` }]);
    expect(Object.keys(f.regions)).toEqual(['us-east-1']);
    expect(adoptEntries(f).adopt).toEqual({ guardDutyDetectors: { 'us-east-1': 'abc123' } });
    expect(f.failures).toEqual([]);
  });

  it('records a read that fails (access denied) and keeps every other finding', async () => {
    world.accounts[SHOP].regions['us-east-1'] = { detector: 'abc123', securityHub: true, failing: { ListDetectors: awsError('AccessDeniedException', 'no guardduty:ListDetectors') } };
    const f = await findings();
    expect(f.failures).toEqual(['GuardDuty (ListDetectors) in us-east-1: AccessDeniedException: no guardduty:ListDetectors']);
    expect(adoptEntries(f).adopt).toEqual({ securityHub: ['us-east-1'] });
  });

  it('reads a global service refusing the credentials as a failed read, not as a disabled region', async () => {
    world.accounts[SHOP].regions['us-east-1'] = { failing: { GetAccountPasswordPolicy: awsError('InvalidClientTokenId', 'The security token included in the request is invalid') } };
    const f = await findings();
    expect(f.failures).toEqual(['IAM (GetAccountPasswordPolicy): InvalidClientTokenId: The security token included in the request is invalid']);
    expect(f.disabledRegions).toEqual([]);
  });

  it('uses the log-archive target name for its budget', async () => {
    world.accounts[LOG].budgets = ['log-archive-monthly-cost'];
    const f = await findings({ id: LOG, name: 'log-archive', management: false });
    expect(f.budgets).toEqual(['log-archive-monthly-cost']);
  });
});
