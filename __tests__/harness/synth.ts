import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LandingZoneConfig } from '../../config/schema';
import type { LandingZoneStacks } from '../../stacks/landing-zone';

/**
 * cdktf and the stacks, loaded on first use: a test file whose configs are all in the synth cache never loads them
 * (about 2 s of module loading a file).
 */
function build(outdir: string, config: LandingZoneConfig): { app: import('../../lib/cdktf').App; stacks: LandingZoneStacks } {
  const { App } = require('../../lib/cdktf') as typeof import('../../lib/cdktf');
  const { buildLandingZone } = require('../../stacks/landing-zone') as typeof import('../../stacks/landing-zone');
  const app = new App({ outdir });
  return { app, stacks: buildLandingZone(app, config) };
}

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

/** What a synth leaves on disk: every stack's JSON and the manifest. */
interface SynthFiles {
  readonly json: Record<string, StackJson>;
  readonly manifest: SynthesizedLandingZone['manifest'];
}

function synthFiles(config: LandingZoneConfig): SynthFiles {
  const outdir = mkdtempSync(join(tmpdir(), 'lz-synth-'));
  try {
    build(outdir, config).app.synth();
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
    const json: Record<string, StackJson> = {};
    for (const id of Object.keys(manifest.stacks)) {
      json[id] = JSON.parse(readFileSync(join(outdir, 'stacks', id, 'cdk.tf.json'), 'utf8'));
    }
    return { json, manifest };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * The key of a config in the synth cache: a hash of its JSON. Synthesis is a function of the config alone (files it
 * names are read into it when it loads), so equal JSON means equal output. Undefined when the config holds
 * something JSON would not keep (a Map, a class instance, a function): such a config is not cached.
 */
function cacheKey(config: LandingZoneConfig): string | undefined {
  let plain = true;
  const text = JSON.stringify(config, (_key, value: unknown) => {
    if (typeof value === 'function' || (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)) plain = false;
    return value;
  });
  return plain ? createHash('sha256').update(text).digest('hex') : undefined;
}

/**
 * The synth of `config`, shared between the test files of one jest run: jest.config.js's globalSetup
 * (harness/run-folders-setup.js) makes a folder for the run and names it in LZ_TEST_SYNTH_CACHE; the first file to
 * synthesize a config writes its output there and the others read it. Each call parses the files afresh, so a
 * test that edits the JSON edits its own copy. Without the variable (a single file run by other means) every
 * call synthesizes.
 */
function cachedSynthFiles(config: LandingZoneConfig): SynthFiles {
  const dir = process.env.LZ_TEST_SYNTH_CACHE;
  const key = dir && existsSync(dir) ? cacheKey(config) : undefined;
  if (!dir || !key) return synthFiles(config);
  const file = join(dir, `${key}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as SynthFiles;
  const files = synthFiles(config);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(files));
  renameSync(tmp, file);
  return files;
}

/**
 * Synthesizes the whole app as `npm run synth` does (cross-stack references become outputs and
 * remote-state reads) into a scratch folder, and returns every stack's parsed JSON. The construct tree
 * (`stacks`) is built again on first use.
 */
export function synthLandingZone(config: LandingZoneConfig): SynthesizedLandingZone {
  const { json, manifest } = cachedSynthFiles(config);
  let stacks: LandingZoneStacks | undefined;
  return {
    get stacks() {
      stacks ??= build(join(tmpdir(), 'lz-unsynthesized'), config).stacks;
      return stacks;
    },
    json,
    manifest,
    stack(id: string) {
      const found = json[id];
      if (!found) throw new Error(`no stack "${id}"; have ${Object.keys(json).join(', ')}`);
      return found;
    },
  };
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
