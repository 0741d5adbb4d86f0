import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { LandingZoneConfig } from '../../config/schema';
import { synthesize } from '../../synth/synth';
import { reattachProviders } from './provider-servers';
import { bundleStacks } from './stack-bundle';

const run = promisify(execFile);

/**
 * Real `terraform validate` on synthesized stacks.
 *
 * With TF_PLUGIN_DIR set (CI and these machines: the offline mirror of the pinned provider),
 * init uses `-plugin-dir` and TF_CLI_CONFIG_FILE=/dev/null; without it, a normal init reaches
 * the registry. With CI=true a missing terraform fails the tests instead of skipping them.
 */
export function terraformAvailable(): boolean {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore', env: tfEnv() });
    return true;
  } catch {
    if (process.env.CI === 'true') {
      throw new Error('terraform is not on the PATH, and CI=true: install Terraform 1.11 (the tests validate every synthesized stack)');
    }
    return false;
  }
}

function tfEnv(): NodeJS.ProcessEnv {
  return { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
}

export interface ValidateResult {
  readonly stack: string;
  readonly valid: boolean;
  /** Terraform's diagnostics, one line each, when not valid. */
  readonly diagnostics: string[];
}

interface Diagnostic {
  severity: string;
  summary: string;
  detail?: string;
  address?: string;
  range?: { filename?: string };
}

async function terraformInit(dir: string): Promise<void> {
  const pluginDir = process.env.TF_PLUGIN_DIR;
  const init = ['init', '-backend=false', '-input=false', '-no-color', ...(pluginDir ? [`-plugin-dir=${pluginDir}`] : [])];
  await run('terraform', init, { cwd: dir, env: tfEnv(), maxBuffer: 16 * 1024 * 1024 });
}

type Providers = Record<string, unknown>;

/** The `required_providers` of some `*.tf.json` contents, merged (what `terraform init` installs for them). */
function requiredProviders(files: Iterable<Record<string, unknown>>): Providers {
  const required: Providers = {};
  for (const json of files) Object.assign(required, (json as { terraform?: { required_providers?: Providers } }).terraform?.required_providers ?? {});
  return required;
}

/** The `required_providers` of the `*.tf.json` files in `dir`. */
function requiredProvidersIn(dir: string): Providers {
  const files = readdirSync(dir).filter((f) => f.endsWith('.tf.json')).sort();
  return requiredProviders(files.map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>));
}

/** A worker's initialized providers, by the JSON of the `required_providers` they were installed for. */
const initialized = new Map<string, Promise<SharedInit>>();

/** A shared init: the run's init folder, the installed providers (a TF_DATA_DIR) and their lock file. */
interface SharedInit {
  readonly root: string;
  readonly dataDir: string;
  readonly lockFile: string;
}
/** Init folders made by this worker: each gets a name of its own, even after a failed one is forgotten. */
let initFolders = 0;

/**
 * One `terraform init` per jest worker for each set of required providers, in the run's folder
 * (LZ_TEST_TERRAFORM_INIT, harness/run-folders-setup.js): a folder to validate gets the lock file and points
 * TF_DATA_DIR at the installed providers. An init per folder would copy the AWS provider (700 MB) into each.
 * Undefined outside such a run: the folder is initialized itself.
 */
