import { governedRegions } from '../../../config/model';
import type { LandingZoneConfig } from '../../../config/schema';
import { runChecklist, type CheckContext } from '../../../checks/checklist';
import { runConstraints } from '../../../checks/constraints';
import { organizationPolicyLimits } from '../../../checks/constraints/rules/organization-policy-limits';
import { controlTowerFacts } from '../../../checks/checklist/control-tower';
import { synthesizeToMemory } from '../../../cli/lib/synth-output';
import { controlTowerEnterprise } from '../../harness/control-tower';
import { exampleConfig } from '../../harness/config';

/** What `lz check` builds for a config (cli/commands/check.ts). */
function checkContext(config: LandingZoneConfig): CheckContext {
  return {
    stacks: synthesizeToMemory(config).stacks,
    governedRegions: governedRegions(config),
    managementAccountId: config.organization.managementAccountId,
    controlTower: controlTowerFacts(config),
  };
}

describe('lz check on an organization governed by Control Tower', () => {
  let config: LandingZoneConfig;
  let ctx: CheckContext;
  beforeAll(() => {
    config = controlTowerEnterprise();
    ctx = checkContext(config);
  });

  it('knows what Control Tower runs: its trail, and its recorders in the enrolled accounts\' governed regions', () => {
    expect(ctx.controlTower).toEqual({
      ownsTrail: true,
      recordedRegions: Object.fromEntries(
        ['log-archive', 'security', 'workload-payments-dev', 'workload-web-prod', 'workload-sandbox-alice'].map((id) => [id, ['ap-northeast-1', 'ap-northeast-3', 'us-east-1']]),
      ),
      registeredOus: ['Security', 'Workloads/Prod', 'Workloads/Dev', 'Sandbox'],
      scpsPerRegisteredOu: 1,
    });
    expect(controlTowerFacts(controlTowerEnterprise((c) => delete c.controlTower))).toBeUndefined();
  });

  it('fails nothing the same organization without Control Tower does not fail, and names Control Tower where it meets an item', () => {
    const failures = (c: CheckContext) =>
      [...runChecklist(c), ...runConstraints(c)].filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.problems.join('; ')}`);
    expect(failures(checkContext(exampleConfig('enterprise')))).toEqual([]);
    expect(failures(ctx)).toEqual([]);
    const rows = runChecklist(ctx);
    for (const id of ['organization-trail', 'config-everywhere']) expect(rows.find((r) => r.id === id)!.status).toBe('pass');
    const trail = rows.find((r) => r.id === 'organization-trail')!;
    expect(trail.evidence[0]).toMatchObject({ address: 'aws-controltower-BaselineCloudTrail' });
    const config = rows.find((r) => r.id === 'config-everywhere')!;
    expect(config.evidence).toEqual(expect.arrayContaining([{ stack: 'workload-web-prod', address: 'aws-controltower-BaselineConfigRecorder', note: expect.stringContaining("Control Tower's recorder") }]));
    expect(config.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ stack: 'workload-network', note: expect.stringContaining("the landing zone's recorder") })]));
  });

  it('fails the organization trail item when the same output is checked as if Control Tower did not run one', () => {
    const rows = runChecklist({ ...ctx, controlTower: undefined });
    expect(rows.find((r) => r.id === 'organization-trail')!.status).toBe('fail');
  });

  it('counts Control Tower\'s SCPs on a registered OU against the 5 per target', () => {
    // Sandbox carries the example's custom SCP; with 4 of Control Tower's it would be 1 + 1 FullAWSAccess + 4 = 6.
    const result = organizationPolicyLimits.check({ ...ctx, controlTower: { ...ctx.controlTower!, scpsPerRegisteredOu: 4 } });
    expect(result.status).toBe('fail');
    expect(result.problems.join('\n')).toContain("plus 4 of Control Tower's (registered OU Sandbox); a target takes at most 5");
    expect(organizationPolicyLimits.check(ctx).status).toBe('pass');
  });
});
