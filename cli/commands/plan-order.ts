import type { Command } from 'commander';
import { CliError, runAction } from '../aws/organizations';
import { configFileOf, CONFIG_OPTION, loadConfigOrFail } from '../lib/config';
import { readSynthOutput, synthesizeToMemory, type Manifest, type SynthOutput } from '../lib/synth-output';
import { dependencyWaves, jobGroups, type JobGroup } from '../lib/waves';

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
}

/**
 * The dependency waves of a manifest. Stacks in `exclude` are left out, and dependencies on them
 * count as met (they are applied elsewhere, e.g. the bootstrap stack from a laptop).
 */
export function planOrder(manifest: Manifest, exclude: ReadonlyMap<string, string> = new Map()): PlanOrder {
  const kept = Object.fromEntries(
    Object.entries(manifest.stacks)
      .filter(([id]) => !exclude.has(id))
      .map(([id, s]) => [id, { ...s, dependencies: s.dependencies.filter((d) => !exclude.has(d)) }]),
  );
  const waves = dependencyWaves({ stacks: kept });
  const skipped = [...exclude].filter(([id]) => manifest.stacks[id]).map(([stack, reason]) => ({ stack, reason }));
  return { waves, stacks: waves.reduce((n, w) => n + w.length, 0), jobs: jobGroups(waves), ...(skipped.length > 0 ? { skipped } : {}) };
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
    if (typeof name !== 'string') throw new CliError(`stack "${id}" has no Terraform Cloud workspace; run triggers need state.backend: cloud (docs/terraform-cloud.md)`);
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

/** `lz plan-order [--out cdktf.out] [--wave N]` */
export function register(program: Command): void {
  program
    .command('plan-order')
    .description('Print the stacks in dependency waves as JSON (stacks of one wave can plan and apply in parallel).')
    .option(...CONFIG_OPTION)
    .option('--out <dir>', 'read an existing synthesized folder (e.g. cdktf.out) instead of synthesizing the config')
    .option('--wave <n>', 'print only wave n (0-based) as a JSON array; [] when there is no such wave')
    .option('--run-triggers', 'print Terraform Cloud run triggers instead: {"<workspace>": ["<source workspace>", ...]} (backend cloud)')
    .option('--remote-state-only', 'leave out stacks with local state (CI cannot keep it); they are listed under "skipped"')
    .addHelpText(
      'after',
      '\nComputed from the stack dependencies in manifest.json. Output:\n  {"waves":[["bootstrap"],["management"],["log-archive"],["management-baseline","security"],["workload-a","workload-b"]],"stacks":7,"jobs":[...]}\n"jobs" splits each wave into at most 200 CI job groups {first, stacks} (GitHub matrices stop at 256 jobs).\nThe GitHub Actions pipeline runs one matrix per wave from it (docs/github-actions.md).',
    )
    .action(
      runAction(async (opts: { config?: string; out?: string; wave?: string; remoteStateOnly?: boolean; runTriggers?: boolean }) => {
        const output = opts.out ? readSynthOutput(opts.out) : synthesizeToMemory(loadConfigOrFail(configFileOf(opts.config)).config);
        if (opts.runTriggers) {
          console.log(JSON.stringify(runTriggers(output), null, 2));
          return;
        }
        const order = planOrder(output.manifest, opts.remoteStateOnly ? localStateStacks(output) : undefined);
        if (opts.wave === undefined) {
          console.log(JSON.stringify(order));
          return;
        }
        if (!/^\d+$/.test(opts.wave)) throw new CliError(`--wave ${JSON.stringify(opts.wave)} is not a wave number (0, 1, 2, ...).`);
        console.log(JSON.stringify(order.waves[Number(opts.wave)] ?? []));
      }),
    );
}
