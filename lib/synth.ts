import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { App, TerraformStack, memoizeBinaryVersionChecks, setTokenCreationTraces } from './cdktf';
import type { LandingZoneConfig } from '../config/schema';
import { buildLandingZone, landingZoneStackIds } from '../stacks/landing-zone';
import { selectStackIds } from './stack-selection';
import { nextInventory, readInventory, writeInventory } from '../config/inventory';

export interface SynthOptions {
  /** Checked config. */
  readonly config: LandingZoneConfig;
  /** Output folder (cdktf.out). Written only when every stack synthesizes. */
  readonly outdir: string;
  /**
   * Account inventory to bring up to date after a successful synth (config/inventory.ts).
   * @default - no inventory is written
   */
  readonly inventoryFile?: string;
  /**
   * Stack ids or globs (`workload-shop-*`) to synthesize: only these stacks are built and written, plus
   * the core stacks they reference, which are built (to resolve cross-stack references) but not written.
   * A selected stack's JSON is identical to the one a full synth writes; the manifest lists only the
   * selected stacks. A pattern that matches no stack throws a StackSelectionError naming similar ids.
   * @default - every stack
   */
  readonly stacks?: readonly string[];
  /**
   * Record where each token was created, for debugging an "unresolved token" error (lib/cdktf.ts).
   * @default false - faster: a misused token's error names its construct but not the creating line
   */
  readonly tokenTraces?: boolean;
}

export interface StackSummary {
  readonly id: string;
  readonly resources: number;
  readonly dataSources: number;
}

export interface SynthResult {
  readonly outdir: string;
  readonly stacks: StackSummary[];
  /** True when the account inventory changed and was written. */
  readonly inventoryUpdated: boolean;
}

/**
 * Synthesizes the landing zone into a scratch folder beside `outdir` and swaps it in only when
 * every stack synthesized, so a failure never leaves a half-written output folder.
 */
export function synthesize({ config, outdir, inventoryFile, stacks, tokenTraces = false }: SynthOptions): SynthResult {
  // Checked before anything is touched, so a wrong pattern leaves the output folder as it was.
  const selected = stacks ? new Set(selectStackIds(stacks, landingZoneStackIds(config))) : undefined;
  const target = resolve(outdir);
  const scratch = `${target}.partial-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  memoizeBinaryVersionChecks();
  setTokenCreationTraces(tokenTraces);
  try {
    const app = new App({ outdir: scratch, skipValidation: false });
    if (selected) {
      buildLandingZone(app, config, { includeWorkload: (id) => selected.has(id) });
      synthSelected(app, selected);
    } else {
      buildLandingZone(app, config);
      app.synth();
    }
  } catch (e) {
    rmSync(scratch, { recursive: true, force: true });
    throw e;
  } finally {
    setTokenCreationTraces(true);
  }
  rmSync(target, { recursive: true, force: true });
  renameSync(scratch, target);
  const inventoryUpdated = inventoryFile ? writeInventory(inventoryFile, nextInventory(config, readInventory(inventoryFile))) : false;
  return { outdir: target, stacks: summarize(target), inventoryUpdated };
}

/**
 * What App.synth() does, for the selected stacks only: prepare them (resolving their cross-stack
 * references registers outputs on the referenced stacks, which are not written), write them, validate,
 * and write a manifest that lists them.
 */
function synthSelected(app: App, selected: ReadonlySet<string>): void {
  const stacks = app.node.children.filter((c): c is TerraformStack => TerraformStack.isStack(c) && selected.has(c.node.id));
  stacks.forEach((stack) => stack.prepareStack());
  const session = { outdir: app.outdir, skipValidation: app.skipValidation, manifest: app.manifest };
  stacks.forEach((stack) => stack.synthesizer.synthesize(session));
  const errors = app.node.validate();
  if (errors.length > 0) throw new Error(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
  app.manifest.writeToFile();
}

/** Resource and data-source counts per stack of a synthesized output folder. */
export function summarize(outdir: string): StackSummary[] {
  const stacksDir = join(outdir, 'stacks');
  if (!existsSync(stacksDir)) return [];
  return readdirSync(stacksDir)
    .sort()
    .map((id) => {
      const json = JSON.parse(readFileSync(join(stacksDir, id, 'cdk.tf.json'), 'utf8')) as {
        resource?: Record<string, Record<string, unknown>>;
        data?: Record<string, Record<string, unknown>>;
      };
      const count = (block?: Record<string, Record<string, unknown>>) =>
        Object.values(block ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
      return { id, resources: count(json.resource), dataSources: count(json.data) };
    });
}
