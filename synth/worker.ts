/**
 * A synth worker (synth/workers.ts starts it as a child process or a worker thread): takes the config
 * once, then synthesizes batch after batch (synth/batch.ts) and answers with the records.
 */
import { parentPort } from 'node:worker_threads';
import { setTokenCreationTraces } from '../lib/cdktf';
import type { LandingZoneConfig } from '../config/schema';
import { synthBatch, type BatchDirs, type BatchJob, type StackRecord } from './batch';

export type ToWorker =
  | { readonly type: 'init'; readonly config: LandingZoneConfig; readonly tokenTraces: boolean }
  | { readonly type: 'job'; readonly index: number; readonly job: BatchJob; readonly dirs: BatchDirs };

export type FromWorker =
  | { readonly type: 'done'; readonly index: number; readonly records: StackRecord[] }
  | { readonly type: 'error'; readonly index: number; readonly message: string };

let config: LandingZoneConfig | undefined;

function handle(message: ToWorker): FromWorker | undefined {
  if (message.type === 'init') {
    config = message.config;
    setTokenCreationTraces(message.tokenTraces);
    return undefined;
  }
  try {
    if (!config) throw new Error('synth worker got a batch before its config');
    return { type: 'done', index: message.index, records: synthBatch(config, message.job, message.dirs) };
  } catch (e) {
    const error = e as Error;
    return { type: 'error', index: message.index, message: error.stack ?? error.message };
  }
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (m: ToWorker) => {
    const reply = handle(m);
    if (reply) port.postMessage(reply);
  });
} else {
  process.on('message', (m: ToWorker) => {
    const reply = handle(m);
    if (reply) process.send!(reply);
  });
  // The parent disconnects when there is no batch left.
  process.on('disconnect', () => process.exit(0));
}
