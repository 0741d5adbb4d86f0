import { AccountSession } from '../../discovery/aws/session';
import { discoverOne } from '../../discovery/organization';
import { readTrails, recordsManagementEvents } from '../../discovery/trails';
import { awsError, emptyWorld, installFakeAws, MANAGEMENT, uninstallFakeAws, type FakeWorld } from './fake-aws';

let world: FakeWorld;
beforeEach(() => {
  world = emptyWorld();
  installFakeAws(world);
});
afterAll(uninstallFakeAws);

const ORG_TRAIL = { Name: 'corp-org-trail', HomeRegion: 'us-east-1', IsOrganizationTrail: true, IsMultiRegionTrail: true };
const DATA_TRAIL = {
  Name: 'data-events',
  HomeRegion: 'us-east-1',
  selectors: { EventSelectors: [{ ReadWriteType: 'All' as const, IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }] },
};

async function trails() {
  const session = new AccountSession(MANAGEMENT);
  try {
    return await readTrails(session, 'us-east-1');
  } finally {
    session.close();
  }
}

describe('readTrails: management events', () => {
  it('finds no trail where there is none', async () => {
    expect(await trails()).toEqual([]);
  });

  it('tells a trail that records management events from a data-events-only trail', async () => {
    world.accounts[MANAGEMENT].regions['us-east-1'].trails = [ORG_TRAIL, DATA_TRAIL];
    expect(await trails()).toEqual([
      { name: 'corp-org-trail', region: 'us-east-1', organization: true, multiRegion: true, managementEvents: true },
      { name: 'data-events', region: 'us-east-1', organization: false, multiRegion: false, managementEvents: false },
    ]);
  });

  it('assumes management events when the selectors cannot be read, says why, and keeps the other trails\' answers', async () => {
    world.accounts[MANAGEMENT].regions['us-east-1'].trails = [ORG_TRAIL, DATA_TRAIL];
    world.accounts[MANAGEMENT].regions['us-east-1'].failing = { GetEventSelectors: awsError('AccessDeniedException', 'not authorized to perform cloudtrail:GetEventSelectors', 403) };
    const found = await trails();
    expect(found[0]).toEqual(expect.objectContaining({ name: 'corp-org-trail', managementEvents: true, selectorsUnread: 'AccessDeniedException: not authorized to perform cloudtrail:GetEventSelectors' }));
    const result = await discoverOne({ id: MANAGEMENT, name: 'management', management: true }, [], {
      homeRegion: 'us-east-1',
      governedRegions: ['us-east-1'],
      organizationName: 'acme',
      accessRoleName: 'OrganizationAccountAccessRole',
      executionRoleName: 'AWSControlTowerExecution',
    });
    if (!('regions' in result)) throw new Error(result.reason);
    expect(result.assumptions).toEqual([
      'CloudTrail (GetEventSelectors) of trail "corp-org-trail" in us-east-1: AccessDeniedException: not authorized to perform cloudtrail:GetEventSelectors; taken as recording management events',
      'CloudTrail (GetEventSelectors) of trail "data-events" in us-east-1: AccessDeniedException: not authorized to perform cloudtrail:GetEventSelectors; taken as recording management events',
    ]);
    expect(result.failures).toEqual([]);
  });
});

describe('recordsManagementEvents', () => {
  it.each([
    ['no selector (a new trail\'s default)', {}, true],
    ['a basic selector without IncludeManagementEvents', { EventSelectors: [{ ReadWriteType: 'All' as const }] }, true],
    ['basic selectors all without management events', { EventSelectors: [{ IncludeManagementEvents: false }, { IncludeManagementEvents: false }] }, false],
    ['an advanced selector for management events', { AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }] }, true],
    [
      'advanced selectors for data events only',
      { AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }] }] },
      false,
    ],
  ])('%s', (_what, selectors, expected) => expect(recordsManagementEvents(selectors)).toBe(expected));
});
