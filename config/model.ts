import type { AccountConfig, AccountRole, LandingZoneConfig } from './schema';
import { DEFAULT_ENABLED_REGIONS } from './regions';

/** OU that suspended accounts move to; created whenever an account is suspended. */
export const SUSPENDED_OU = 'Suspended';
/** Deepest OU nesting Organizations allows under the root. */
export const MAX_OU_DEPTH = 5;

/** Every OU path of the config with implied parents, parents before children, stable order. */
export function allOuPaths(config: LandingZoneConfig): string[] {
  const seen = new Set<string>();
  const add = (path: string) => {
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) seen.add(parts.slice(0, i).join('/'));
  };
  config.organizationalUnits.forEach(add);
  if (config.accounts.some((a) => a.state === 'suspended')) add(SUSPENDED_OU);
  return [...seen].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
}

export function depth(ouPath: string): number {
  return ouPath.split('/').length;
}

export function parentOf(ouPath: string): string | undefined {
  const i = ouPath.lastIndexOf('/');
  return i < 0 ? undefined : ouPath.slice(0, i);
}

/** The OU an account is placed in: its `ou`, or Suspended when suspended. */
export function effectiveOu(account: AccountConfig): string {
  return account.state === 'suspended' ? SUSPENDED_OU : account.ou;
}

export function accountsWithRole(config: LandingZoneConfig, role: AccountRole): AccountConfig[] {
  return config.accounts.filter((a) => a.role === role);
}

/** The single account with a core role; the meaning checks guarantee it exists. */
export function coreAccount(config: LandingZoneConfig, role: 'log-archive' | 'security'): AccountConfig {
  const found = config.accounts.find((a) => a.role === role);
  if (!found) throw new Error(`config has no ${role} account (the loader should have reported this)`);
  return found;
}

export function workloadAccounts(config: LandingZoneConfig): AccountConfig[] {
  return accountsWithRole(config, 'workload');
}

/** Governed regions, home region first. */
export function governedRegions(config: LandingZoneConfig): string[] {
  const { homeRegion, governedRegions: regions } = config.organization;
  return [homeRegion, ...regions.filter((r) => r !== homeRegion)];
}

/** Whether the config creates the state bucket itself (backend s3 with state.bootstrap). */
export function createsStateBucket(config: LandingZoneConfig): boolean {
  return config.state.backend === 's3' && Boolean(config.state.bootstrap);
}

/**
 * Whether the config has a bootstrap stack: what must exist before the pipeline can run, applied once by
 * hand (the state bucket, the CI identities).
 */
export function hasBootstrapStack(config: LandingZoneConfig): boolean {
  return createsStateBucket(config) || config.ci.provider !== 'none';
}

/** Stack id of a workload account's stack. */
export function workloadStackId(accountName: string): string {
  return `workload-${accountName}`;
}

/**
 * Regions where the regional security services run (GuardDuty, Security Hub, Detective, Inspector,
 * Macie) and their delegated administrators are registered, home region first: the governed
 * regions, or with `security.regions: all` (seed 004) also every region enabled by default.
 */
export function securityRegions(config: LandingZoneConfig): string[] {
  const governed = governedRegions(config);
  if (config.security.regions !== 'all') return governed;
  return [...governed, ...DEFAULT_ENABLED_REGIONS.filter((r) => !governed.includes(r))];
}
