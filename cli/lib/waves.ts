import type { Manifest } from './synth-output';
import { UserError } from '../../lib/user-error';

/**
 * The stacks in dependency waves: every stack of wave n depends only on stacks of earlier waves,
 * and lands in the earliest wave it can. Stacks of one wave can plan and apply in parallel.
 * Stack ids inside a wave are sorted, so the output is stable.
 */
export function dependencyWaves(manifest: Manifest): string[][] {
  const ids = Object.keys(manifest.stacks);
  const known = new Set(ids);
  for (const id of ids) {
    for (const dep of manifest.stacks[id].dependencies) {
      if (!known.has(dep)) throw new UserError(`stack "${id}" depends on "${dep}", which is not in the manifest; synthesize again.`);
    }
  }
  const wave = new Map<string, number>();
  const visiting = new Set<string>();
  const waveOf = (id: string, chain: string[]): number => {
    const done = wave.get(id);
    if (done !== undefined) return done;
    if (visiting.has(id)) throw new UserError(`the stacks depend on each other in a cycle: ${[...chain, id].join(' -> ')}`);
    visiting.add(id);
    const deps = manifest.stacks[id].dependencies;
    const n = deps.length === 0 ? 0 : 1 + Math.max(...deps.map((d) => waveOf(d, [...chain, id])));
    visiting.delete(id);
    wave.set(id, n);
    return n;
  };
  const waves: string[][] = [];
  for (const id of [...ids].sort()) {
    const n = waveOf(id, []);
    (waves[n] ??= []).push(id);
  }
  return waves.map((w) => [...w].sort());
}

/** GitHub Actions runs at most 256 jobs from one matrix; stay well below it. */
export const MAX_JOBS_PER_WAVE = 200;

/** One CI job's share of a wave: its stacks, and the first one to name the job and its artifacts. */
export interface JobGroup {
  readonly first: string;
  /** Stack ids separated by spaces, for a shell loop or `cdktf deploy <ids...>`. */
  readonly stacks: string;
}

/**
 * Splits every wave into at most `maxJobs` groups of consecutive stacks, so a wave of 5,000
 * workload stacks becomes 200 matrix jobs of 25 stacks instead of a matrix GitHub refuses.
 */
export function jobGroups(waves: readonly string[][], maxJobs = MAX_JOBS_PER_WAVE): JobGroup[][] {
  return waves.map((wave) => {
    const size = Math.max(1, Math.ceil(wave.length / maxJobs));
    const groups: JobGroup[] = [];
    for (let i = 0; i < wave.length; i += size) {
      const stacks = wave.slice(i, i + size);
      groups.push({ first: stacks[0], stacks: stacks.join(' ') });
    }
    return groups;
  });
}
