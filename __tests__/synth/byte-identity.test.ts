import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthesize, synthesizeParallel } from '../../synth/synth';
import type { LandingZoneConfig } from '../../config/schema';
import { exampleConfig, minimalConfig } from '../harness/config';
import { cdktfReferenceSynth, generatedConfig, outputFiles } from './fixtures';

// Several synths per test; the machines running the suite are shared and can be slow.
jest.setTimeout(180_000);

/**
 * The explicit outputs (stacks/management/account-outputs.ts) and batched, multi-process synth must not
 * change a byte of the output: compared with what cdktf's own cross-stack references produce, and
 * between one process and workers, for the examples, a generated organization and every state backend.
 */
const THREADED = (): LandingZoneConfig => generatedConfig(24, 3);

const CASES: [string, () => LandingZoneConfig][] = [
  ['examples/minimal.yaml (local state)', () => exampleConfig('minimal')],
  ['examples/enterprise.yaml (s3 state, bootstrap, adopted accounts)', () => exampleConfig('enterprise')],
  ['a generated organization of 24 accounts in 3 regions', THREADED],
  [
    'Terraform Cloud state',
    () =>
      minimalConfig((input) => {
        input.state = { backend: 'cloud', cloud: { organization: 'acme', workspacePrefix: 'lz' } };
      }),
  ],
];

describe.each(CASES)('synth output of %s', (_name, configOf) => {
  let config: LandingZoneConfig;
  let scratch: string;
  let single: Record<string, string>;
  beforeAll(() => {
    config = configOf();
    scratch = mkdtempSync(join(tmpdir(), 'lz-bytes-'));
    single = outputFiles(synthesize({ config, outdir: join(scratch, 'single') }).outdir);
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("is byte-identical to cdktf's own cross-stack references (one App, outputs created lazily by the readers)", () => {
    cdktfReferenceSynth(config, join(scratch, 'cdktf'));
    const reference = outputFiles(join(scratch, 'cdktf'));
    expect(Object.keys(single)).toEqual(Object.keys(reference));
    for (const file of Object.keys(reference)) expect([file, single[file]]).toEqual([file, reference[file]]);
  });

  it('is byte-identical when batches of two workload stacks run in two worker processes', async () => {
    const result = await synthesizeParallel({ config, outdir: join(scratch, 'workers'), workers: 2, batchSize: 2 });
    expect(result.workers).toBe(2);
    expect(outputFiles(result.outdir)).toEqual(single);
  });

  // Threads run the same worker and batches as processes; only the channel differs. The case with the most batches
  // proves it (each other case would add a thread start-up and a synth, not a path).
  if (configOf === THREADED) {
    it('is byte-identical when the batches run in worker threads', async () => {
      const result = await synthesizeParallel({ config, outdir: join(scratch, 'threads'), workers: 2, batchSize: 3, workerMode: 'thread' });
      expect(outputFiles(result.outdir)).toEqual(single);
    });
  }
});
