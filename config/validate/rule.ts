import type { LandingZoneConfig } from '../schema';
import type { Problem } from '../problems';

/** A meaning check: a pure function of the shape-checked config, returning every problem it finds. */
export type Rule = (config: LandingZoneConfig) => Problem[];
