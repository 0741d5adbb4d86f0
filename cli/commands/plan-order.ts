import type { Command } from 'commander';
import { configFileOf, CONFIG_OPTION, loadConfigOrFail } from '../lib/config';
import { readSynthOutput, synthesizeToMemory, type Manifest, type SynthOutput } from '../lib/synth-output';
import { dependencyWaves, jobGroups, type JobGroup } from '../lib/waves';
import { affectedStacks, checkoutConfigAt, type AffectedStacks } from '../lib/affected';
import { UserError } from '../../lib/user-error';
import { runAction } from '../lib/run-action';

/** What `lz plan-order` prints. */
export interface PlanOrder {
  /** Stack ids by wave; a stack depends only on stacks of earlier waves. */
  readonly waves: string[][];
  /** Number of stacks in the waves. */
  readonly stacks: number;
  /** The waves as CI job groups: at most 200 jobs a wave, each with a few stacks (the pipeline's matrices). */
  readonly jobs: JobGroup[][];
  /** Stacks left out (--remote-state-only), with the reason. */
  readonly skipped?: ReadonlyArray<{ readonly stack: string; readonly reason: string }>;
  /** With --since / --since-out: what changed; the waves hold only `affected.affected`. */
  readonly affected?: AffectedStacks;
}

/**
 * The dependency waves of a manifest. Stacks in `exclude` are left out, and dependencies on them
 * count as met (they are applied elsewhere, e.g. the bootstrap stack from a laptop).
 */
export function planOrder(manifest: Manifest, exclude: ReadonlyMap<string, string> = new Map(), only?: AffectedStacks): PlanOrder {
  const within = only ? new Set(only.affected) : undefined;
  const kept = Object.fromEntries(
    Object.entries(manifest.stacks)
      .filter(([id]) => !exclude.has(id) && (!within || within.has(id)))
      // Dependencies outside the plan (excluded, or unaffected with --since) count as met.
      .map(([id, s]) => [id, { ...s, dependencies: s.dependencies.filter((d) => !exclude.has(d) && (!within || within.has(d))) }]),
  );
  const waves = dependencyWaves({ stacks: kept });
  const skipped = [...exclude].filter(([id]) => manifest.stacks[id]).map(([stack, reason]) => ({ stack, reason }));
  return {
    waves,
    stacks: waves.reduce((n, w) => n + w.length, 0),
    jobs: jobGroups(waves),
    ...(skipped.length > 0 ? { skipped } : {}),
    ...(only ? { affected: only } : {}),
  };
}

/** Stacks whose state is a local file: a CI runner would lose it, so the pipeline must not run them. */
export function localStateStacks(output: SynthOutput): Map<string, string> {
  const local = new Map<string, string>();
  for (const [id, stack] of Object.entries(output.stacks)) {
    if (stack.terraform?.backend?.local) local.set(id, 'local state: a CI runner would lose it; apply this stack from a workstation');
  }
  return local;
}

/**
 * Terraform Cloud run triggers: for each stack's workspace, the workspaces of the stacks it depends
 * on (a finished apply there queues a run here). Read from the synthesized `cloud` blocks.
 */
export function runTriggers(output: SynthOutput): Record<string, string[]> {
  const workspaceOf = (id: string): string => {
    const name = output.stacks[id]?.terraform?.cloud?.workspaces?.name;
    if (typeof name !== 'string') throw new UserError(`stack "${id}" has no Terraform Cloud workspace; run triggers need state.backend: cloud (docs/terraform-cloud.md)`);
    return name;
  };
  // Stacks with local state (the bootstrap stack with the CI identities) are applied by hand, not in a workspace.
  const local = localStateStacks(output);
  const triggers: Record<string, string[]> = {};
  for (const wave of dependencyWaves(output.manifest)) {
    for (const id of wave) {
      if (local.has(id)) continue;
      triggers[workspaceOf(id)] = output.manifest.stacks[id].dependencies.filter((d) => !local.has(d)).map(workspaceOf).sort();
    }
  }
  return triggers;
}

interface PlanOrderOptions {
  config?: string;
  out?: string;
  wave?: string;
  remoteStateOnly?: boolean;
  runTriggers?: boolean;
  since?: string;
  sinceOut?: string;
  allDependents?: boolean;
}

/** The output to compare against: --since-out read as it is, --since synthesized from the config at that ref. */
function previousOutput(opts: PlanOrderOptions): SynthOutput | undefined {
  if (opts.sinceOut !== undefined) return readSynthOutput(opts.sinceOut);
  if (opts.since === undefined) return undefined;
  const { file, cleanup } = checkoutConfigAt(opts.since, configFileOf(opts.config));
  try {
    return synthesizeToMemory(loadConfigOrFail(file).config);
  } finally {
    cleanup();
  }
}

/** `lz plan-order [--out cdktf.out] [--wave N] [--since REF | --since-out DIR]` */
export function register(program: Command): void {
  program
    .command('plan-order')
    .description('Print the stacks in dependency waves as JSON (stacks of one wave can plan and apply in parallel).')
    .option(...CONFIG_OPTION)
    .option('--out <dir>', 'read an existing synthesized folder (e.g. cdktf.out) instead of synthesizing the config')
    .option('--wave <n>', 'print only wave n (0-based) as a JSON array; [] when there is no such wave')
    .option('--run-triggers', 'print Terraform Cloud run triggers instead: {"<workspace>": ["<source workspace>", ...]} (backend cloud)')
    .option('--remote-state-only', 'leave out stacks with local state (CI cannot keep it); they are listed under "skipped"')
    .option('--since-out <dir>', 'only the stacks a change affects, against this earlier synthesized folder (e.g. the base branch\'s cdktf.out)')
    .option('--since <ref>', 'only the stacks a change affects, against the config at this git ref (synthesized with the current code)')
    .option('--all-dependents', 'with --since/--since-out: add every stack that depends on a changed one, not only those reading a changed output')
    .addHelpText(
      'after',
      '\nWith --since or --since-out only the affected stacks are in the waves: new or changed stacks, and stacks\nthat read an output of a changed stack whose definition changed; "affected" lists them and the removed ones.\nComputed from the stack dependencies in manifest.json. Output:\n  {"waves":[["bootstrap"],["management"],["log-archive"],["management-baseline","security"],["workload-a","workload-b"]],"stacks":7,"jobs":[...]}\n"jobs" splits each wave into at most 200 CI job groups {first, stacks} (GitHub matrices stop at 256 jobs).\nThe GitHub Actions pipeline runs one matrix per wave from it (docs/github-actions.md).',
    )
    .action(
      runAction(async (opts: PlanOrderOptions) => {
        if (opts.since !== undefined && opts.sinceOut !== undefined) throw new UserError('give --since <ref> or --since-out <dir>, not both');
        const output = opts.out ? readSynthOutput(opts.out) : synthesizeToMemory(loadConfigOrFail(configFileOf(opts.config)).config);
        const previous = previousOutput(opts);
        const affected = previous ? affectedStacks(previous, output, opts.allDependents) : undefined;
        if (opts.runTriggers) {
          console.log(JSON.stringify(runTriggers(output), null, 2));
          return;
        }
        const order = planOrder(output.manifest, opts.remoteStateOnly ? localStateStacks(output) : undefined, affected);
        if (opts.wave === undefined) {
          console.log(JSON.stringify(order));
          return;
        }
        if (!/^\d+$/.test(opts.wave)) throw new UserError(`--wave ${JSON.stringify(opts.wave)} is not a wave number (0, 1, 2, ...).`);
        console.log(JSON.stringify(order.waves[Number(opts.wave)] ?? []));
      }),
    );
}
