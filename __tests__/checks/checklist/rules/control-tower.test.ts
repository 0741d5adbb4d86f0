import type { CheckContext, ControlTowerFacts } from '../../../../checks/checklist';
import { configEverywhere } from '../../../../checks/checklist/rules/config-everywhere';
import { organizationTrail } from '../../../../checks/checklist/rules/organization-trail';
import { managementAccountUnused } from '../../../../checks/checklist/rules/management-account-unused';
import { context } from '../fixtures';

/*
 * The seed 004 checklist in Control Tower mode (CheckContext.controlTower): Control Tower's trail and recorders
 * meet the items where it runs them, the landing zone's elsewhere, and each row says which is which.
 */

const FACTS: ControlTowerFacts = { ownsTrail: true, recordedRegions: {}, registeredOus: [], scpsPerRegisteredOu: 1 };
const withControlTower = (ctx: CheckContext, facts: Partial<ControlTowerFacts>): CheckContext => ({ ...ctx, controlTower: { ...FACTS, ...facts } });

/** Drops the landing zone's recorders of `stack` in `region`. */
const dropRecorder = (region: string, stack = 'workload-shop') => (s: any) => {
  for (const type of ['aws_config_configuration_recorder', 'aws_config_configuration_recorder_status', 'aws_config_delivery_channel']) {
    for (const [name, r] of Object.entries<any>(s[stack].resource[type])) if (r.provider.endsWith(region)) delete s[stack].resource[type][name];
  }
};

describe('organization-trail in Control Tower mode', () => {
  const noTrail = (s: any) => delete s.security.resource.aws_cloudtrail;

  it('is met by Control Tower\'s trail when it runs the organization trail, and says so', () => {
    const result = organizationTrail.check(withControlTower(context(noTrail), {}));
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual([expect.objectContaining({ stack: 'control-tower', address: 'aws-controltower-BaselineCloudTrail', note: expect.stringContaining("Control Tower's organization trail") })]);
  });

  it('lists the landing zone\'s data-events trail beside Control Tower\'s', () => {
    const dataOnly = (s: any) => {
      s.security.resource.aws_cloudtrail.Trail.advanced_event_selector = [{ name: 'S3', field_selector: [{ field: 'eventCategory', equals: ['Data'] }] }];
    };
    const result = organizationTrail.check(withControlTower(context(dataOnly), {}));
    expect(result.evidence.map((e) => e.note)).toEqual([expect.stringContaining('Control Tower'), "the landing zone's trail beside it: data events only"]);
  });

  it('still fails without any organization trail when Control Tower does not run one', () => {
    expect(organizationTrail.check(withControlTower(context(noTrail), { ownsTrail: false })).status).toBe('fail');
    expect(organizationTrail.check(context(noTrail)).status).toBe('fail');
  });

  it('does not count a trail without management events as the organization trail', () => {
    const dataOnly = (s: any) => {
      s.security.resource.aws_cloudtrail.Trail.advanced_event_selector = [{ name: 'S3', field_selector: [{ field: 'eventCategory', equals: ['Data'] }] }];
    };
    const result = organizationTrail.check(context(dataOnly));
    expect(result.status).toBe('fail');
    expect(result.problems).toContain('Trail: records no management events (its event selectors leave them out)');
  });
});

describe('config-everywhere in Control Tower mode', () => {
  it('is met by Control Tower\'s recorder in the regions it records an enrolled account, and by the landing zone\'s elsewhere', () => {
    const ctx = withControlTower(context(dropRecorder('us-east-1')), { recordedRegions: { 'workload-shop': ['us-east-1'] } });
    const result = configEverywhere.check(ctx);
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual([
      { stack: 'workload-shop', address: 'aws-controltower-BaselineConfigRecorder', note: "Control Tower's recorder (enrolled account) in us-east-1" },
      { stack: 'workload-shop', address: 'aws_config_configuration_recorder.Recorder-ap-northeast-1', note: "the landing zone's recorder: 1 governed region(s), delivering to acme-logs" },
    ]);
  });

  it('still fails a region neither Control Tower nor the landing zone records', () => {
    const ctx = withControlTower(context(dropRecorder('ap-northeast-1')), { recordedRegions: { 'workload-shop': ['us-east-1'] } });
    const result = configEverywhere.check(ctx);
    expect(result.status).toBe('fail');
    expect(result.problems).toEqual(['workload-shop: ap-northeast-1: no recorder (baseline.config)']);
  });

  it('counts an enrolled core account Control Tower records as recorded (no warning for it)', () => {
    const ctx = withControlTower(context(), { recordedRegions: { 'log-archive': ['us-east-1', 'ap-northeast-1'], security: ['us-east-1', 'ap-northeast-1'] } });
    const result = configEverywhere.check(ctx);
    expect(result.status).toBe('pass');
    expect(result.evidence.map((e) => `${e.stack} ${e.address}`)).toEqual(expect.arrayContaining(['log-archive aws-controltower-BaselineConfigRecorder', 'security aws-controltower-BaselineConfigRecorder']));
    expect(result.warnings).toEqual([expect.stringContaining('no Config recorder in the management stack(s)')]);
  });
});

describe('management-account-unused in Control Tower mode', () => {
  it('does not ask for CloudTrail\'s delegated administrator while Control Tower runs the only trail', () => {
    const noCloudTrailAdmin = (s: any) => delete s.management.resource.aws_cloudtrail_organization_delegated_admin_account;
    expect(managementAccountUnused.check(context(noCloudTrailAdmin)).problems).toEqual([expect.stringContaining('CloudTrail has no delegated administrator')]);
    const result = managementAccountUnused.check(withControlTower(context(noCloudTrailAdmin), {}));
    expect(result.problems).toEqual([]);
    expect(result.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ address: 'aws-controltower-BaselineCloudTrail' })]));
  });
});
