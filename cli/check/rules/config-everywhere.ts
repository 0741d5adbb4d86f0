import { verdict, type CheckRule, type Evidence } from '../types';
import { evidenceOf, find, workloadStackIds, type CheckContextLike, type FoundResource } from '../resources';

/** Regions of `stack` that lack a recorder, an enabled recorder status or a delivery channel to the log archive. */
function gaps(ctx: CheckContextLike, stack: string, logBuckets: Set<unknown>): { missing: string[]; evidence?: Evidence } {
  const inRegion = (type: string, region: string): FoundResource[] => find(ctx, type, [stack]).filter((r) => r.region === region);
  const missing: string[] = [];
  let evidence: Evidence | undefined;
  for (const region of ctx.governedRegions) {
    const recorder = inRegion('aws_config_configuration_recorder', region)[0];
    const enabled = inRegion('aws_config_configuration_recorder_status', region).some((s) => s.body.is_enabled === true);
    const channel = inRegion('aws_config_delivery_channel', region).find((c) => logBuckets.has(c.body.s3_bucket_name));
    if (!recorder) missing.push(`${region}: no recorder`);
    else if (!enabled) missing.push(`${region}: recorder not enabled`);
    else if (!channel) missing.push(`${region}: no delivery channel to the log-archive bucket`);
    else if (!evidence) evidence = evidenceOf(recorder, `${ctx.governedRegions.length} governed region(s), delivering to ${channel.body.s3_bucket_name}`);
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
 * are warnings.
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
    const workloads = workloadStackIds(ctx);
    if (workloads.length === 0) problems.push('no workload-* stacks: there is no account baseline to carry AWS Config');
    const core = ['management-baseline', 'log-archive', 'security'].filter((id) => ctx.stacks[id] && recording.has(id));
    for (const stack of [...core, ...workloads]) {
      const { missing, evidence: e } = gaps(ctx, stack, logBuckets);
      if (missing.length > 0) problems.push(`${stack}: ${missing.join('; ')} (baseline.config)`);
      else if (e) evidence.push(e);
    }
    // The management account is recorded by the management-baseline stack (the management stack keeps only the organization).
    const recordsAccount = (id: string): boolean => recording.has(id) || (id === 'management' && recording.has('management-baseline'));
    const unrecorded = ['management', 'log-archive', 'security'].filter((id) => ctx.stacks[id] && !recordsAccount(id));
    if (unrecorded.length > 0) {
      warnings.push(`no Config recorder in the ${unrecorded.join(', ')} stack(s): those accounts are not recorded by the landing zone (seed 004 asks for Config in every account)`);
    }
    return verdict(evidence, problems, warnings);
  },
};
