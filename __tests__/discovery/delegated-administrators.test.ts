import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { AccountSession } from '../../discovery/aws/session';
import { readDelegatedAdministrators, REGIONAL_ADMIN_READS } from '../../discovery/delegated-administrators';
import { DELEGATED_ADMIN_LIMITS } from '../../config/delegated-administrators';
import { AUDIT, awsError, emptyWorld, installFakeAws, LOG, MANAGEMENT, SHOP, stubs, uninstallFakeAws, type FakeWorld } from './fake-aws';

const REGIONS = ['us-east-1', 'eu-west-1'];
let world: FakeWorld;
let session: AccountSession;
beforeEach(() => {
  world = emptyWorld();
  installFakeAws(world);
  session = new AccountSession(MANAGEMENT);
});
afterEach(() => session.close());
afterAll(uninstallFakeAws);

const read = (skip: string[] = []) => readDelegatedAdministrators(session, new OrganizationsClient({ region: 'us-east-1' }), REGIONS, new Set(skip as never[]));

/** GuardDuty to the security account in both regions, Inspector to the log archive in one, Backup to the shop. */
function delegated(): void {
  world.delegatedAdministrators = { [AUDIT]: ['guardduty.amazonaws.com'], [LOG]: ['inspector2.amazonaws.com'], [SHOP]: ['backup.amazonaws.com'] };
  world.accounts[MANAGEMENT].regions['us-east-1'].admins = { 'guardduty.amazonaws.com': [AUDIT], 'inspector2.amazonaws.com': [LOG] };
  world.accounts[MANAGEMENT].regions['eu-west-1'].admins = { 'guardduty.amazonaws.com': [AUDIT] };
}

describe('readDelegatedAdministrators', () => {
  it('reads the per-Region list of exactly the services the config contract designates per Region', () => {
    expect(REGIONAL_ADMIN_READS.map((r) => r.principal).sort()).toEqual(DELEGATED_ADMIN_LIMITS.filter((l) => l.perRegion).map((l) => l.principal).sort());
  });

  it('finds nothing in an organization without delegated administrators', async () => {
    expect(await read()).toEqual({ administrators: [], failures: [], unread: { organizations: false, regions: {} } });
  });

  it('pairs each registered account with its services, and the Regions where the per-Region services designate it', async () => {
    delegated();
    const { administrators, failures } = await read();
    expect(failures).toEqual([]);
    expect(administrators).toEqual([
      { accountId: SHOP, service: 'backup.amazonaws.com' },
      { accountId: AUDIT, service: 'guardduty.amazonaws.com', regions: ['us-east-1', 'eu-west-1'] },
      { accountId: LOG, service: 'inspector2.amazonaws.com', regions: ['us-east-1'] },
    ]);
  });

  it('records a per-Region designation that Organizations does not list, and a registration designated in no Region', async () => {
    world.delegatedAdministrators = { [AUDIT]: ['securityhub.amazonaws.com'] };
    world.accounts[MANAGEMENT].regions['eu-west-1'].admins = { 'macie.amazonaws.com': [SHOP] };
    expect((await read()).administrators).toEqual([
      { accountId: SHOP, service: 'macie.amazonaws.com', regions: ['eu-west-1'] },
      { accountId: AUDIT, service: 'securityhub.amazonaws.com', regions: [] },
    ]);
  });

  it('reads the per-Region lists with the management account\'s credentials in every region read', async () => {
    await read();
    expect(stubs.detective.calls()).toHaveLength(2);
    expect(stubs.macie.calls()).toHaveLength(2);
    expect(stubs.sts.calls()).toHaveLength(0);
  });

  it('fails one region of one service into a failure line, and keeps everything else read', async () => {
    delegated();
    world.accounts[MANAGEMENT].regions['eu-west-1'].failing = { 'guardduty.ListOrganizationAdminAccounts': awsError('AccessDeniedException', 'not authorized to perform guardduty:ListOrganizationAdminAccounts', 403) };
    const { administrators, failures, unread } = await read();
    expect(failures).toEqual([
      "GuardDuty (ListOrganizationAdminAccounts) in eu-west-1: AccessDeniedException: not authorized to perform guardduty:ListOrganizationAdminAccounts; organization.delegatedAdministrators may miss guardduty.amazonaws.com's administrator there",
    ]);
    expect(unread).toEqual({ organizations: false, regions: { 'guardduty.amazonaws.com': ['eu-west-1'] } });
    expect(administrators.find((a) => a.service === 'guardduty.amazonaws.com')).toEqual({ accountId: AUDIT, service: 'guardduty.amazonaws.com', regions: ['us-east-1'] });
    expect(administrators.map((a) => a.service)).toEqual(['backup.amazonaws.com', 'guardduty.amazonaws.com', 'inspector2.amazonaws.com']);
  });

  it('fails a region where a service is not enabled for the account into a failure line, never a throw', async () => {
    world.accounts[MANAGEMENT].regions['eu-west-1'] = { disabled: 'UnrecognizedClientException' };
    const { failures } = await read();
    expect(failures).toHaveLength(5);
    expect(failures[0]).toBe(
      "GuardDuty (ListOrganizationAdminAccounts) in eu-west-1: UnrecognizedClientException: The security token included in the request is invalid.; organization.delegatedAdministrators may miss guardduty.amazonaws.com's administrator there",
    );
  });

  it('fails Organizations\' list into a failure line and still reads the per-Region lists', async () => {
    delegated();
    world.organizationsFailing = { ListDelegatedAdministrators: awsError('AccessDeniedException', 'You don\'t have permissions to access this resource.', 403) };
    const { administrators, failures, unread } = await read();
    expect(failures).toEqual([
      "Organizations (ListDelegatedAdministrators): AccessDeniedException: You don't have permissions to access this resource.; organization.delegatedAdministrators holds only what the services' own lists name",
    ]);
    expect(unread.organizations).toBe(true);
    expect(administrators.map((a) => `${a.service} ${a.accountId}`)).toEqual([`guardduty.amazonaws.com ${AUDIT}`, `inspector2.amazonaws.com ${LOG}`]);
  });

  it('fails one account\'s services into a failure line naming the account', async () => {
    delegated();
    world.organizationsFailing = { ListDelegatedServicesForAccount: awsError('TooManyRequestsException', 'Rate exceeded') };
    const { failures } = await read();
    expect(failures).toContain(`Organizations (ListDelegatedServicesForAccount ${AUDIT}): TooManyRequestsException: Rate exceeded; organization.delegatedAdministrators may miss services of ${AUDIT}`);
  });

  it('--skip leaves a service\'s Region lists out, or every read, and marks them unread', async () => {
    delegated();
    const some = await read(['inspector-admin', 'detective-admin']);
    expect(stubs.inspector.calls()).toHaveLength(0);
    expect(some.unread.regions).toEqual({ 'inspector2.amazonaws.com': REGIONS, 'detective.amazonaws.com': REGIONS });
    expect(some.administrators.find((a) => a.service === 'inspector2.amazonaws.com')).toEqual({ accountId: LOG, service: 'inspector2.amazonaws.com', regions: [] });
    const before = stubs.organizations.calls().length;
    const none = await read(['delegated-administrators']);
    expect(none.administrators).toEqual([]);
    expect(none.unread.organizations).toBe(true);
    expect(stubs.organizations.calls()).toHaveLength(before);
  });
});
