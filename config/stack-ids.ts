import type { LandingZoneConfig } from './schema';
import { hasBootstrapStack, workloadAccounts, workloadStackId } from './model';
import { accountLayout } from './account-stacks';

/** Every stack id of the landing zone, in dependency order, without building anything. */
export function landingZoneStackIds(config: LandingZoneConfig): string[] {
  return [
    ...(hasBootstrapStack(config) ? ['bootstrap'] : []),
    'management',
    'log-archive',
    'management-baseline',
    'security',
    ...accountLayout(config).accountStackIds,
    ...workloadAccounts(config).map((a) => workloadStackId(a.name)),
  ];
}
