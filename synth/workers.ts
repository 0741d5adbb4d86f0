/**
 * Runs synth batches (synth/batch.ts) across worker processes, or worker threads, one batch per worker at
 * a time, the largest (the core stacks) first. Each worker loads the modules once, receives the config
 * once, then takes batch after batch; its heap holds one batch at a time. Stack files go to the shared
 * scratch folder (distinct files per stack); only plain records come back.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LandingZoneConfig } from '../config/schema';
import type { BatchDirs, BatchJob, StackRecord } from './batch';
import type { ToWorker, FromWorker } from './worker';

export interface WorkerOptions {
  readonly workers: number;
  readonly tokenTraces: boolean;
  /**
   * Child processes (each has its own heap and RSS) or worker threads (one process: their heaps add up
   * in its RSS).
   * @default 'process'
   */
  readonly mode?: 'process' | 'thread';
}

/**
 * The compiled worker script. Under ts-jest/swc the sources run untranspiled to disk, so the worker
 * comes from dist/ (`npm test` builds it first).
 */
export function workerScript(): string {
  const beside = join(__dirname, 'worker.js');
  if (existsSync(beside)) return beside;
  const built = resolve(__dirname, '..', 'dist', 'synth', 'worker.js');
  if (existsSync(built)) return built;
  throw new Error(`no compiled synth worker at ${beside} or ${built}; run "npx tsc -p tsconfig.json" first`);
}

/** A worker's transport: a child process or a thread, both speaking ToWorker / FromWorker. */
interface Channel {
  send(message: ToWorker): void;
  onMessage(handler: (message: FromWorker) => void): void;
  onExit(handler: (code: number | null) => void): void;
  /** Ends the worker: gently (no batch left: it exits by itself) or at once (a batch failed). */
  stop(force: boolean): void;
}

function processChannel(script: string): Channel {
  // serialization 'advanced': structured clone, so the config goes over as it is.
  const child: ChildProcess = fork(script, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    send: (m) => child.send(m),
    onMessage: (h) => child.on('message', (m) => h(m as FromWorker)),
    onExit: (h) => child.on('exit', (code) => h(code)),
    stop: (force) => {
      if (child.connected) child.disconnect();
      if (force && child.exitCode === null && child.pid !== undefined) child.kill();
    },
  };
}

function threadChannel(script: string): Channel {
  const worker = new Worker(script);
  return {
    send: (m) => worker.postMessage(m),
    onMessage: (h) => worker.on('message', h),
    onExit: (h) => worker.on('exit', h),
    stop: () => void worker.terminate(),
  };
}

/** Runs every job; resolves with all records, or rejects with the first failure (stopping every worker). */
export function runJobsInWorkers(config: LandingZoneConfig, jobs: readonly BatchJob[], dirs: BatchDirs, options: WorkerOptions): Promise<StackRecord[]> {
  const script = workerScript();
  const queue = jobs.map((job, index) => ({ job, index }));
  const results: StackRecord[][] = new Array(jobs.length);
  let pending = jobs.length;
  return new Promise((resolvePromise, reject) => {
    let failed = false;
    const channels: Channel[] = [];
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      channels.forEach((c) => c.stop(true));
      reject(error);
    };
    const next = (channel: Channel) => {
      const item = queue.shift();
      if (item) channel.send({ type: 'job', index: item.index, job: item.job, dirs });
      else {
        stopped.add(channel);
        channel.stop(false);
      }
    };
    const stopped = new Set<Channel>();
    const count = Math.min(options.workers, jobs.length);
    for (let w = 0; w < count; w++) {
      const channel = options.mode === 'thread' ? threadChannel(script) : processChannel(script);
      channels.push(channel);
      channel.onMessage((message) => {
        if (message.type === 'error') {
          fail(new Error(message.message));
          return;
        }
        results[message.index] = message.records;
        if (--pending === 0) resolvePromise(results.flat());
        next(channel);
      });
      channel.onExit((code) => {
        if (!stopped.has(channel)) fail(new Error(`a synth worker exited (code ${code}) before finishing its batches`));
      });
      channel.send({ type: 'init', config, tokenTraces: options.tokenTraces });
      next(channel);
    }
  });
}
