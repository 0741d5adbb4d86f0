import type { LandingZoneConfig } from '../schema';
import type { Problem } from '../problems';
import type { Inventory } from '../inventory';

/** What a meaning check may know besides the config: the account inventory (config/inventory.ts). */
export interface RuleContext {
  /** The inventory of this landing zone; undefined on a first synth or for another organization's inventory. */
  readonly inventory?: Inventory;
  /** Path of that inventory, for messages. */
  readonly inventoryFile?: string;
}

/** A meaning check: a pure function of the shape-checked config (and its context), returning every problem it finds. */
export type Rule = (config: LandingZoneConfig, context: RuleContext) => Problem[];
