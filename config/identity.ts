import type { AccountConfig, LandingZoneConfig, PermissionSetConfig } from './schema';
import { DEFAULT_PERMISSION_SETS, PermissionSetSchema, ROOT_TARGET } from './schema';
import { effectiveOu } from './model';

/**
 * Identity Center helpers shared by the meaning checks and the management stack: the
 * permission sets in force and the expansion of assignment targets into accounts.
 */

/** Your permission sets plus the built-in defaults (unless turned off); yours win on a name clash. */
export function effectivePermissionSets(config: LandingZoneConfig): PermissionSetConfig[] {
  const { permissionSets, includeDefaultPermissionSets } = config.identityCenter;
  if (!includeDefaultPermissionSets) return permissionSets;
  const own = new Set(permissionSets.map((p) => p.name));
  const defaults = DEFAULT_PERMISSION_SETS.filter((d) => !own.has(d.name)).map((d) => PermissionSetSchema.parse(d));
  return [...defaults, ...permissionSets];
}

/** True when `account` is placed in `ouPath` or an OU below it (suspended accounts are in Suspended). */
export function isInOu(account: AccountConfig, ouPath: string): boolean {
  const ou = effectiveOu(account);
  return ou === ouPath || ou.startsWith(`${ouPath}/`);
}

/**
 * The accounts one assignment target stands for: `Root` is every member account, an OU path
 * every account in that OU and below, an account name that account. Unknown targets give none
 * (the meaning checks report them). Accounts come out in config order, each once.
 */
export function accountsOfTargets(config: LandingZoneConfig, targets: readonly string[]): AccountConfig[] {
  return config.accounts.filter((a) =>
    targets.some((t) => t === ROOT_TARGET || t === a.name || isInOu(a, t)),
  );
}
