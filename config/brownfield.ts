import { AdoptSchema, type AdoptConfig, type AccountConfig, type LandingZoneConfig } from './schema';
import { effectiveOu } from './model';

/*
 * Brownfield helpers: what an existing account already runs (accounts[].adopt, organization.adopt) and what
 * AWS Control Tower owns (controlTower). Stacks, checks and the CLI ask these, never the raw config, so the
 * rules live in one place.
 */

/** Nothing adopted: the defaults of every `adopt` field. */
export const NOTHING_ADOPTED: AdoptConfig = AdoptSchema.parse({});

/**
 * What the account already runs, by config account name; the management account (which has no entry under
 * accounts) by its id, organization.managementAccountId, or the name `management`.
 */
export function adoptionOf(config: LandingZoneConfig, account: { readonly name: string; readonly id?: string }): AdoptConfig {
  const { organization } = config;
  if (account.id === organization.managementAccountId || account.name === 'management') return organization.adopt ?? NOTHING_ADOPTED;
  return accountsByName(config).get(account.name)?.adopt ?? NOTHING_ADOPTED;
}

const accountIndexes = new WeakMap<LandingZoneConfig, Map<string, AccountConfig>>();

/** Accounts by name, built once per config, so asking per account keeps synthesis linear in the number of accounts. */
function accountsByName(config: LandingZoneConfig): Map<string, AccountConfig> {
  let index = accountIndexes.get(config);
  if (!index) {
    index = new Map(config.accounts.map((a) => [a.name, a]));
    accountIndexes.set(config, index);
  }
  return index;
}

/**
 * Whether Control Tower has enrolled the account: it sits in an OU registered with Control Tower. The
 * management account is never enrolled (Control Tower runs no Config recorder there).
 */
export function controlTowerEnrolled(config: LandingZoneConfig, account: AccountConfig | string): boolean {
  const ct = config.controlTower;
  if (!ct) return false;
  const entry = typeof account === 'string' ? config.accounts.find((a) => a.name === account) : account;
  if (!entry) return false;
  return ct.registeredOus.includes(effectiveOu(entry));
}

/**
 * Whether Control Tower owns the account's AWS Config recorder and delivery channel in `region`: the account is
 * enrolled and the region is one Control Tower governs. The landing zone then makes neither (AWS allows one
 * recorder per account and region, and Control Tower's controls deny changes to its own).
 */
export function controlTowerOwnsConfig(config: LandingZoneConfig, account: AccountConfig | string, region: string): boolean {
  return controlTowerEnrolled(config, account) && (config.controlTower?.governedRegions ?? []).some((r) => r === region);
}

/** Whether Control Tower runs the organization trail, so the landing zone makes none. */
export function controlTowerOwnsTrail(config: LandingZoneConfig): boolean {
  return config.controlTower?.organizationTrail ?? false;
}

/**
 * The role Terraform assumes in a member account: Control Tower's execution role for an enrolled account when
 * controlTower.useExecutionRole is on, otherwise organization.accessRoleName.
 */
export function accessRoleNameFor(config: LandingZoneConfig, account: AccountConfig | string): string {
  const ct = config.controlTower;
  if (ct?.useExecutionRole && controlTowerEnrolled(config, account)) return ct.executionRoleName;
  return config.organization.accessRoleName;
}

/**
 * Every role name Terraform may assume in member accounts: the access role and, in Control Tower mode, the
 * execution role. Guardrails exempt all of them.
 */
export function accessRoleNames(config: LandingZoneConfig): string[] {
  const names = [config.organization.accessRoleName];
  const ct = config.controlTower;
  if (ct && !names.includes(ct.executionRoleName)) names.push(ct.executionRoleName);
  return names;
}
