import { resourcesOf, synthLandingZone } from '../../harness/synth';
import { adoptedConfig } from '../baseline/adopted-config';

// An organization trail that already has the landing zone's name (recorded in organization.adopt.trails or the
// security account's adopt.trails) is imported into the landing zone's trail by its ARN, in the management account
// that owns organization trails; other recorded trails are left alone.
const ARN = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-organization-trail';

function trailImports(edit: (input: any) => void = () => {}) {
  const json = synthLandingZone(adoptedConfig(edit)).stack('security');
  const [name, trail] = Object.entries(resourcesOf(json, 'aws_cloudtrail'))[0];
  return { name, trail, imports: (json.import ?? []).filter((i) => i.to.startsWith('aws_cloudtrail.')) };
}

describe('organization trail adoption', () => {
  it('imports the recorded organization trail of the landing zone\'s name by its ARN, through the trail\'s provider', () => {
    const { name, trail, imports } = trailImports();
    expect(trail.name).toBe('acme-organization-trail');
    expect(imports).toEqual([{ to: `aws_cloudtrail.${name}`, id: ARN, provider: trail.provider }]);
  });

  it('imports it when the security account (the delegated administrator) recorded it', () => {
    const { imports } = trailImports((c) => {
      c.organization.adopt.trails = [];
      c.accounts[1].adopt.trails = [{ name: 'acme-organization-trail', region: 'us-east-1', organization: true, multiRegion: true }];
    });
    expect(imports.map((i) => i.id)).toEqual([ARN]);
  });

  it('imports nothing for trails of other names', () => {
    expect(trailImports((c) => (c.organization.adopt.trails = [{ name: 'corp-audit', region: 'us-east-1', organization: true, multiRegion: true }])).imports).toEqual([]);
  });
});
