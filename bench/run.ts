/**
 * Scale benchmark: `npm run bench [-- --sizes 100,1000,5000,10000 --shapes lean,rich --regions 2 --runs 2]`.
 *
 * For each shape, organization size and region count it writes a landing zone to a temporary folder and
 * runs the real synth (`node dist/main.js`, as `npm run synth` does) in a child process, then reports wall
 * time, the peak RSS of every process (the synth and its worker processes), CPU time, the time per account
 * and its ratio to the 100-account run of the same shape. Shapes:
 * - lean: bench/generate.ts, N workload accounts (nested OUs, every guardrail, Identity Center on Root and OUs);
 * - rich: examples/enterprise.yaml (every feature of the schema, 3 regions) plus N workload accounts (bench/enterprise.ts).
 * With selection on (default) it also times a synth of one workload stack (LZ_STACKS), as CI plans one
 * account. Each size runs `--runs` times; the table shows the fastest run and the spread. Not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { generateFiles, workloadName } from './generate';
import { enterpriseFiles, enterpriseWorkloadName } from './enterprise';
import { parseUsages } from './rss-marker';

export type Shape = 'lean' | 'rich';

export interface BenchOptions {
  readonly sizes: number[];
  /** Region counts of the lean shape (the rich shape has enterprise.yaml's 3). */
  readonly regions: number[];
  readonly shapes: Shape[];
  /** Runs per size; the fastest is reported, with the spread. */
  readonly runs: number;
  /** Also time a synth of one selected workload stack per size. */
  readonly select: boolean;
  /** Keep the temporary folders (config and output) for inspection. */
  readonly keep: boolean;
  /** LZ_SYNTH_WORKERS for the synth (unset: its default). */
  readonly workers?: number;
  /** LZ_SYNTH_WORKER_MODE: worker processes or threads. */
  readonly mode?: 'process' | 'thread';
}

/** One synth run in a child process. */
export interface RunMeasure {
  readonly wallS: number;
  /** What main.ts reports: load, check and synth, without Node start-up and module loading. */
  readonly synthS?: number;
  /** Peak RSS of the synth process itself. */
  readonly mainRssMb: number;
  /** The largest peak RSS of any one process (the synth or one of its workers). */
  readonly peakRssMb: number;
  /** Processes that reported (the synth and its workers). */
  readonly processes: number;
  /** CPU time of all of them. */
  readonly cpuS: number;
}

