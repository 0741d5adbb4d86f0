import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthesize } from '../../synth/synth';
import { minimalConfig } from '../harness/config';
import { outputFiles } from './fixtures';

// Several synths per test; the machines running the suite are shared and can be slow.
jest.setTimeout(180_000);

/** A re-synth writes only what changed: an unchanged stack file keeps its bytes and modification time. */
describe('incremental synth', () => {
  let scratch: string;
  let outdir: string;
  const PAST = new Date('2020-01-01T00:00:00Z');
  const mtime = (path: string) => statSync(join(outdir, path)).mtime.getTime();
  const ageEveryFile = () => {
    for (const path of Object.keys(outputFiles(outdir))) utimesSync(join(outdir, path), PAST, PAST);
  };

  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'lz-incremental-'));
    outdir = join(scratch, 'cdktf.out');
    synthesize({ config: minimalConfig(), outdir });
    ageEveryFile();
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('writes nothing when nothing changed: every stack file and the manifest keep their bytes and mtime', () => {
    const before = outputFiles(outdir);
    const result = synthesize({ config: minimalConfig(), outdir });
    expect(result.changed).toEqual([]);
    expect(result.manifestUpdated).toBe(false);
    expect(outputFiles(outdir)).toEqual(before);
    for (const path of Object.keys(before)) expect([path, mtime(path)]).toEqual([path, PAST.getTime()]);
    // The summary still counts every stack (from the synthesized JSON, not the untouched files).
    expect(result.stacks.map((s) => s.id)).toEqual(['log-archive', 'management', 'management-baseline', 'security', 'workload-shop-dev', 'workload-shop-prod']);
    expect(result.stacks.every((s) => s.resources > 0)).toBe(true);
  });

  it("rewrites only the stack a change touches: one account's budget", () => {
    const before = outputFiles(outdir);
    const result = synthesize({
      config: minimalConfig((input) => {
        input.accounts[2].budget = { monthlyUsd: 750 };
      }),
      outdir,
    });
    expect(result.changed).toEqual(['workload-shop-prod']);
    expect(result.manifestUpdated).toBe(false);
    const after = outputFiles(outdir);
    for (const path of Object.keys(before)) {
      const touched = path === 'stacks/workload-shop-prod/cdk.tf.json';
      expect([path, after[path] === before[path], mtime(path) === PAST.getTime()]).toEqual([path, !touched, !touched]);
    }
  });

  it('removes the folder of a stack that is gone and rewrites the manifest', () => {
    // A hand-made leftover from an older synth: not a stack of this config.
    const stale = join(outdir, 'stacks', 'workload-old');
    mkdirSync(stale);
    writeFileSync(join(stale, 'cdk.tf.json'), '{}');
    const result = synthesize({ config: minimalConfig(), outdir, stacks: ['workload-shop-*'] });
    expect(result.removed.sort()).toEqual(['log-archive', 'management', 'management-baseline', 'security', 'workload-old']);
    expect(result.changed).toEqual([]);
    expect(result.manifestUpdated).toBe(true);
    expect(Object.keys(outputFiles(outdir)).sort()).toEqual(['manifest.json', 'stacks/workload-shop-dev/cdk.tf.json', 'stacks/workload-shop-prod/cdk.tf.json']);
  });
});
