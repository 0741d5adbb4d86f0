/**
 * One batch of the synth: builds some stacks of the landing zone in a fresh App and turns the chosen
 * ones into Terraform JSON, as cdktf's App.synth() and StackSynthesizer do (prepare every stack, then
 * per stack: aspects, validations, annotations, toTerraform, the same JSON writer), but
 * - a stack file is written (to the scratch folder) only when its text differs from the one in the
 *   output folder, so an unchanged stack keeps its file, bytes and modification time;
 * - resources and data sources are counted on the in-memory JSON, never by reading files back;
 * - the tokens of the batch are dropped afterwards, so one process can run batch after batch with a
 *   bounded heap (lib/cdktf.ts forgetTokensSince).
 * It runs in the synth process or in a worker process (synth/worker.ts); its input and output are plain data.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, TerraformStack, forgetTokensSince, invokeAspects, markTokens, stackToTerraform } from '../lib/cdktf';
import { stableJson } from '../lib/stable-json';
import type { LandingZoneConfig } from '../config/schema';
import { buildAccountStacks, buildCoreStacks, buildWorkloadStacks } from '../stacks/landing-zone';
import { LandingZoneStack } from '../stacks/landing-zone-stack';
import { MANAGEMENT_STACK_ID } from '../stacks/management/account-outputs';

/** What one batch builds and writes. */
export interface BatchJob {
  /** Build the core stacks (bootstrap, management, log-archive, management-baseline, security). */
  readonly core: boolean;
  /** Workload stack ids to build. */
  readonly workloads: readonly string[];
  /**
   * Account stack ids to build (accounts-<n>, config/account-stacks.ts).
   * @default - none
   */
  readonly accountStacks?: readonly string[];
  /** Stack ids to write (built ones only); the others are built to resolve references and not written. */
  readonly write: readonly string[];
}

/** Folders of one synth run. */
export interface BatchDirs {
  /** The output folder (cdktf.out), compared against and never written by a batch. */
  readonly target: string;
  /** Where changed stack files go until every batch succeeded (stacks/<id>/cdk.tf.json). */
  readonly scratch: string;
}

/** The manifest entry cdktf writes for a stack (cdktf/lib/manifest.js forStack). */
export interface StackManifestEntry {
  readonly name: string;
  readonly constructPath: string;
  readonly workingDirectory: string;
  readonly synthesizedStackPath: string;
  readonly stackMetadataPath: string;
  readonly annotations: readonly AnnotationEntry[];
  readonly dependencies: readonly string[];
}

export interface AnnotationEntry {
  readonly constructPath: string;
  readonly level: string;
  readonly message: unknown;
  readonly stacktrace?: readonly string[];
}

/** One synthesized stack. */
export interface StackRecord {
  readonly id: string;
  readonly resources: number;
  readonly dataSources: number;
  readonly manifest: StackManifestEntry;
  /** True when its file differs from the output folder's and was written to the scratch folder. */
  readonly changed: boolean;
}

const CUSTOM_SYNTHESIS = Symbol.for('cdktf/customSynthesis');

export const STACKS_FOLDER = 'stacks';
export const STACK_FILE = 'cdk.tf.json';

/** Path of a stack's JSON below an output folder. */
export function stackFile(outdir: string, id: string): string {
  return join(outdir, STACKS_FOLDER, id, STACK_FILE);
}

/**
 * Path of a changed stack's JSON in the scratch folder: one flat folder of `<id>.json` files, so a synth of
 * thousands of stacks makes (and removes) no folder per stack there; the commit moves each into stackFile.
 */
export function scratchFile(scratch: string, id: string): string {
  return join(scratch, STACKS_FOLDER, `${id}.json`);
}

