import { minimalConfig } from '../../harness/config';
import { adoptedConfig } from '../baseline/adopted-config';
import { resourcesOf, synthLandingZone, type StackJson } from '../../harness/synth';

const REGIONS = ['us-east-1', 'ap-northeast-1'];

describe("GuardDuty: the administrator's detector", () => {
  const detectors = (json: StackJson) => Object.entries(resourcesOf(json, 'aws_guardduty_detector'));

  it('applies security.guardDuty.findingPublishingFrequency to the detector in every region', () => {
    const json = synthLandingZone(minimalConfig((c) => (c.security = { guardDuty: { findingPublishingFrequency: 'ONE_HOUR' } }))).stack('security');
    expect(detectors(json).map(([, d]) => [d.provider, d.finding_publishing_frequency, d.enable]).sort()).toEqual(
      REGIONS.map((r) => [`aws.security-${r}`, 'ONE_HOUR', true]).sort(),
    );
  });

  it('publishes every fifteen minutes by default', () => {
    const json = synthLandingZone(minimalConfig()).stack('security');
    expect(detectors(json).map(([, d]) => d.finding_publishing_frequency)).toEqual(REGIONS.map(() => 'FIFTEEN_MINUTES'));
  });

  it('adopts the detector that designating the administrator created (import by the looked-up id), and hangs the features and export on it', () => {
    const json = synthLandingZone(minimalConfig()).stack('security');
    const lookups = Object.keys(json.data?.aws_guardduty_detector ?? {});
    expect(lookups).toHaveLength(REGIONS.length);
    const imports = (json.import ?? []).filter((i) => i.to.startsWith('aws_guardduty_detector.'));
    expect(imports.map((i) => i.to).sort()).toEqual(detectors(json).map(([name]) => `aws_guardduty_detector.${name}`).sort());
    for (const i of imports) {
      const region = /GuardDuty-([a-z0-9-]+)_/.exec(i.to)![1];
      const lookup = lookups.find((l) => l.startsWith(`GuardDuty-${region}_`));
      expect(i.id).toBe(`\${data.aws_guardduty_detector.${lookup}.id}`);
    }
    for (const type of ['aws_guardduty_organization_configuration', 'aws_guardduty_detector_feature', 'aws_guardduty_publishing_destination']) {
      for (const r of Object.values(resourcesOf(json, type))) expect(r.detector_id).toMatch(/^\$\{aws_guardduty_detector\.GuardDuty-.*\.id\}$/);
    }
  });

  it('imports the security account\'s recorded detectors (adopt.guardDutyDetectors) by their literal ids through its providers, with no lookup', () => {
    const json = synthLandingZone(adoptedConfig()).stack('security');
    expect(json.data?.aws_guardduty_detector).toBeUndefined();
    const ids: Record<string, string> = { 'us-east-1': '0123456789abcdef0123456789abcdef', 'ap-northeast-1': 'fedcba9876543210fedcba9876543210' };
    const found = detectors(json);
    expect(found).toHaveLength(REGIONS.length);
    for (const [name, d] of found) {
      const region = /^aws\.security-(.+)$/.exec(d.provider)![1];
      expect((json.import ?? []).filter((i) => i.to === `aws_guardduty_detector.${name}`)).toEqual([{ to: `aws_guardduty_detector.${name}`, id: ids[region], provider: d.provider }]);
    }
  });

  it('looks up only the regions without a recorded detector', () => {
    const json = synthLandingZone(adoptedConfig((c) => (c.accounts[1].adopt.guardDutyDetectors = { 'ap-northeast-1': 'fedcba9876543210fedcba9876543210' }))).stack('security');
    expect(Object.values(json.data?.aws_guardduty_detector ?? {}).map((d) => d.provider)).toEqual(['aws.security-us-east-1']);
    const imports = (json.import ?? []).filter((i) => i.to.startsWith('aws_guardduty_detector.'));
    expect(imports.map((i) => [i.provider, i.id.startsWith('${data.aws_guardduty_detector.') ? 'lookup' : i.id]).sort()).toEqual([
      ['aws.security-ap-northeast-1', 'fedcba9876543210fedcba9876543210'],
      ['aws.security-us-east-1', 'lookup'],
    ]);
  });
});
