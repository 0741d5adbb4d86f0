/**
 * The synth of a landing zone: the app's top layer (main.ts and the `lz` CLI call it; nothing below
 * imports it). It plans batches (synth/batch.ts), runs them in this process or across worker
 * processes (synth/worker.ts), and updates the output folder only when every batch succeeded,
 * writing only the stack files and the manifest whose content changed.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { CDKTF_VERSION, setTokenCreationTraces } from '../lib/cdktf';
import { stableJson } from '../lib/stable-json';
import type { LandingZoneConfig } from '../config/schema';
import { landingZoneStackIds } from '../stacks/landing-zone';
import { nextInventory, readInventory, writeInventory } from '../config/inventory';
import { selectStackIds } from './stack-selection';
import { accountLayout } from '../config/account-stacks';
import { STACKS_FOLDER, scratchFile, stackFile, synthBatch, type BatchDirs, type BatchJob, type StackRecord } from './batch';
import { runJobsInWorkers } from './workers';

export interface SynthOptions {
  /** Checked config. */
  readonly config: LandingZoneConfig;
  /** Output folder (cdktf.out). Updated only when every stack synthesizes. */
  readonly outdir: string;
  /**
   * Account inventory to bring up to date after a successful synth (config/inventory.ts).
   * @default - no inventory is written
   */
  readonly inventoryFile?: string;
  /**
   * Stack ids or globs (`workload-shop-*`) to synthesize: only these stacks are written, and only the
   * stacks they need are built (the core stacks when one of them is selected; a workload stack alone
   * needs nothing else). A selected stack's JSON is byte-identical to the one a full synth writes; the
   * manifest lists only the selected stacks. A pattern that matches no stack throws a StackSelectionError
   * naming similar ids.
   * @default - every stack
   */
  readonly stacks?: readonly string[];
  /**
   * Record where each token was created, for debugging an "unresolved token" error (lib/cdktf.ts).
   * @default false - faster: a misused token's error names its construct but not the creating line
   */
  readonly tokenTraces?: boolean;
  /**
   * Worker processes for synthesizeParallel (synthesize always runs in this process).
   * @default - defaultWorkers(number of workload stacks)
   */
  readonly workers?: number;
  /**
   * Workload stacks per batch.
   * @default DEFAULT_BATCH_SIZE
   */
  readonly batchSize?: number;
  /**
   * Workers are child processes (each with its own heap and RSS) or worker threads (one process).
   * @default 'process'
   */
  readonly workerMode?: 'process' | 'thread';
}

export interface StackSummary {
  readonly id: string;
  readonly resources: number;
  readonly dataSources: number;
}

export interface SynthResult {
  readonly outdir: string;
  /** Every written stack by id, counted on the synthesized JSON (not by reading the files back). */
  readonly stacks: StackSummary[];
  /** Ids of the stacks whose file changed (and was written); the others kept their file untouched. */
  readonly changed: string[];
  /** Stack folders removed because their stack is no longer written. */
  readonly removed: string[];
  /** True when manifest.json changed and was written. */
  readonly manifestUpdated: boolean;
  /** True when the account inventory changed and was written. */
  readonly inventoryUpdated: boolean;
  /** Worker processes used (0: all in this process). */
  readonly workers: number;
}

/**
 * Workload stacks per batch. Each batch is built in a fresh App whose tokens are dropped afterwards, so a
 * process's heap holds one batch at a time (~0.12 MB per workload stack); 200 keeps a batch well under
 * 100 MB while the per-batch cost (a new App, the core-free build) stays small.
 */
export const DEFAULT_BATCH_SIZE = 200;

/** Below this many workload stacks, worker processes cost more (start-up, module loading) than they save. */
export const WORKER_THRESHOLD = 400;

/**
 * Account stacks per batch: each holds the per-account resources of up to layout.accountsPerStack accounts (about
 * 1,300 resources at 100 accounts, 3 regions and every security service), 20 workload stacks' worth.
 */
export const ACCOUNT_STACKS_PER_BATCH = 5;

/** How many workload stacks one account stack weighs, in synth work (for the number of workers). */
export const ACCOUNT_STACK_WEIGHT = 20;

/** Worker processes for `workloads` workload stacks (or their weight): one per CPU (at most 4), none for small organizations. */
export function defaultWorkers(workloads: number, cpus = availableParallelism()): number {
  return workloads < WORKER_THRESHOLD ? 0 : Math.max(1, Math.min(cpus, 4));
}

/**
 * The batches of a synth: the core stacks (when one is selected) first, then account stacks and workload stacks in
 * batches (they need no other stack in their app).
 */
export function planJobs(config: LandingZoneConfig, stacks: readonly string[] | undefined, batchSize = DEFAULT_BATCH_SIZE): BatchJob[] {
  const all = landingZoneStackIds(config);
  const selected = stacks ? selectStackIds(stacks, all) : all;
  const accountIds = new Set(accountLayout(config).accountStackIds);
  const workloadIds = new Set(landingZoneWorkloadIds(config));
  const core = selected.filter((id) => !workloadIds.has(id) && !accountIds.has(id));
  const accountStacks = selected.filter((id) => accountIds.has(id));
  const workloads = selected.filter((id) => workloadIds.has(id));
  const jobs: BatchJob[] = [];
  if (core.length > 0) jobs.push({ core: true, workloads: [], write: core });
  for (let i = 0; i < accountStacks.length; i += ACCOUNT_STACKS_PER_BATCH) {
    const batch = accountStacks.slice(i, i + ACCOUNT_STACKS_PER_BATCH);
    jobs.push({ core: false, workloads: [], accountStacks: batch, write: batch });
  }
  for (let i = 0; i < workloads.length; i += batchSize) {
    const batch = workloads.slice(i, i + batchSize);
    jobs.push({ core: false, workloads: batch, write: batch });
  }
  return jobs;
}