/** Synthesizes one batch; throws cdktf's messages for validation errors and error annotations. */
export function synthBatch(config: LandingZoneConfig, job: BatchJob, dirs: BatchDirs): StackRecord[] {
  const tokens = markTokens();
  try {
    const app = new App({ outdir: dirs.scratch, skipValidation: false });
    if (job.core) buildCoreStacks(app, config);
    const accountStacks = new Set(job.accountStacks ?? []);
    if (accountStacks.size > 0) buildAccountStacks(app, config, (id) => accountStacks.has(id));
    const workloads = new Set(job.workloads);
    if (workloads.size > 0) buildWorkloadStacks(app, config, (id) => workloads.has(id));

    const stacks = app.node.children.filter((c): c is TerraformStack => TerraformStack.isStack(c));
    // Preparing (a resolve pass over every element) is what turns a cdktf cross-stack reference into an
    // output and a remote-state read. The core stacks reference each other, so with them every built
    // stack is prepared, written or not (registering the outputs on the stacks they read). A batch of
    // workload or account stacks alone has no stack to reference: each reads the outputs it uses explicitly
    // (stacks/management/account-outputs.ts, stacks/accounts/inputs.ts), so the pass would change nothing,
    // and it is a third of a workload stack's synth time.
    //
    // The management stack is skipped too: it is the root of the stack graph and reads nothing from
    // another stack (its outputs are what others read), so preparing it would only resolve its tens of
    // thousands of resources once more (2.5 s at 5,000 accounts). The byte-identity tests compare the
    // result with cdktf's App.synth(), which prepares every stack.
    if (job.core) stacks.filter((stack) => stack.node.id !== MANAGEMENT_STACK_ID).forEach((stack) => stack.prepareStack());
    const write = new Set(job.write);
    const records = stacks.filter((s) => write.has(s.node.id)).map((stack) => synthStack(stack, dirs));
    const errors = app.node.validate();
    if (errors.length > 0) throw new Error(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
    return records;
  } finally {
    forgetTokensSince(tokens);
  }
}

/** cdktf's StackSynthesizer.synthesize for one prepared stack, writing only a changed file. */
function synthStack(stack: TerraformStack, dirs: BatchDirs): StackRecord {
  const id = stack.node.id;
  invokeAspects(stack);
  // cdktf's synthesizer also handles resource moves (a Terraform version check) and custom synthesis
  // (assets); the landing zone uses neither, and this writer must not silently skip them if one appears.
  if (stack.hasResourceMove()) throw new Error(`stack ${id}: resource moves are not supported by synth/batch.ts`);
  const custom = stack.node.findAll().find((n) => (n as unknown as Record<symbol, unknown>)[CUSTOM_SYNTHESIS] !== undefined);
  if (custom) throw new Error(`${custom.node.path}: custom synthesis (assets) is not supported by synth/batch.ts`);
  stack.runAllValidations();
  const annotations: AnnotationEntry[] = stack.node.findAll().flatMap((node) =>
    node.node.metadata
      .filter((m) => ['@cdktf/info', '@cdktf/warn', '@cdktf/error'].includes(m.type))
      .map((m) => ({ constructPath: node.node.path, level: m.type, message: m.data, stacktrace: m.trace })),
  );
  const errors = annotations.filter((a) => a.level === '@cdktf/error');
  if (errors.length > 0) {
    throw new Error(`Encountered Annotations with level "ERROR":\n${errors.map((a) => `[${a.constructPath}] ${String(a.message)}`).join('\n')}`);
  }
  const json = stackToTerraform(stack) as { resource?: Record<string, object>; data?: Record<string, object> };
  const text = stableJson(json);
  const targetFile = stackFile(dirs.target, id);
  const changed = !existsSync(targetFile) || readFileSync(targetFile, 'utf8') !== text;
  if (changed) writeFileSync(scratchFile(dirs.scratch, id), text);
  const count = (block?: Record<string, object>) => Object.values(block ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
  const dependencies = stack instanceof LandingZoneStack ? stack.dependencyStackIds : stack.dependencies.map((d) => d.node.path);
  return {
    id,
    resources: count(json.resource),
    dataSources: count(json.data),
    changed,
    manifest: {
      name: id,
      constructPath: stack.node.path,
      workingDirectory: join(STACKS_FOLDER, id),
      synthesizedStackPath: join(STACKS_FOLDER, id, STACK_FILE),
      stackMetadataPath: join(STACKS_FOLDER, id, 'metadata.json'),
      annotations,
      dependencies,
    },
  };
}
