import { resourcesOf, synthLandingZone } from '../../harness/synth';
import { adoptedConfig } from '../baseline/adopted-config';

// An organization trail that already has the landing zone's name (recorded in organization.adopt.trails or the
// security account's adopt.trails) is imported into the landing zone's trail by its ARN, in the management account
// that owns organization trails. An organization trail of another name that records management events is either
// taken over (takeOver: true: it becomes the landing zone's trail under its own name) or left alone (takeOver: false:
// the landing zone then makes no second trail recording management events); other trails are records only.
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

  it('imports nothing for trails of other names that are not organization trails recording management events', () => {
    const trails = [
      { name: 'corp-audit', region: 'us-east-1', organization: false, multiRegion: true },
      { name: 'corp-data', region: 'us-east-1', organization: true, multiRegion: true, managementEvents: false },
    ];
    const { trail, imports } = trailImports((c) => (c.organization.adopt.trails = trails));
    expect(imports).toEqual([]);
    expect(trail.name).toBe('acme-organization-trail');
  });

  it('takes over an organization trail of another name (takeOver: true): the landing zone\'s trail keeps that name and imports it', () => {
    const { name, trail, imports } = trailImports((c) => (c.organization.adopt.trails = [{ name: 'corp-org-trail', region: 'us-east-1', organization: true, multiRegion: true, takeOver: true }]));
    expect(trail.name).toBe('corp-org-trail');
    expect(trail.is_organization_trail).toBe(true);
    expect(imports).toEqual([{ to: `aws_cloudtrail.${name}`, id: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/corp-org-trail', provider: trail.provider }]);
  });

  it('makes no second trail recording management events beside one left alone (takeOver: false), and registers no CloudTrail administrator for nothing', () => {
    const kept = (edit: (c: any) => void = () => {}) =>
      synthLandingZone(
        adoptedConfig((c) => {
          c.organization.adopt.trails = [{ name: 'corp-org-trail', region: 'us-east-1', organization: true, multiRegion: true, takeOver: false }];
          edit(c);
        }),
      );
    const lz = kept();
    expect(Object.keys(resourcesOf(lz.stack('security'), 'aws_cloudtrail'))).toEqual([]);
    expect(Object.keys(resourcesOf(lz.stack('management'), 'aws_cloudtrail_organization_delegated_admin_account'))).toEqual([]);
    // Data events still go to the log archive, through a trail that records nothing else.
    const withData = kept((c) => (c.logging = { trail: { s3DataEvents: true } }));
    const trails = Object.values(resourcesOf(withData.stack('security'), 'aws_cloudtrail'));
    expect(trails).toHaveLength(1);
    const categories = (trails[0].advanced_event_selector as any[]).flatMap((sel) => sel.field_selector.filter((f: any) => f.field === 'eventCategory').flatMap((f: any) => f.equals));
    expect(categories).toEqual(['Data']);
  });
});
