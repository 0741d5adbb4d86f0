/**
 * The CDKTF app: reads the config (LZ_CONFIG, default landing-zone.yaml), checks it, and
 * synthesizes every stack into cdktf.out (CDKTF_OUTDIR when the cdktf CLI runs it), or only the
 * stacks LZ_STACKS selects (comma-separated ids or globs, e.g. LZ_STACKS='workload-shop-*').
 * The only place that reads files and the environment.
 */
import { loadConfigFile } from './config/load';
import { ConfigError } from './config/problems';
import { synthesizeParallel } from './synth/synth';
import { parseStackPatterns, StackSelectionError } from './synth/stack-selection';

async function main(): Promise<number> {
  const started = Date.now();
  const file = process.env.LZ_CONFIG ?? 'landing-zone.yaml';
  const outdir = process.env.CDKTF_OUTDIR ?? 'cdktf.out';
  const stacks = process.env.LZ_STACKS === undefined ? undefined : parseStackPatterns(process.env.LZ_STACKS);
  try {
    const { config, inventoryFile, inventoryNote } = loadConfigFile(file);
    if (inventoryNote) console.log(inventoryNote);
    const result = await synthesizeParallel({ config, outdir, inventoryFile, stacks, workers: workersFromEnv(), workerMode: workerModeFromEnv() });
    const total = result.stacks.reduce((n, s) => n + s.resources, 0);
    const unchanged = result.stacks.length - result.changed.length;
    const width = Math.max(...result.stacks.map((s) => s.id.length));
    for (const s of result.stacks) console.log(`  ${s.id.padEnd(width)}  ${String(s.resources).padStart(5)} resources`);
    console.log(
      `Synthesized ${result.stacks.length} stacks (${total} resources) from ${file} into ${result.outdir} in ${((Date.now() - started) / 1000).toFixed(1)} s` +
        ` (${result.changed.length} written, ${unchanged} unchanged${result.workers ? `, ${result.workers} workers` : ''})`,
    );
    if (result.inventoryUpdated) console.log(`Updated the account inventory ${inventoryFile}; commit it with the config.`);
    return 0;
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      console.error(`Nothing was written. Fix ${e.file === file ? 'the config' : e.file} and run again.`);
      return 1;
    }
    if (e instanceof StackSelectionError) {
      console.error(`LZ_STACKS: ${e.message}`);
      console.error('Nothing was written.');
      return 1;
    }
    throw e;
  }
}

/** LZ_SYNTH_WORKERS: worker processes (0: synthesize in this process); unset: one per CPU for large organizations. */
function workersFromEnv(): number | undefined {
  const text = process.env.LZ_SYNTH_WORKERS;
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`LZ_SYNTH_WORKERS "${text}" is not a whole number of worker processes (0 synthesizes in this process)`);
  return n;
}

/** LZ_SYNTH_WORKER_MODE: process (default) or thread. */
function workerModeFromEnv(): 'process' | 'thread' | undefined {
  const mode = process.env.LZ_SYNTH_WORKER_MODE;
  if (mode === undefined || mode === '') return undefined;
  if (mode !== 'process' && mode !== 'thread') throw new Error(`LZ_SYNTH_WORKER_MODE "${mode}" must be process or thread`);
  return mode;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
