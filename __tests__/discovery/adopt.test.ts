import { adoptEntries } from '../../discovery/adopt';
import type { AccountFindings, RegionFindings } from '../../discovery/account';
import type { FoundTrail } from '../../discovery/trails';

const region = (over: Partial<RegionFindings> = {}): RegionFindings => ({ config: {}, securityHub: false, trails: [], accessAnalyzers: [], ebsEncryptionByDefault: false, ...over });
const findings = (regions: Record<string, RegionFindings>, management = false): AccountFindings => ({
  account: management ? { id: '111111111111', name: 'management', management } : { id: '444444444444', name: 'shop-prod', management },
  regions,
  disabledRegions: [],
  passwordPolicy: false,
  s3PublicAccessBlock: false,
  alternateContacts: [],
  budgets: [],
  configServiceLinkedRole: false,
  controlTowerExecutionRole: false,
  controlTowerRecorder: false,
  failures: [],
  assumptions: [],
});
const CT_CONFIG = { recorder: 'aws-controltower-BaselineConfigRecorder', deliveryChannel: 'aws-controltower-BaselineConfigDeliveryChannel' };

describe('adoptEntries in Control Tower mode', () => {
  it('leaves out Control Tower\'s recorder, channel and trail, keeps the account\'s own', () => {
    const f = findings({
      'us-east-1': region({ config: CT_CONFIG, trails: [{ name: 'aws-controltower-BaselineCloudTrail', region: 'us-east-1', organization: true, multiRegion: true, managementEvents: true }, { name: 'own', region: 'us-east-1', organization: false, multiRegion: false, managementEvents: true }] }),
      'eu-west-1': region({ config: { recorder: 'own-recorder', deliveryChannel: 'own-channel' } }),
    });
    const { adopt, notes } = adoptEntries(f, { ownsConfig: (r) => r === 'us-east-1' });
    expect(adopt).toEqual({ configRecorders: { 'eu-west-1': { recorder: 'own-recorder', deliveryChannel: 'own-channel' } }, trails: [{ name: 'own', region: 'us-east-1', organization: false, multiRegion: false }] });
    expect(notes).toEqual([]);
  });

  it('warns when Control Tower runs the recorder where the config does not make it the owner', () => {
    const { adopt, notes } = adoptEntries(findings({ 'eu-west-1': region({ config: CT_CONFIG }) }), { ownsConfig: () => false });
    expect(adopt).toEqual({});
    expect(notes).toEqual([
      'shop-prod runs Control Tower\'s recorder in eu-west-1, but the config does not make Control Tower own it there (account not in controlTower.registeredOus, or region not in controlTower.governedRegions): fix controlTower, or the plan creates a second recorder, which AWS refuses.',
    ]);
  });

  it('counts every aws-controltower-* recorder, channel and trail as Control Tower\'s', () => {
    const f = findings({ 'us-east-1': region({ config: { recorder: 'aws-controltower-OtherRecorder', deliveryChannel: 'aws-controltower-OtherChannel' }, trails: [{ name: 'aws-controltower-Other', region: 'us-east-1', organization: false, multiRegion: false, managementEvents: true }] }) });
    expect(adoptEntries(f, { ownsConfig: () => true }).adopt).toEqual({});
  });

  it('without Control Tower, adopts a recorder whatever its name', () => {
    expect(adoptEntries(findings({ 'eu-west-1': region({ config: CT_CONFIG }) })).adopt).toEqual({ configRecorders: { 'eu-west-1': CT_CONFIG } });
  });
});

describe('adoptEntries: trails', () => {
  const trail = (name: string, over: Partial<FoundTrail> = {}): FoundTrail => ({ name, region: 'us-east-1', organization: true, multiRegion: true, managementEvents: true, ...over });
  const LEFT_ALONE =
    'The management account\'s organization trail "corp-org-trail" (us-east-1) records management events and is not the landing zone\'s: it is left alone (adopt.trails takeOver: false), and the landing zone makes no second trail recording management events. To take it over, set takeOver: true: the first plan imports it under its name, then delivers it to the log archive with the landing zone\'s settings.';

  it('writes managementEvents: false on a data-events-only trail, and leaves the default out', () => {
    const { adopt } = adoptEntries(findings({ 'us-east-1': region({ trails: [trail('data', { organization: false, managementEvents: false }), trail('audit', { organization: false })] }) }));
    expect(adopt.trails).toEqual([
      { name: 'data', region: 'us-east-1', organization: false, multiRegion: true, managementEvents: false },
      { name: 'audit', region: 'us-east-1', organization: false, multiRegion: true },
    ]);
  });

  it('marks another organization trail of the management account that records management events takeOver: false, and says how to take it over', () => {
    const f = findings({ 'us-east-1': region({ trails: [trail('corp-org-trail'), trail('acme-organization-trail'), trail('org-data', { managementEvents: false }), trail('aws-controltower-BaselineCloudTrail')] }) }, true);
    const { adopt, notes } = adoptEntries(f, undefined, { ownTrail: 'acme-organization-trail' });
    expect(adopt.trails).toEqual([
      { name: 'corp-org-trail', region: 'us-east-1', organization: true, multiRegion: true, takeOver: false },
      { name: 'acme-organization-trail', region: 'us-east-1', organization: true, multiRegion: true },
      { name: 'org-data', region: 'us-east-1', organization: true, multiRegion: true, managementEvents: false },
      { name: 'aws-controltower-BaselineCloudTrail', region: 'us-east-1', organization: true, multiRegion: true },
    ]);
    expect(notes).toEqual([LEFT_ALONE]);
  });

  it('keeps the takeOver choice already in the file, without a note', () => {
    const f = findings({ 'us-east-1': region({ trails: [trail('corp-org-trail')] }) }, true);
    const { adopt, notes } = adoptEntries(f, undefined, { takeOver: new Map([['corp-org-trail us-east-1', true]]) });
    expect(adopt.trails).toEqual([{ name: 'corp-org-trail', region: 'us-east-1', organization: true, multiRegion: true, takeOver: true }]);
    expect(notes).toEqual([]);
  });

  it('never marks a member account\'s trail', () => {
    expect(adoptEntries(findings({ 'us-east-1': region({ trails: [trail('corp-org-trail')] }) })).adopt.trails).toEqual([{ name: 'corp-org-trail', region: 'us-east-1', organization: true, multiRegion: true }]);
  });
});
