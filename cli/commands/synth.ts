import type { Command } from 'commander';
import { hasBootstrapStack, workloadAccounts } from '../../config/model';
import type { LandingZoneConfig } from '../../config/schema';
import type { StackSummary } from '../../synth/synth';
import { parseStackPatterns, StackSelectionError } from '../../synth/stack-selection';
import { configFileOf, CONFIG_OPTION, loadConfigOrFail } from '../lib/config';
import { loadSynth } from '../lib/synth-output';
import { UserError } from '../../lib/user-error';
import { runAction } from '../lib/run-action';

/** Accounts from which a synth counts as long and gets a progress line first. */
export const LONG_RUN_ACCOUNTS = 50;

/** Stack count a config synthesizes to (bootstrap, management, log-archive, management-baseline, security, one per workload). */
export function expectedStacks(config: LandingZoneConfig): number {
  const bootstrap = hasBootstrapStack(config) ? 1 : 0;
  return bootstrap + 4 + workloadAccounts(config).length;
}

/** The table `lz synth` prints: resources per stack, then totals, time and folder. */
export function formatSynthSummary(stacks: readonly StackSummary[], file: string, outdir: string, seconds: number): string {
  const width = Math.max(5, ...stacks.map((s) => s.id.length));
  const total = stacks.reduce((n, s) => n + s.resources, 0);
  return [
    `  ${'stack'.padEnd(width)}  resources  data sources`,
    ...stacks.map((s) => `  ${s.id.padEnd(width)}  ${String(s.resources).padStart(9)}  ${String(s.dataSources).padStart(12)}`),
    `Synthesized ${stacks.length} stack${stacks.length === 1 ? '' : 's'} (${total} resources) from ${file} into ${outdir} in ${seconds.toFixed(1)} s`,
  ].join('\n');
}

/** `lz synth [--config file] [--out dir] [--stacks a,b]` */
export function register(program: Command): void {
  program
    .command('synth')
    .description('Synthesize the config into Terraform JSON (one folder per stack), as npm run synth does.')
    .option(...CONFIG_OPTION)
    .option('-o, --out <dir>', 'output folder (default: $CDKTF_OUTDIR or cdktf.out)')
    .option('-s, --stacks <patterns>', 'only these stacks: ids or globs, comma separated, e.g. "management,workload-shop-*" (default: $LZ_STACKS or all)')
    .option('--token-traces', 'record where each token was created, to debug an "unresolved token" error (slower)')
    .option('--quiet', 'print only the last summary line')
    .addHelpText(
      'after',
      '\nPrints the resources per stack, the total, the time taken and the output folder, and updates the\naccount inventory beside the config (commit it). Nothing is written when the config has problems.\nWith --stacks only the selected stacks are synthesized and the output folder is replaced: it then\nholds only them (other stack folders are removed; the manifest lists only them). Their JSON is\nidentical to a full synth.',
    )
    .action(
      runAction(async (opts: { config?: string; out?: string; stacks?: string; tokenTraces?: boolean; quiet?: boolean }) => {
        const started = Date.now();
        const file = configFileOf(opts.config);
        const selection = opts.stacks ?? process.env.LZ_STACKS;
        const stacks = selection === undefined ? undefined : parseStackPatterns(selection);
        const { config, inventoryFile } = loadConfigOrFail(file);
        const outdir = opts.out ?? process.env.CDKTF_OUTDIR ?? 'cdktf.out';
        if (config.accounts.length >= LONG_RUN_ACCOUNTS && !opts.quiet) {
          const what = stacks ? `stacks matching ${stacks.join(',')}` : `${expectedStacks(config)} stacks`;
          console.error(`Synthesizing ${what} for ${config.accounts.length} accounts from ${file} ...`);
        }
        let result;
        try {
          result = await loadSynth().synthesizeParallel({ config, outdir, inventoryFile, stacks, tokenTraces: opts.tokenTraces });
        } catch (e) {
          if (e instanceof StackSelectionError) throw new UserError(`--stacks: ${e.message}\nNothing was written.`);
          throw e;
        }
        const summary = formatSynthSummary(result.stacks, file, result.outdir, (Date.now() - started) / 1000);
        console.log(opts.quiet ? summary.split('\n').pop() : summary);
        if (result.inventoryUpdated) console.log(`Updated the account inventory ${inventoryFile}; commit it with the config.`);
      }),
    );
}
