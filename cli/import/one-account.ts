import { readFileSync } from 'node:fs';
import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import { parseDocument } from 'yaml';
import { accessRoleNameFor, controlTowerOwnsConfig } from '../../config/brownfield';
import type { LandingZoneConfig } from '../../config/schema';
import { CONTROL_TOWER } from '../../config/schema/control-tower';
import type { AccountFindings, AccountTarget } from '../../discovery/account';
import type { Skippable } from '../../discovery/skippable';
import { adoptEntries, trailKey, type TrailChoices } from '../../discovery/adopt';
import { discoverOne, rolesFor } from '../../discovery/organization';
import { namingOf, organizationTrailName } from '../../lib/naming';
import { UserError } from '../../lib/user-error';
import { refreshOrganizationRecords } from './organization-refresh';
import { adoptPath, gapLines, setAdopt } from './write-discovery';

/** The account `--account` names: a config name or an id under accounts, or the management account. */
export function accountToImport(config: LandingZoneConfig, file: string, wanted: string): AccountTarget {
  const { organization } = config;
  if (wanted === organization.managementAccountId || wanted === 'management') return { id: organization.managementAccountId, name: 'management', management: true };
  const index = config.accounts.findIndex((a) => a.name === wanted || a.id === wanted);
  if (index < 0) {
    throw new UserError(
      `--account ${JSON.stringify(wanted)} is not in ${file} (accounts: ${config.accounts.map((a) => a.name).join(', ') || 'none'}, or "management"). Add the account under accounts with its name, email, ou and id first, then run lz import --account again.`,
    );
  }
  const account = config.accounts[index];
  if (!account.id) {
    throw new UserError(
      `accounts[${index}] (${account.name}) in ${file} has no id: lz import --account reads an account that exists in AWS. Add its 12-digit id (aws organizations list-accounts) to adopt it; an account without an id is created by the landing zone and has nothing to adopt.`,
    );
  }
  return { id: account.id, name: account.name, management: false };
}

/** The roles to try (rolesFor): the one Terraform will assume (accessRoleNameFor) first, then the other. */
function rolesToTry(config: LandingZoneConfig, account: AccountTarget): string[] {
  if (account.management) return [];
  const roles = { accessRoleName: config.organization.accessRoleName, executionRoleName: config.controlTower?.executionRoleName ?? CONTROL_TOWER.executionRole };
  return rolesFor(accessRoleNameFor(config, account.name) === roles.executionRoleName, roles);
}

/** The management account's trail choices: the landing zone's own trail, and every takeOver the file already has. */
function trailChoices(config: LandingZoneConfig, account: AccountTarget): TrailChoices {
  if (!account.management) return {};
  const chosen = (config.organization.adopt?.trails ?? []).filter((t) => t.takeOver !== undefined).map((t) => [trailKey(t), t.takeOver as boolean] as const);
  return { ownTrail: organizationTrailName(namingOf(config)), takeOver: new Map(chosen) };
}

/** The result of the per-account form: the new file text, the account's findings and the gaps. */
export interface AccountImport {
  readonly text: string;
  readonly account: AccountTarget;
  readonly findings: AccountFindings;
  readonly notes: readonly string[];
  readonly gaps: readonly string[];
}

/**
 * `lz import --account`: discovers one account of an existing config and rewrites its `adopt` section in the file's
 * text (the takeOver choices already made stay), then refreshes the organization's records from Organizations
 * (refreshOrganizationRecords), keeping every comment and the rest of the layout. An unreachable account is a
 * UserError (the file is left as it is).
 */
export async function importOneAccount(config: LandingZoneConfig, file: string, wanted: string, organizations: OrganizationsClient, skip?: ReadonlySet<Skippable>): Promise<AccountImport> {
  const account = accountToImport(config, file, wanted);
  const { organization } = config;
  const result = await discoverOne(account, rolesToTry(config, account), {
    homeRegion: organization.homeRegion,
    governedRegions: organization.governedRegions,
    organizationName: organization.name,
    accessRoleName: organization.accessRoleName,
    executionRoleName: config.controlTower?.executionRoleName ?? CONTROL_TOWER.executionRole,
    skip,
  });
  if (!('regions' in result)) {
    throw new UserError(`Cannot read ${account.management ? 'the management account' : account.name} (${account.id}): ${result.reason}. ${file} is unchanged; make the role assumable (docs/accounts.md) and run again.`);
  }
  const scope = config.controlTower ? { ownsConfig: (region: string) => !account.management && controlTowerOwnsConfig(config, account.name, region) } : undefined;
  const { adopt, notes } = adoptEntries(result, scope, trailChoices(config, account));
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const path = adoptPath(doc, account);
  if (!path) throw new UserError(`${file} changed while lz import read the account: ${account.name} is no longer under accounts; run again.`);
  setAdopt(doc, path, adopt);
  const refreshed = await refreshOrganizationRecords(doc, config, organizations, account, result, skip);
  return {
    text: doc.toString({ lineWidth: 0, flowCollectionPadding: false }),
    account,
    findings: result,
    notes: [...notes, ...refreshed.notes],
    gaps: [...gapLines([result], [], []), ...refreshed.gaps],
  };
}
