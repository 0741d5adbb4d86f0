/**
 * Scale benchmark: `npm run bench [-- --sizes 10,100,1000,5000 --regions 2,4 --no-select]`.
 *
 * For each organization size and region count it writes a generated landing zone (bench/generate.ts)
 * to a temporary folder and runs the real synth (`node dist/main.js`, as `npm run synth` does) in a
 * child process, then reports wall time, peak RSS, output size, resources per stack, the time per
 * account and its ratio to the 100-account run. With selection on (default) it also times a synth of
 * one workload stack (LZ_STACKS), as CI plans one account. Not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { generateFiles, workloadName } from './generate';
import { parseUsage } from './rss-marker';

export interface BenchOptions {
  readonly sizes: number[];
  readonly regions: number[];
  /** Also time a synth of one selected workload stack per size. */
  readonly select: boolean;
  /** Keep the temporary folders (config and output) for inspection. */
  readonly keep: boolean;
}

/** One synth run in a child process. */
export interface RunMeasure {
  readonly wallS: number;
  /** What main.ts reports: load, check and synth, without Node start-up and module loading. */
  readonly synthS?: number;
  readonly peakRssMb: number;
  readonly cpuS: number;
}

export interface BenchRow extends RunMeasure {
  readonly accounts: number;
  readonly regions: number;
  readonly stacks: number;
  readonly resources: number;
  readonly outputMb: number;
  readonly files: number;
  readonly managementResources: number;
  readonly workloadResourcesMin: number;
  readonly workloadResourcesMax: number;
  /** Wall time per workload account, milliseconds. */
  readonly msPerAccount: number;
  /** msPerAccount divided by that of the 100-account run with the same regions. */
  readonly ratioTo100?: number;
  /** Synth of one workload stack (LZ_STACKS=workload-<first account>). */
  readonly selected?: RunMeasure & { readonly stacks: number };
}

export interface BenchReport {
  readonly date: string;
  readonly node: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly rows: BenchRow[];
}

const ROOT = resolve(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'main.js');
const REPORTER = join(__dirname, 'rss-reporter.js');

export function parseArgs(argv: readonly string[]): BenchOptions {
  const list = (v: string | undefined, flag: string): number[] => {
    const values = (v ?? '').split(',').filter(Boolean).map(Number);
    if (values.length === 0 || values.some((n) => !Number.isInteger(n) || n < 1)) {
      throw new Error(`${flag} "${v ?? ''}" is not a comma-separated list of positive whole numbers, e.g. ${flag} 10,100,1000`);
    }
    return values;
  };
  let sizes = [10, 100, 1000, 5000];
  let regions = [2];
  let select = true;
  let keep = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--sizes') sizes = list(value(), '--sizes');
    else if (flag === '--regions') regions = list(value(), '--regions');
    else if (flag === '--no-select') select = false;
    else if (flag === '--keep') keep = true;
    else throw new Error(`unknown option "${arg}"; use --sizes 10,100,1000,5000 --regions 2,4 --no-select --keep`);
  }
  return { sizes, regions, select, keep };
}

/** Runs dist/main.js on `configFile` into `outdir` and measures it. */
export function runSynth(configFile: string, outdir: string, stacks?: string): RunMeasure & { stdout: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, LZ_CONFIG: configFile, CDKTF_OUTDIR: outdir };
  if (stacks) env.LZ_STACKS = stacks;
  else delete env.LZ_STACKS;
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-r', REPORTER, MAIN], { cwd: dirname(configFile), env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) {
    throw new Error(`synth of ${configFile} failed (exit ${child.status ?? child.signal}):\n${child.stderr.slice(-4000)}`);
  }
  const usage = parseUsage(child.stderr);
  if (!usage) throw new Error(`synth of ${configFile} printed no usage report; stderr:\n${child.stderr.slice(-2000)}`);
  const reported = /Synthesized .* in ([\d.]+) s/.exec(child.stdout);
  return {
    wallS,
    synthS: reported ? Number(reported[1]) : undefined,
    peakRssMb: usage.maxRssKb / 1024,
    cpuS: (usage.userMs + usage.systemMs) / 1000,
    stdout: child.stdout,
  };
}

/**
 * Resource counts per stack of a written output folder. The bench measures the synth from outside, so it
 * reads the files; the synth itself counts on the in-memory JSON.
 */
export function summarize(outdir: string): { id: string; resources: number }[] {
  const stacksDir = join(outdir, 'stacks');
  return readdirSync(stacksDir)
    .sort()
    .map((id) => {
      const json = JSON.parse(readFileSync(join(stacksDir, id, 'cdk.tf.json'), 'utf8')) as { resource?: Record<string, object> };
      return { id, resources: Object.values(json.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0) };
    });
}

