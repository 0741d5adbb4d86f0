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

/** The account's config entry, by name or as given. */
function entryOf(config: LandingZoneConfig, account: AccountConfig | string): AccountConfig | undefined {
  return typeof account === 'string' ? accountsByName(config).get(account) : account;
}

/** Whether the account sits in an OU registered with Control Tower. */
export function inRegisteredOu(config: LandingZoneConfig, account: AccountConfig | string): boolean {
  const ct = config.controlTower;
  const entry = entryOf(config, account);
  return ct !== undefined && entry !== undefined && ct.registeredOus.includes(effectiveOu(entry));
}

/**
 * Whether Control Tower has enrolled the account: what Control Tower really did, not what the OU suggests. An account
 * of a registered OU is enrolled only when controlTower.enrolledAccounts lists it (lz import writes the accounts where
 * it saw Control Tower's recorder); without that list, only an existing account (with an id) of a registered OU is
 * taken as enrolled. An account the landing zone creates is never enrolled: CreateAccount does not enroll it, so it
 * runs no Control Tower recorder and gets the landing zone's own. The management account is never enrolled.
 * @see https://docs.aws.amazon.com/controltower/latest/userguide/enroll-account.html
 */
export function controlTowerEnrolled(config: LandingZoneConfig, account: AccountConfig | string): boolean {
  const entry = entryOf(config, account);
  if (!entry || !inRegisteredOu(config, entry) || entry.id === undefined) return false;
  const listed = config.controlTower?.enrolledAccounts;
  return listed === undefined || listed.includes(entry.name);
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
 * The role Terraform assumes in a member account: Control Tower's execution role when controlTower.useExecutionRole is
 * on and the account is enrolled, or is created by the landing zone into a registered OU (it is then created with that
 * role, so that Control Tower can enroll it later); otherwise organization.accessRoleName.
 */
export function accessRoleNameFor(config: LandingZoneConfig, account: AccountConfig | string): string {
  const ct = config.controlTower;
  const entry = entryOf(config, account);
  const createdIntoRegisteredOu = entry !== undefined && entry.id === undefined && inRegisteredOu(config, entry);
  if (ct?.useExecutionRole && (controlTowerEnrolled(config, account) || createdIntoRegisteredOu)) return ct.executionRoleName;
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
