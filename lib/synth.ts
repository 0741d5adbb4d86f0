import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { App } from './cdktf';
import type { LandingZoneConfig } from '../config/schema';
import { buildLandingZone } from '../stacks/landing-zone';
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
export function synthesize({ config, outdir, inventoryFile }: SynthOptions): SynthResult {
  const target = resolve(outdir);
  const scratch = `${target}.partial-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  try {
    const app = new App({ outdir: scratch, skipValidation: false });
    buildLandingZone(app, config);
    app.synth();
  } catch (e) {
    rmSync(scratch, { recursive: true, force: true });
    throw e;
  }
  rmSync(target, { recursive: true, force: true });
  renameSync(scratch, target);
  const inventoryUpdated = inventoryFile ? writeInventory(inventoryFile, nextInventory(config, readInventory(inventoryFile))) : false;
  return { outdir: target, stacks: summarize(target), inventoryUpdated };
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
