import type { LandingZoneConfig } from '../../config/schema';
import { controlTowerOwnsConfig, controlTowerOwnsTrail } from '../../config/brownfield';
import { governedRegions, workloadStackId } from '../../config/model';
import type { ControlTowerFacts } from './types';

/** The stack that holds an account's baseline: the core accounts' own stacks, else workload-<name>. */
function stackIdOf(account: LandingZoneConfig['accounts'][number]): string {
  if (account.role === 'log-archive') return 'log-archive';
  if (account.role === 'security') return 'security';
  return workloadStackId(account.name);
}

/**
 * What Control Tower runs, for `lz check` (undefined without a controlTower section): its organization trail, and
 * per enrolled account's stack the governed regions where its Config recorder records that account. The
 * management account is never enrolled (config/brownfield.ts).
 */
export function controlTowerFacts(config: LandingZoneConfig): ControlTowerFacts | undefined {
  if (!config.controlTower) return undefined;
  const recordedRegions: Record<string, string[]> = {};
  for (const account of config.accounts) {
    const regions = governedRegions(config).filter((r) => controlTowerOwnsConfig(config, account, r));
    if (regions.length > 0) recordedRegions[stackIdOf(account)] = regions;
  }
  const { registeredOus, scpsPerRegisteredOu } = config.controlTower;
  return { ownsTrail: controlTowerOwnsTrail(config), recordedRegions, registeredOus, scpsPerRegisteredOu };
}