/** The synth work of `jobs` in workload stacks: each workload stack, and each account stack by its weight. */
function satelliteWeight(jobs: readonly BatchJob[]): number {
  return jobs.reduce((n, j) => n + j.workloads.length + (j.accountStacks?.length ?? 0) * ACCOUNT_STACK_WEIGHT, 0);
}

function landingZoneWorkloadIds(config: LandingZoneConfig): string[] {
  return landingZoneStackIds(config).filter((id) => id.startsWith('workload-'));
}

/**
 * Synthesizes the landing zone in this process, batch after batch. Changed stack files go to a scratch
 * folder beside `outdir` and move in only when every stack synthesized, so a failure never leaves a
 * half-written output folder.
 */
export function synthesize(options: SynthOptions): SynthResult {
  const run = startRun(options);
  try {
    setTokenCreationTraces(options.tokenTraces ?? false);
    const records = run.jobs.flatMap((job) => synthBatch(options.config, job, run.dirs));
    return finishRun(options, run, records, 0);
  } catch (e) {
    rmSync(run.dirs.scratch, { recursive: true, force: true });
    throw e;
  } finally {
    setTokenCreationTraces(true);
  }
}

/**
 * The same synth, with the batches spread over worker processes (`workers`, by default one per CPU for
 * organizations of WORKER_THRESHOLD workload stacks or more). The output is byte-identical to synthesize().
 */
export async function synthesizeParallel(options: SynthOptions): Promise<SynthResult> {
  const run = startRun(options);
  const workers = Math.min(options.workers ?? defaultWorkers(satelliteWeight(run.jobs)), run.jobs.length);
  if (workers <= 1) {
    rmSync(run.dirs.scratch, { recursive: true, force: true });
    return synthesize(options);
  }
  try {
    const records = await runJobsInWorkers(options.config, run.jobs, run.dirs, { workers, tokenTraces: options.tokenTraces ?? false, mode: options.workerMode });
    return finishRun(options, run, records, workers);
  } catch (e) {
    rmSync(run.dirs.scratch, { recursive: true, force: true });
    throw e;
  }
}

interface Run {
  readonly jobs: BatchJob[];
  readonly dirs: BatchDirs;
}

function startRun({ config, outdir, stacks, batchSize }: SynthOptions): Run {
  // Checked before anything is touched, so a wrong pattern leaves the output folder as it was.
  const jobs = planJobs(config, stacks, batchSize);
  const target = resolve(outdir);
  const scratch = `${target}.partial-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(join(scratch, STACKS_FOLDER), { recursive: true });
  return { jobs, dirs: { target, scratch } };
}

function finishRun(options: SynthOptions, run: Run, records: StackRecord[], workers: number): SynthResult {
  const { target, scratch } = run.dirs;
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const { removed, manifestUpdated } = commit(target, scratch, sorted);
  const inventoryUpdated = options.inventoryFile ? writeInventory(options.inventoryFile, nextInventory(options.config, readInventory(options.inventoryFile))) : false;
  return {
    outdir: target,
    stacks: sorted.map(({ id, resources, dataSources }) => ({ id, resources, dataSources })),
    changed: sorted.filter((r) => r.changed).map((r) => r.id),
    removed,
    manifestUpdated,
    inventoryUpdated,
    workers,
  };
}

/**
 * Moves the changed stack files from the scratch folder into `target`, removes the folders of stacks no
 * longer written, and writes the manifest (cdktf's format and writer) when its text changed.
 */
function commit(target: string, scratch: string, records: readonly StackRecord[]): { removed: string[]; manifestUpdated: boolean } {
  mkdirSync(join(target, STACKS_FOLDER), { recursive: true });
  for (const record of records.filter((r) => r.changed)) {
    mkdirSync(dirname(stackFile(target, record.id)), { recursive: true });
    renameSync(scratchFile(scratch, record.id), stackFile(target, record.id));
  }
  const written = new Set(records.map((r) => r.id));
  const removed = readdirSync(join(target, STACKS_FOLDER)).filter((id) => !written.has(id));
  for (const id of removed) rmSync(join(target, STACKS_FOLDER, id), { recursive: true, force: true });
  const manifest = stableJson({ version: CDKTF_VERSION, stacks: Object.fromEntries(records.map((r) => [r.id, r.manifest])) });
  const manifestFile = join(target, 'manifest.json');
  const manifestUpdated = !existsSync(manifestFile) || readFileSync(manifestFile, 'utf8') !== manifest;
  if (manifestUpdated) {
    writeFileSync(join(scratch, 'manifest.json'), manifest);
    renameSync(join(scratch, 'manifest.json'), manifestFile);
  }
  rmSync(scratch, { recursive: true, force: true });
  return { removed, manifestUpdated };
}