export interface BenchRow extends RunMeasure {
  readonly shape: Shape;
  readonly accounts: number;
  readonly regions: number;
  readonly stacks: number;
  readonly resources: number;
  readonly outputMb: number;
  readonly managementResources: number;
  readonly workloadResourcesMin: number;
  readonly workloadResourcesMax: number;
  /** Wall time per workload account, milliseconds. */
  readonly msPerAccount: number;
  /** msPerAccount divided by that of the 100-account run of the same shape and regions. */
  readonly ratioTo100?: number;
  /** Wall seconds of every run (the row reports the fastest). */
  readonly runsS: number[];
  /** Machine load (1-minute load average) when the row's runs started and ended. */
  readonly load: [number, number];
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
/** The synth to measure: this build, or another one (LZ_BENCH_MAIN=/path/to/dist/main.js, to compare before and after a change). */
const MAIN = process.env.LZ_BENCH_MAIN ?? join(ROOT, 'dist', 'main.js');
const REPORTER = join(__dirname, 'rss-reporter.js');

export function parseArgs(argv: readonly string[]): BenchOptions {
  const list = (v: string | undefined, flag: string): number[] => {
    const values = (v ?? '').split(',').filter(Boolean).map(Number);
    if (values.length === 0 || values.some((n) => !Number.isInteger(n) || n < 0)) {
      throw new Error(`${flag} "${v ?? ''}" is not a comma-separated list of whole numbers, e.g. ${flag} 10,100,1000`);
    }
    return values;
  };
  let sizes = [100, 1000, 5000, 10000];
  let regions = [2];
  let shapes: Shape[] = ['lean', 'rich'];
  let runs = 1;
  let select = true;
  let keep = false;
  let workers: number | undefined;
  let mode: BenchOptions['mode'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--sizes') sizes = list(value(), '--sizes');
    else if (flag === '--regions') regions = list(value(), '--regions');
    else if (flag === '--runs') runs = Math.max(1, list(value(), '--runs')[0]);
    else if (flag === '--workers') workers = list(value(), '--workers')[0];
    else if (flag === '--mode') {
      const m = value();
      if (m !== 'process' && m !== 'thread') throw new Error(`--mode "${m}" must be process or thread`);
      mode = m;
    } else if (flag === '--shapes') {
      const s = (value() ?? '').split(',').filter(Boolean);
      if (s.length === 0 || s.some((x) => x !== 'lean' && x !== 'rich')) throw new Error(`--shapes "${s.join(',')}" must list lean and/or rich`);
      shapes = s as Shape[];
    } else if (flag === '--no-select') select = false;
    else if (flag === '--keep') keep = true;
    else throw new Error(`unknown option "${arg}"; use --sizes 100,1000 --shapes lean,rich --regions 2,4 --runs 2 --workers N --mode process|thread --no-select --keep`);
  }
  return { sizes, regions, shapes, runs, select, keep, workers, mode };
}

/** Runs dist/main.js on `configFile` into `outdir` and measures it. */
export function runSynth(configFile: string, outdir: string, options: Pick<BenchOptions, 'workers' | 'mode'>, stacks?: string): RunMeasure {
  const env: NodeJS.ProcessEnv = { ...process.env, LZ_CONFIG: configFile, CDKTF_OUTDIR: outdir };
  if (stacks) env.LZ_STACKS = stacks;
  else delete env.LZ_STACKS;
  if (options.workers !== undefined) env.LZ_SYNTH_WORKERS = String(options.workers);
  if (options.mode) env.LZ_SYNTH_WORKER_MODE = options.mode;
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-r', REPORTER, MAIN], { cwd: dirname(configFile), env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) {
    throw new Error(`synth of ${configFile} failed (exit ${child.status ?? child.signal}):\n${child.stderr.slice(-4000)}`);
  }
  const usages = parseUsages(child.stderr);
  if (usages.length === 0) throw new Error(`synth of ${configFile} printed no usage report; stderr:\n${child.stderr.slice(-2000)}`);
  const reported = /Synthesized .* in ([\d.]+) s/.exec(child.stdout);
  return {
    wallS,
    synthS: reported ? Number(reported[1]) : undefined,
    mainRssMb: usages[usages.length - 1].maxRssKb / 1024,
    peakRssMb: Math.max(...usages.map((u) => u.maxRssKb)) / 1024,
    processes: usages.length,
    cpuS: usages.reduce((n, u) => n + u.userMs + u.systemMs, 0) / 1000,
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

function folderBytes(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    bytes += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return bytes;
}

/** The example's companion files (policies/, stacksets/) by relative path. */
function exampleCompanions(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const folder of ['policies', 'stacksets']) {
    for (const name of readdirSync(join(ROOT, 'examples', folder))) files[`${folder}/${name}`] = readFileSync(join(ROOT, 'examples', folder, name), 'utf8');
  }
  return files;
}

function filesOf(shape: Shape, accounts: number, regions: number): Record<string, string> {
  if (shape === 'lean') return generateFiles({ accounts, regions });
  return enterpriseFiles(accounts, readFileSync(join(ROOT, 'examples', 'enterprise.yaml'), 'utf8'), exampleCompanions());
}

/** Generates, synthesizes and measures one organization size, `runs` times (fresh output folder each). */
export function benchOne(shape: Shape, accounts: number, regions: number, options: BenchOptions): BenchRow {
  const dir = mkdtempSync(join(tmpdir(), `lz-bench-${shape}-${accounts}x${regions}-`));
  const loadBefore = loadavg()[0];
  try {
    for (const [path, text] of Object.entries(filesOf(shape, accounts, regions))) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const configFile = join(dir, 'landing-zone.yaml');
    const outdir = join(dir, 'cdktf.out');
    const runs: RunMeasure[] = [];
    for (let r = 0; r < options.runs; r++) {
      rmSync(outdir, { recursive: true, force: true });
      runs.push(runSynth(configFile, outdir, options));
    }
    const best = runs.reduce((a, b) => (b.wallS < a.wallS ? b : a));
    const stacks = summarize(outdir);
    const workloads = stacks.filter((s) => s.id.startsWith('workload-')).map((s) => s.resources);
    let selected: BenchRow['selected'];
    if (options.select) {
      const selectedOut = join(dir, 'cdktf.selected');
      const first = shape === 'lean' ? workloadName(0) : enterpriseWorkloadName(0);
      const run = runSynth(configFile, selectedOut, options, `workload-${first}`);
      selected = { ...run, stacks: summarize(selectedOut).length };
    }
    const regionCount = shape === 'lean' ? regions : 3;
    return {
      shape,
      accounts,
      regions: regionCount,
      ...best,
      stacks: stacks.length,
      resources: stacks.reduce((n, s) => n + s.resources, 0),
      outputMb: folderBytes(outdir) / 1024 / 1024,
      managementResources: stacks.find((s) => s.id === 'management')?.resources ?? 0,
      workloadResourcesMin: Math.min(...workloads),
      workloadResourcesMax: Math.max(...workloads),
      msPerAccount: (best.wallS * 1000) / accounts,
      runsS: runs.map((r) => r.wallS),
      load: [loadBefore, loadavg()[0]],
      selected,
    };
  } finally {
    if (options.keep) console.error(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** Adds the ratio of ms per account to that of the 100-account run of the same shape and region count. */
export function withRatios(rows: readonly BenchRow[]): BenchRow[] {
  return rows.map((row) => {
    const base = rows.find((r) => r.accounts === 100 && r.regions === row.regions && r.shape === row.shape);
    return base ? { ...row, ratioTo100: row.msPerAccount / base.msPerAccount } : row;
  });
}

const f = (n: number | undefined, digits = 1) => (n === undefined ? '-' : n.toFixed(digits));

/** The rows as a Markdown table. */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = [
    'shape',
    'accounts × regions',
    'stacks',
    'resources',
    'wall s',
    'runs s',
    'CPU s',
    'processes',
    'peak RSS MB (largest process)',
    'synth process MB',
    'mgmt res',
    'workload res',
    'ms/account',
    'ratio to 100',
    'one stack s',
    'load',
  ];
  const lines = rows.map((r) => [
    r.shape,
    `${r.accounts} × ${r.regions}`,
    String(r.stacks),
    String(r.resources),
    f(r.wallS),
    r.runsS.map((s) => f(s)).join(' / '),
    f(r.cpuS),
    String(r.processes),
    f(r.peakRssMb, 0),
    f(r.mainRssMb, 0),
    String(r.managementResources),
    r.workloadResourcesMin === r.workloadResourcesMax ? String(r.workloadResourcesMin) : `${r.workloadResourcesMin}-${r.workloadResourcesMax}`,
    f(r.msPerAccount, 2),
    f(r.ratioTo100, 2),
    f(r.selected?.wallS, 2),
    `${f(r.load[0])}-${f(r.load[1])}`,
  ]);
  const table = [header, ...lines];
  const widths = header.map((_, i) => Math.max(...table.map((l) => l[i].length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [row(header), `|${widths.map((w, i) => (i < 2 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...lines.map(row)].join('\n');
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const rows: BenchRow[] = [];
  for (const shape of options.shapes) {
    for (const regions of shape === 'lean' ? options.regions : [3]) {
      for (const accounts of options.sizes) {
        process.stderr.write(`bench: ${shape} ${accounts} accounts x ${regions} regions ... `);
        const row = benchOne(shape, accounts, regions, options);
        process.stderr.write(`${row.runsS.map((s) => s.toFixed(1)).join(' / ')} s, ${row.peakRssMb.toFixed(0)} MB, load ${row.load.map((l) => l.toFixed(1)).join('-')}\n`);
        rows.push(row);
      }
    }
  }
  const report: BenchReport = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    rows: withRatios(rows),
  };
  console.log(`Node ${report.node}, ${report.cpus} × ${report.cpuModel}\n`);
  console.log(formatTable(report.rows));
  const resultsDir = join(ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWritten to ${file}`);
}

if (require.main === module) main();
