import { adoptEntries } from '../../discovery/adopt';
import type { AccountFindings, RegionFindings } from '../../discovery/account';

const region = (over: Partial<RegionFindings> = {}): RegionFindings => ({ config: {}, securityHub: false, trails: [], accessAnalyzers: [], ebsEncryptionByDefault: false, ...over });
const findings = (regions: Record<string, RegionFindings>): AccountFindings => ({
  account: { id: '444444444444', name: 'shop-prod', management: false },
  regions,
  disabledRegions: [],
  passwordPolicy: false,
  s3PublicAccessBlock: false,
  alternateContacts: [],
  budgets: [],
  configServiceLinkedRole: false,
  controlTowerExecutionRole: false,
  failures: [],
});
const CT_CONFIG = { recorder: 'aws-controltower-BaselineConfigRecorder', deliveryChannel: 'aws-controltower-BaselineConfigDeliveryChannel' };

describe('adoptEntries in Control Tower mode', () => {
  it('leaves out Control Tower\'s recorder, channel and trail, keeps the account\'s own', () => {
    const f = findings({
      'us-east-1': region({ config: CT_CONFIG, trails: [{ name: 'aws-controltower-BaselineCloudTrail', region: 'us-east-1', organization: true, multiRegion: true }, { name: 'own', region: 'us-east-1', organization: false, multiRegion: false }] }),
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
    const f = findings({ 'us-east-1': region({ config: { recorder: 'aws-controltower-OtherRecorder', deliveryChannel: 'aws-controltower-OtherChannel' }, trails: [{ name: 'aws-controltower-Other', region: 'us-east-1', organization: false, multiRegion: false }] }) });
    expect(adoptEntries(f, { ownsConfig: () => true }).adopt).toEqual({});
  });

  it('without Control Tower, adopts a recorder whatever its name', () => {
    expect(adoptEntries(findings({ 'eu-west-1': region({ config: CT_CONFIG }) })).adopt).toEqual({ configRecorders: { 'eu-west-1': CT_CONFIG } });
  });
});
