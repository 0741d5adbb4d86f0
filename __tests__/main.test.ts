import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MINIMAL_YAML, ROOT } from './harness/config';

// Runs the compiled app as `npm run synth` does (npm test compiles before jest).
const MAIN = join(ROOT, 'dist', 'main.js');

function runMain(configText: string) {
  const dir = mkdtempSync(join(tmpdir(), 'lz-main-'));
  const config = join(dir, 'landing-zone.yaml');
  writeFileSync(config, configText);
  const outdir = join(dir, 'cdktf.out');
  const result = spawnSync(process.execPath, [MAIN], {
    cwd: dir,
    env: { ...process.env, LZ_CONFIG: config, CDKTF_OUTDIR: outdir },
    encoding: 'utf8',
  });
  return { ...result, dir, outdir, config };
}

describe('main.ts (npm run synth)', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) execFileSync('npx', ['tsc', '-p', ROOT], { stdio: 'inherit' });
  });

  it('synthesizes every stack from LZ_CONFIG into the output folder and prints a summary', () => {
    const run = runMain(MINIMAL_YAML);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Synthesized 6 stacks \(\d+ resources\) from .*landing-zone\.yaml into .*cdktf\.out in \d+\.\d s/);
    const manifest = JSON.parse(readFileSync(join(run.outdir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.stacks).sort()).toEqual(['log-archive', 'management', 'management-baseline', 'security', 'workload-shop-dev', 'workload-shop-prod']);
  });

  it('fails with every problem, exit code 1, and writes nothing', () => {
    const run = runMain(MINIMAL_YAML.replace('homeRegion: us-east-1', 'homeRegion: eu-west-1').replace('ou: Workloads/Dev }', 'ou: Workload/Dev }'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('has 2 problems:');
    expect(run.stderr).toContain('Nothing was written.');
    expect(existsSync(run.outdir)).toBe(false);
  });
});
