import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../../lib/cdktf';
import type { LandingZoneConfig } from '../../config/schema';
import { buildLandingZone, type LandingZoneStacks } from '../../stacks/landing-zone';

/** Synthesized Terraform JSON of one stack. */
export interface StackJson {
  terraform?: Record<string, any>;
  provider?: { aws?: Array<Record<string, any>> };
  resource?: Record<string, Record<string, Record<string, any>>>;
  data?: Record<string, Record<string, Record<string, any>>>;
  output?: Record<string, Record<string, any>>;
  import?: Array<{ to: string; id: string; provider?: string }>;
  [key: string]: unknown;
}

/** The result of a whole-app synth: every stack's JSON and the manifest. */
export interface SynthesizedLandingZone {
  readonly stacks: LandingZoneStacks;
  /** Stack JSON by stack id. */
  readonly json: Record<string, StackJson>;
  readonly manifest: { stacks: Record<string, { dependencies: string[]; workingDirectory: string }> };
  /** JSON of one stack by id; fails naming the stacks there are. */
  stack(id: string): StackJson;
}

/**
 * Synthesizes the whole app as `npm run synth` does (cross-stack references become outputs and
 * remote-state reads) into a scratch folder, and returns every stack's parsed JSON.
 */
export function synthLandingZone(config: LandingZoneConfig): SynthesizedLandingZone {
  const outdir = mkdtempSync(join(tmpdir(), 'lz-synth-'));
  try {
    const app = new App({ outdir });
    const stacks = buildLandingZone(app, config);
    app.synth();
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
    const json: Record<string, StackJson> = {};
    for (const id of Object.keys(manifest.stacks)) {
      json[id] = JSON.parse(readFileSync(join(outdir, 'stacks', id, 'cdk.tf.json'), 'utf8'));
    }
    return {
      stacks,
      json,
      manifest,
      stack(id: string) {
        const found = json[id];
        if (!found) throw new Error(`no stack "${id}"; have ${Object.keys(json).join(', ')}`);
        return found;
      },
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Every resource of `type` in a stack, by its Terraform name. */
export function resourcesOf(json: StackJson, type: string): Record<string, Record<string, any>> {
  return json.resource?.[type] ?? {};
}

/** The single resource of `type`; fails when there are none or several. */
export function onlyResource(json: StackJson, type: string): Record<string, any> {
  const all = Object.values(resourcesOf(json, type));
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}

/** The aws provider block with `alias` (the default provider when alias is undefined). */
export function awsProvider(json: StackJson, alias?: string): Record<string, any> {
  const found = (json.provider?.aws ?? []).find((p) => p.alias === alias);
  if (!found) throw new Error(`no aws provider with alias ${alias ?? '(default)'}; have ${(json.provider?.aws ?? []).map((p) => p.alias ?? '(default)').join(', ')}`);
  return found;
}
