import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runJobsInWorkers } from '../../synth/workers';
import { defaultWorkers, planJobs } from '../../synth/synth';
import { minimalConfig } from '../harness/config';
import { generatedConfig } from './fixtures';

// Several synths per test; the machines running the suite are shared and can be slow.
jest.setTimeout(180_000);

describe('synth batches and workers', () => {
  it('plans the core stacks first, then workload batches of batchSize, only what a selection needs', () => {
    const config = generatedConfig(7, 2);
    const jobs = planJobs(config, undefined, 3);
    expect(jobs.map((j) => [j.core, j.workloads.length])).toEqual([
      [true, 0],
      [false, 3],
      [false, 3],
      [false, 1],
    ]);
    expect(jobs[0].write).toEqual(['bootstrap', 'management', 'log-archive', 'management-baseline', 'security']);
    // A workload stack alone needs no core stack; management alone needs no workload stack.
    expect(planJobs(config, ['workload-app-00002'])).toEqual([{ core: false, workloads: ['workload-app-00002'], write: ['workload-app-00002'] }]);
    expect(planJobs(config, ['management'])).toEqual([{ core: true, workloads: [], write: ['management'] }]);
  });

  it('uses one worker per CPU (at most 4) for large organizations only', () => {
    expect(defaultWorkers(399, 2)).toBe(0);
    expect(defaultWorkers(400, 2)).toBe(2);
    expect(defaultWorkers(10000, 16)).toBe(4);
  });

  it.each(['process', 'thread'] as const)('rejects with the error of a failed batch in a worker %s, and stops', async (mode) => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-workers-'));
    try {
      const config = minimalConfig();
      const jobs = planJobs(config, undefined, 1);
      // The scratch folder does not exist: writing the first stack file fails inside the worker.
      const run = runJobsInWorkers(config, jobs, { target: join(dir, 'out'), scratch: join(dir, 'missing', 'scratch') }, { workers: 2, tokenTraces: false, mode });
      await expect(run).rejects.toThrow(/ENOENT|no such file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
