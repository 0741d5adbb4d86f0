import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../harness/config';

/** The built `lz` binary (npm test compiles before jest). */
export const LZ = join(ROOT, 'dist', 'cli', 'lz.js');

/** Compiles the project when dist/cli/lz.js is missing (a bare `npx jest`). */
export function ensureBuilt(): void {
  if (!existsSync(LZ)) execFileSync('npx', ['tsc', '-p', ROOT], { stdio: 'inherit' });
}

export interface LzRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/cli/lz.js ...args` in `cwd`, as a user would, without AWS credentials. */
export function lz(args: readonly string[], cwd: string, env: Record<string, string> = {}): LzRun {
  const clean = { ...process.env };
  delete clean.LZ_CONFIG;
  delete clean.CDKTF_OUTDIR;
  const r = spawnSync(process.execPath, [LZ, ...args], { cwd, env: { ...clean, ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A scratch copy of examples/ (configs, policy files, StackSet templates, no inventories), so that
 * synth can write inventories and output folders without touching the repository.
 */
export function examplesCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lz-cli-'));
  cpSync(join(ROOT, 'examples'), dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.endsWith('.inventory.json')) rmSync(join(dir, f));
  return dir;
}