function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = folderSize(path);
      bytes += inner.bytes;
      files += inner.files;
    } else {
      bytes += statSync(path).size;
      files += 1;
    }
  }
  return { bytes, files };
}

/** Generates, synthesizes and measures one organization size. */
export function benchOne(accounts: number, regions: number, options: Pick<BenchOptions, 'select' | 'keep'>): BenchRow {
  const dir = mkdtempSync(join(tmpdir(), `lz-bench-${accounts}x${regions}-`));
  try {
    for (const [path, text] of Object.entries(generateFiles({ accounts, regions }))) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const configFile = join(dir, 'landing-zone.yaml');
    const outdir = join(dir, 'cdktf.out');
    const full = runSynth(configFile, outdir);
    const stacks = summarize(outdir);
    const workloads = stacks.filter((s) => s.id.startsWith('workload-')).map((s) => s.resources);
    const size = folderSize(outdir);
    let selected: BenchRow['selected'];
    if (options.select) {
      const selectedOut = join(dir, 'cdktf.selected');
      const run = runSynth(configFile, selectedOut, `workload-${workloadName(0)}`);
      selected = { wallS: run.wallS, synthS: run.synthS, peakRssMb: run.peakRssMb, cpuS: run.cpuS, stacks: summarize(selectedOut).length };
    }
    return {
      accounts,
      regions,
      wallS: full.wallS,
      synthS: full.synthS,
      peakRssMb: full.peakRssMb,
      cpuS: full.cpuS,
      stacks: stacks.length,
      resources: stacks.reduce((n, s) => n + s.resources, 0),
      outputMb: size.bytes / 1024 / 1024,
      files: size.files,
      managementResources: stacks.find((s) => s.id === 'management')?.resources ?? 0,
      workloadResourcesMin: Math.min(...workloads),
      workloadResourcesMax: Math.max(...workloads),
      msPerAccount: (full.wallS * 1000) / accounts,
      selected,
    };
  } finally {
    if (options.keep) console.error(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** Adds the ratio of ms per account to that of the 100-account run with the same region count. */
export function withRatios(rows: readonly BenchRow[]): BenchRow[] {
  return rows.map((row) => {
    const base = rows.find((r) => r.accounts === 100 && r.regions === row.regions);
    return base ? { ...row, ratioTo100: row.msPerAccount / base.msPerAccount } : row;
  });
}

const f = (n: number | undefined, digits = 1) => (n === undefined ? '-' : n.toFixed(digits));

/** The rows as a Markdown table. */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = [
    'accounts',
    'regions',
    'stacks',
    'resources',
    'wall s',
    'synth s',
    'peak RSS MB',
    'output MB',
    'mgmt res',
    'workload res (min-max)',
    'ms/account',
    'ratio to 100',
    'one stack s',
    'one stack MB',
  ];
  const lines = rows.map((r) => [
    String(r.accounts),
    String(r.regions),
    String(r.stacks),
    String(r.resources),
    f(r.wallS),
    f(r.synthS),
    f(r.peakRssMb, 0),
    f(r.outputMb),
    String(r.managementResources),
    `${r.workloadResourcesMin}-${r.workloadResourcesMax}`,
    f(r.msPerAccount, 2),
    f(r.ratioTo100, 2),
    f(r.selected?.wallS, 2),
    f(r.selected?.peakRssMb, 0),
  ]);
  const table = [header, ...lines];
  const widths = header.map((_, i) => Math.max(...table.map((l) => l[i].length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [row(header), `|${widths.map((w, i) => (i < 2 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...lines.map(row)].join('\n');
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const rows: BenchRow[] = [];
  for (const regions of options.regions) {
    for (const accounts of options.sizes) {
      process.stderr.write(`bench: ${accounts} accounts x ${regions} regions ... `);
      const row = benchOne(accounts, regions, options);
      process.stderr.write(`${row.wallS.toFixed(1)} s, ${row.peakRssMb.toFixed(0)} MB\n`);
      rows.push(row);
    }
  }
  const report: BenchReport = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    rows: withRatios(rows),
  };
  console.log(formatTable(report.rows));
  const resultsDir = join(ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${report.date.replace(/[:.]/g, '-')}.json`);
  const json = JSON.stringify(report, null, 2);
  writeFileSync(file, `${json}\n`);
  console.log(`\n${json}\nWritten to ${file}`);
}

if (require.main === module) main();
