import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { App, useFastResolve } from '../../lib/cdktf';
import { loadConfigFile } from '../../config/load';
import type { LandingZoneConfig } from '../../config/schema';
import { workloadAccounts, workloadStackId } from '../../config/model';
import { generateFiles } from '../../bench/generate';
import { buildCoreStacks } from '../../stacks/landing-zone';
import { WorkloadStack } from '../../stacks/workload-stack';

/** A generated organization (bench/generate.ts: nested OUs, every guardrail, adopted and suspended accounts). */
export function generatedConfig(accounts: number, regions: number): LandingZoneConfig {
  const dir = mkdtempSync(join(tmpdir(), 'lz-gen-'));
  for (const [path, text] of Object.entries(generateFiles({ accounts, regions }))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return loadConfigFile(join(dir, 'landing-zone.yaml')).config;
}

/**
 * The output as cdktf makes it on its own (the way synth worked before batches): one App, every workload
 * stack given the management stack's account token, so cdktf creates each output and remote-state read
 * lazily while preparing, App.synth() writes the files and the manifest, and every value goes through
 * cdktf's own resolve() (not lib/cdktf-resolve.ts).
 */
export function cdktfReferenceSynth(config: LandingZoneConfig, outdir: string): void {
  useFastResolve(false);
  try {
    const app = new App({ outdir });
    const core = buildCoreStacks(app, config);
    for (const accountConfig of workloadAccounts(config)) {
      const stack = new WorkloadStack(app, workloadStackId(accountConfig.name), {
        config,
        accountConfig,
        account: core.management.accounts.get(accountConfig.name),
        organizationId: core.management.organization.organizationId,
      });
      stack.addDependency(core.security);
    }
    app.synth();
  } finally {
    useFastResolve(true);
  }
}

/** Every file of an output folder (manifest and stack files) by relative path, as text. */
export function outputFiles(outdir: string): Record<string, string> {
  const files: Record<string, string> = { 'manifest.json': readFileSync(join(outdir, 'manifest.json'), 'utf8') };
  for (const id of readdirSync(join(outdir, 'stacks')).sort()) {
    for (const name of readdirSync(join(outdir, 'stacks', id))) files[`stacks/${id}/${name}`] = readFileSync(join(outdir, 'stacks', id, name), 'utf8');
  }
  return files;
}
