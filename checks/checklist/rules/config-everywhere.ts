import { verdict, type CheckRule, type Evidence } from '../types';
import { evidenceOf, find, workloadStackIds, type CheckContextLike, type FoundResource } from '../resources';
import { CONTROL_TOWER } from '../../../config/schema/control-tower';

/** Governed regions where Control Tower's recorder records the account of `stack` (none without Control Tower). */
function controlTowerRegions(ctx: CheckContextLike, stack: string): readonly string[] {
  return ctx.controlTower?.recordedRegions[stack] ?? [];
}

/**
 * Regions of `stack` that lack a recorder, an enabled recorder status or a delivery channel to the log archive;
 * regions Control Tower records for the stack's account are not the landing zone's to cover.
 */
function gaps(ctx: CheckContextLike, stack: string, logBuckets: Set<unknown>): { missing: string[]; evidence?: Evidence } {
  const inRegion = (type: string, region: string): FoundResource[] => find(ctx, type, [stack]).filter((r) => r.region === region);
  const byControlTower = controlTowerRegions(ctx, stack);
  const ours = ctx.governedRegions.filter((r) => !byControlTower.includes(r));
  const missing: string[] = [];
  let evidence: Evidence | undefined;
  for (const region of ours) {
    const recorder = inRegion('aws_config_configuration_recorder', region)[0];
    const enabled = inRegion('aws_config_configuration_recorder_status', region).some((s) => s.body.is_enabled === true);
    const channel = inRegion('aws_config_delivery_channel', region).find((c) => logBuckets.has(c.body.s3_bucket_name));
    if (!recorder) missing.push(`${region}: no recorder`);
    else if (!enabled) missing.push(`${region}: recorder not enabled`);
    else if (!channel) missing.push(`${region}: no delivery channel to the log-archive bucket`);
    else if (!evidence) {
      const note = `${ours.length} governed region(s), delivering to ${channel.body.s3_bucket_name}`;
      evidence = evidenceOf(recorder, ctx.controlTower ? `the landing zone's recorder: ${note}` : note);
    }
  }
  return { missing, evidence };
}

/**
 * Seed 004 state 1-B: AWS Config on in every governed region of every account, with the
 * configuration snapshots delivered to the log-archive bucket. A region counts when a recorder, a
 * recorder status with is_enabled = true and a delivery channel to a log-archive bucket share it.
 * Every workload stack must cover every governed region; the management-baseline (the management
 * account), log-archive and security stacks too once they record at all. Accounts the stacks do not
 * record (the management account without a management-baseline recorder, core accounts without one)
 * are warnings. In Control Tower mode, Control Tower's recorder covers an enrolled account in Control Tower's
 * governed regions (its mandatory control AWS-GR_CONFIG_ENABLED keeps it on) and the landing zone's the rest;
 * the row names which is which.
 * @see https://docs.aws.amazon.com/controltower/latest/userguide/config-faqs.html
 */
export const configEverywhere: CheckRule = {
  id: 'config-everywhere',
  title: 'AWS Config recording in every governed region of every account, delivered to the log archive',
  seedItem: '1-B',
  check(ctx) {
    const logBuckets = new Set(find(ctx, 'aws_s3_bucket', ['log-archive']).map((b) => b.body.bucket));
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const warnings: string[] = [];
    const recording = new Set(find(ctx, 'aws_config_configuration_recorder').map((r) => r.stack));
    const recorded = (id: string) => recording.has(id) || controlTowerRegions(ctx, id).length > 0;
    const workloads = workloadStackIds(ctx);
    if (workloads.length === 0) problems.push('no workload-* stacks: there is no account baseline to carry AWS Config');
    const core = ['management-baseline', 'log-archive', 'security'].filter((id) => ctx.stacks[id] && recorded(id));
    for (const stack of [...core, ...workloads]) {
      const byControlTower = controlTowerRegions(ctx, stack);
      if (byControlTower.length > 0) {
        evidence.push({ stack, address: CONTROL_TOWER.recorder, note: `Control Tower's recorder (enrolled account) in ${byControlTower.join(', ')}` });
      }
      const { missing, evidence: e } = gaps(ctx, stack, logBuckets);
      if (missing.length > 0) problems.push(`${stack}: ${missing.join('; ')} (baseline.config)`);
      else if (e) evidence.push(e);
    }
    // The management account is recorded by the management-baseline stack (the management stack keeps only the organization).
    const recordsAccount = (id: string): boolean => recorded(id) || (id === 'management' && recording.has('management-baseline'));
    const unrecorded = ['management', 'log-archive', 'security'].filter((id) => ctx.stacks[id] && !recordsAccount(id));
    if (unrecorded.length > 0) {
      warnings.push(`no Config recorder in the ${unrecorded.join(', ')} stack(s): those accounts are not recorded by the landing zone (seed 004 asks for Config in every account)`);
    }
    return verdict(evidence, problems, warnings);
  },
};
