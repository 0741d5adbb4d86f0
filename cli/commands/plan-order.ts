import type { Command } from 'commander';
import { CliError, runAction } from '../aws/organizations';
import { configFileOf, CONFIG_OPTION, loadConfigOrFail } from '../lib/config';
import { readSynthOutput, synthesizeToMemory, type Manifest } from '../lib/synth-output';
import { dependencyWaves } from '../lib/waves';

/** What `lz plan-order` prints: the waves, and for each stack its folder in the output. */
export interface PlanOrder {
  readonly waves: string[][];
  readonly stacks: number;
}

export function planOrder(manifest: Manifest): PlanOrder {
  const waves = dependencyWaves(manifest);
  return { waves, stacks: waves.reduce((n, w) => n + w.length, 0) };
}

/** `lz plan-order [--out cdktf.out] [--wave N]` */
export function register(program: Command): void {
  program
    .command('plan-order')
    .description('Print the stacks in dependency waves as JSON (stacks of one wave can plan and apply in parallel).')
    .option(...CONFIG_OPTION)
    .option('--out <dir>', 'read an existing synthesized folder (e.g. cdktf.out) instead of synthesizing the config')
    .option('--wave <n>', 'print only wave n (0-based) as a JSON array; [] when there is no such wave')
    .addHelpText(
      'after',
      '\nComputed from the stack dependencies in manifest.json. Output:\n  {"waves":[["bootstrap"],["management"],["log-archive"],["security"],["workload-a","workload-b"]],"stacks":6}\nThe GitHub Actions pipeline runs one job per wave from this (docs/github-actions.md).',
    )
    .action(
      runAction(async (opts: { config?: string; out?: string; wave?: string }) => {
        const manifest = opts.out ? readSynthOutput(opts.out).manifest : synthesizeToMemory(loadConfigOrFail(configFileOf(opts.config)).config).manifest;
        const order = planOrder(manifest);
        if (opts.wave === undefined) {
          console.log(JSON.stringify(order));
          return;
        }
        if (!/^\d+$/.test(opts.wave)) throw new CliError(`--wave ${JSON.stringify(opts.wave)} is not a wave number (0, 1, 2, ...).`);
        console.log(JSON.stringify(order.waves[Number(opts.wave)] ?? []));
      }),
    );
}
