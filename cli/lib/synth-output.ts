import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LandingZoneConfig } from '../../config/schema';
import type { SynthResult } from '../../synth/synth';
import { UserError } from '../../lib/user-error';
import type { StackJson } from '../../lib/stack-json';

/** One stack entry of cdktf.out/manifest.json. */
export interface ManifestStack {
  readonly dependencies: readonly string[];
  readonly workingDirectory?: string;
  readonly synthesizedStackPath?: string;
}

/** cdktf.out/manifest.json */
export interface Manifest {
  readonly stacks: Readonly<Record<string, ManifestStack>>;
}

/** A synthesized output folder, parsed: the manifest and every stack's JSON by stack id. */
export interface SynthOutput {
  readonly outdir: string;
  readonly manifest: Manifest;
  readonly stacks: Readonly<Record<string, StackJson>>;
}

/**
 * synth/synth (cdktf and the provider classes) on first use: loading it takes most of the start-up
 * time, and `lz validate`, `lz --help` or `lz import` never need it.
 */
export function loadSynth(): typeof import('../../synth/synth') {
  return require('../../synth/synth') as typeof import('../../synth/synth');
}

/** Reads cdktf.out (or another output folder); a UserError when it was never synthesized. */
export function readSynthOutput(outdir: string): SynthOutput {
  const manifestFile = join(outdir, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new UserError(`${outdir} has no manifest.json; synthesize first (lz synth or npm run synth), or leave out --out to synthesize now.`);
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const stacks: Record<string, StackJson> = {};
  for (const [id, entry] of Object.entries(manifest.stacks)) {
    const file = join(outdir, entry.synthesizedStackPath ?? join('stacks', id, 'cdk.tf.json'));
    stacks[id] = JSON.parse(readFileSync(file, 'utf8')) as StackJson;
  }
  return { outdir, manifest, stacks };
}

/**
 * Synthesizes the config into a scratch folder (no account inventory is written), parses it and
 * removes the folder again.
 */
export function synthesizeToMemory(config: LandingZoneConfig): SynthOutput & { readonly result: SynthResult } {
  const dir = mkdtempSync(join(tmpdir(), 'lz-'));
  try {
    const outdir = join(dir, 'cdktf.out');
    const result = loadSynth().synthesize({ config, outdir });
    return { ...readSynthOutput(outdir), result };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