function sharedInit(providers: Providers): Promise<SharedInit> | undefined {
  const root = process.env.LZ_TEST_TERRAFORM_INIT;
  if (!root) return undefined;
  const key = JSON.stringify(Object.keys(providers).sort().map((name) => [name, providers[name]]));
  let ready = initialized.get(key);
  if (!ready) {
    const folder = join(root, `${process.pid}-${initFolders++}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'providers.tf.json'), JSON.stringify({ terraform: { required_providers: providers } }));
    ready = terraformInit(folder).then(() => ({ root, dataDir: join(folder, '.terraform'), lockFile: join(folder, '.terraform.lock.hcl') }));
    // A failed init is retried by the next folder, not remembered.
    ready.catch(() => initialized.delete(key));
    initialized.set(key, ready);
  }
  return ready;
}

/** Validates `dir`, whose files require `providers` (the caller knows them, or they are read from the folder). */
async function initAndValidate(dir: string, providers: Providers): Promise<{ diagnostics: Diagnostic[] } | { failed: string }> {
  let env = tfEnv();
  try {
    const shared = sharedInit(providers);
    if (shared) {
      const { root, dataDir, lockFile } = await shared;
      copyFileSync(lockFile, join(dir, '.terraform.lock.hcl'));
      // The worker's provider servers, when they start: Terraform asks them instead of starting its own.
      const reattach = await reattachProviders(root, dataDir);
      env = { ...env, TF_DATA_DIR: dataDir, ...(reattach ? { TF_REATTACH_PROVIDERS: reattach } : {}) };
    } else {
      await terraformInit(dir);
    }
  } catch (e) {
    return { failed: `terraform init failed: ${(e as { stderr?: string }).stderr ?? String(e)}` };
  }
  let stdout: string;
  try {
    ({ stdout } = await run('terraform', ['validate', '-json', '-no-color'], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 }));
  } catch (e) {
    stdout = (e as { stdout?: string }).stdout ?? '';
    if (!stdout) return { failed: String(e) };
  }
  return { diagnostics: (JSON.parse(stdout) as { diagnostics: Diagnostic[] }).diagnostics.filter((d) => d.severity === 'error') };
}

const line = (d: Diagnostic) => `${d.address ?? ''} ${d.summary}: ${d.detail ?? ''}`.trim();

export async function validateStackDir(dir: string, stack: string): Promise<ValidateResult> {
  const out = await initAndValidate(dir, requiredProvidersIn(dir));
  if ('failed' in out) return { stack, valid: false, diagnostics: [out.failed] };
  return { stack, valid: out.diagnostics.length === 0, diagnostics: out.diagnostics.map(line) };
}

/** A synthesized stack: its id and the folder holding its `cdk.tf.json`. */
export interface StackDir {
  readonly id: string;
  readonly dir: string;
}

/**
 * `terraform validate` of several stacks in one Terraform process (harness/stack-bundle.ts): the provider and
 * its schema load once instead of once a stack. A result per stack, in the order given; an error that names no
 * stack fails them all.
 */
export async function validateStacks(stacks: readonly StackDir[]): Promise<ValidateResult[]> {
  const bundle = bundleStacks(stacks.map(({ id, dir }) => ({ id, json: JSON.parse(readFileSync(join(dir, 'cdk.tf.json'), 'utf8')) })));
  const dir = mkdtempSync(join(tmpdir(), 'lz-validate-bundle-'));
  try {
    for (const [file, json] of Object.entries(bundle.files)) writeFileSync(join(dir, file), JSON.stringify(json));
    const out = await initAndValidate(dir, requiredProviders(Object.values(bundle.files)));
    if ('failed' in out) return stacks.map(({ id }) => ({ stack: id, valid: false, diagnostics: [out.failed] }));
    const byStack = new Map<string | undefined, string[]>();
    for (const d of out.diagnostics) {
      const id = bundle.stackOf(d);
      byStack.set(id, [...(byStack.get(id) ?? []), bundle.unprefix(line(d))]);
    }
    const unplaced = byStack.get(undefined) ?? [];
    return stacks.map(({ id }) => {
      const diagnostics = [...(byStack.get(id) ?? []), ...unplaced];
      return { stack: id, valid: diagnostics.length === 0, diagnostics };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Synthesizes `config` with the same entry point as `npm run synth` and validates every stack, in one
 * Terraform process (validateConfigs): the results by stack id.
 */
export async function validateLandingZone(config: LandingZoneConfig): Promise<ValidateResult[]> {
  const [results] = await validateConfigs([{ config }]);
  return results.sort((a, b) => a.stack.localeCompare(b.stack));
}

/** A config and the stacks of it to validate (all of them when `stacks` is left out). */
export interface ConfigStacks {
  readonly config: LandingZoneConfig;
  readonly stacks?: readonly string[];
}

/**
 * Synthesizes several configs and validates the chosen stacks of all of them in one Terraform process: the
 * results of each config, in the order of its stacks.
 */
export async function validateConfigs(configs: readonly ConfigStacks[]): Promise<ValidateResult[][]> {
  const outdir = mkdtempSync(join(tmpdir(), 'lz-validate-configs-'));
  try {
    const dirs = configs.map(({ config, stacks }, i) => {
      const out = join(outdir, `c${i}`);
      const synthesized = synthesize({ config, outdir: out, ...(stacks ? { stacks: [...stacks] } : {}) }).stacks.map((s) => s.id);
      return (stacks ?? synthesized).map((id) => ({ id: `c${i}-${id}`, dir: join(out, 'stacks', id), stack: id }));
    });
    const results = new Map((await validateStacks(dirs.flat())).map((r) => [r.stack, r]));
    return dirs.map((stacks) => stacks.map(({ id, stack }) => ({ ...results.get(id)!, stack })));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
