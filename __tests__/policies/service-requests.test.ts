import { EXAMPLES, exampleConfig, minimalConfig } from '../harness/config';
import { controlTowerEnterprise } from '../harness/control-tower';
import { adoptedConfig } from '../stacks/baseline/adopted-config';
import { evaluateCall, rcpLevels } from './service-requests/evaluate';
import { cloudTrailTable, guardDutyTable, serviceTables, type ServiceRequest } from './service-requests/tables';
import { worldOf, type World } from './service-requests/world';

// Every bucket, key and topic policy the landing zone writes, evaluated (@cloud-copilot/iam-simulate) against the
// request each AWS service sends, with the request context the service documents (tables in
// service-requests/tables.ts, each entry citing its pages): the real request is allowed, by the resource policy alone
// and together with the landing zone's RCPs of the resource's account; the same request from another organization,
// account, trail, rule, alarm or bucket is not.

function check(world: World, entry: ServiceRequest) {
  it(`allows ${entry.request}`, async () => {
    expect(entry.sources.length).toBeGreaterThan(0);
    expect(await evaluateCall(entry.call)).toBe('Allowed');
    if (entry.owner) {
      expect(await evaluateCall({ ...entry.call, rcps: rcpLevels(world.config, entry.owner, world.orgId) })).toBe('Allowed');
    }
  });
  for (const [from, variant] of Object.entries(entry.refused)) {
    it(`refuses ${entry.request}, from ${from}`, async () => {
      const call = { ...entry.call, resource: variant.resource ?? entry.call.resource, context: { ...entry.call.context, ...variant.context } };
      expect(await evaluateCall(call)).not.toBe('Allowed');
    });
  }
}

describe.each(EXAMPLES)('%s example: the services\' real requests to the landing zone\'s resource policies', (example) => {
  const world = worldOf(exampleConfig(example));
  for (const table of serviceTables(world)) {
    describe(table.service, () => {
      it('has requests to check', () => expect(table.requests.length).toBeGreaterThan(0));
      for (const entry of table.requests) check(world, entry);
    });
  }
});

describe('the trail the policies name is the one that writes into the log archive', () => {
  const controlTowerTrail = (world: World) => `arn:aws:cloudtrail:${world.homeRegion}:${world.managementId}:trail/aws-controltower-BaselineCloudTrail`;

  describe('an organization trail taken over (takeOver: true) keeps its name', () => {
    const world = worldOf(
      adoptedConfig((c) => (c.organization.adopt.trails = [{ name: 'corp-org-trail', region: 'us-east-1', organization: true, multiRegion: true, takeOver: true }])),
    );
    it('is the trail the security stack makes', () => expect(world.trailArns).toEqual(['arn:aws:cloudtrail:us-east-1:111111111111:trail/corp-org-trail']));
    for (const entry of cloudTrailTable(world).requests) check(world, entry);
  });

  describe('Control Tower runs the organization trail and the landing zone adds one of data events', () => {
    const world = worldOf(controlTowerEnterprise((c) => (c.logging.trail = { s3DataEvents: true })));
    it("is the landing zone's data-events trail, never Control Tower's", async () => {
      expect(world.trailArns).toEqual(['arn:aws:cloudtrail:ap-northeast-1:123456789012:trail/globex-organization-trail']);
      const [put] = cloudTrailTable(world).requests.filter((r) => r.call.action === 's3:PutObject');
      expect(await evaluateCall({ ...put.call, context: { ...put.call.context, 'aws:SourceArn': controlTowerTrail(world) } })).not.toBe('Allowed');
    });
    for (const entry of cloudTrailTable(world).requests) check(world, entry);
  });

  describe('Control Tower runs the organization trail and no data events are asked for', () => {
    const world = worldOf(controlTowerEnterprise());
    it("makes no trail; only a trail the landing zone made before (forgotten, still running) may still deliver, never Control Tower's", async () => {
      expect(world.trailArns).toEqual([]);
      const [put] = cloudTrailTable(world).requests.filter((r) => r.call.action === 's3:PutObject');
      expect(put.call.context['aws:SourceArn']).toBe('arn:aws:cloudtrail:ap-northeast-1:123456789012:trail/globex-organization-trail');
      expect(await evaluateCall(put.call)).toBe('Allowed');
      expect(await evaluateCall({ ...put.call, context: { ...put.call.context, 'aws:SourceArn': controlTowerTrail(world) } })).not.toBe('Allowed');
    });
  });
});

describe('GuardDuty exporting from an opt-in region, under its regional service principal', () => {
  const world = worldOf(minimalConfig((c) => (c.organization.governedRegions = ['us-east-1', 'me-south-1'])));
  const table = guardDutyTable(world);
  it('exports from me-south-1 as guardduty.me-south-1.amazonaws.com', () => {
    expect(table.requests.filter((r) => r.request.includes('me-south-1')).map((r) => r.call.principal)).toEqual(Array(3).fill('guardduty.me-south-1.amazonaws.com'));
  });
  for (const entry of table.requests) check(world, entry);
});
