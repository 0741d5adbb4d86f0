import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import { CONTROL_TOWER } from '../config/schema/control-tower';
import { reason } from './aws/errors';
import type { ExistingOrganization } from './aws/read-organization';
import { AccountSession, assumeAccountRole, UnreachableAccountError } from './aws/session';
import { discoverAccount, type AccountFindings, type AccountTarget } from './account';
import type { Skippable } from './skippable';
import { landingZoneBudgetNames } from './budgets';
import type { ControlTowerApiResult, ControlTowerFinding } from './control-tower';
import { countGuardrailScps } from './control-tower-scps';
import { controlTowerFromSignals } from './control-tower-signals';
import { readDelegatedAdministrators, type DelegatedAdministratorsResult } from './delegated-administrators';
import { findIdentityCenterRegion } from './identity-center';
import { DEFAULT_CONCURRENCY, mapLimit } from './pool';

/** An account discovery could not reach, and why. */
export interface UnreachableAccount {
  readonly account: AccountTarget;
  readonly reason: string;
}

export interface DiscoveryOptions {
  /** organization.homeRegion: read first, and where STS is called. */
  readonly homeRegion: string;
  /** organization.governedRegions: every one is read in every account. */
  readonly governedRegions: readonly string[];
  /** organization.name, for the landing zone's own analyzer and budget names. */
  readonly organizationName: string;
  /** organization.accessRoleName. */
  readonly accessRoleName: string;
  /** Control Tower's execution role, tried first in enrolled accounts (useExecutionRole). */
  readonly executionRoleName: string;
  /** Accounts read at once. @default 8 */
  readonly concurrency?: number;
  /** Reads left out (--skip). @default - none */
  readonly skip?: ReadonlySet<Skippable>;
}

/** Everything discovery read. */
export interface OrganizationDiscovery {
  readonly findings: readonly AccountFindings[];
  readonly unreachable: readonly UnreachableAccount[];
  readonly controlTower?: ControlTowerFinding & { readonly scpsPerRegisteredOu?: number };
  /** Region of the Identity Center instance; undefined: none found in the governed regions. */
  readonly identityCenterRegion?: string;
  /** The delegated administrators (read from the management account); undefined: the management account is not among the accounts. */
  readonly delegatedAdministrators?: DelegatedAdministratorsResult;
  /** Management-level reads that failed (Identity Center, SCP count, delegated administrators). */
  readonly failures: readonly string[];
}

/** Regions in reading order: the home region first, each once. */
export function readingOrder(homeRegion: string, regions: readonly string[]): string[] {
  return [...new Set([homeRegion, ...regions])];
}

/**
 * A session in the account: the management account with the caller's own credentials, a member account through
 * AssumeRole, trying `roles` in order.
 */
export async function openSession(account: AccountTarget, roles: readonly string[], stsRegion: string): Promise<AccountSession> {
  return account.management ? new AccountSession(account.id) : assumeAccountRole(account.id, [...new Set(roles)], stsRegion);
}

/** The roles to try in a member account: Control Tower's execution role first when it is enrolled. */
export function rolesFor(enrolled: boolean, options: Pick<DiscoveryOptions, 'accessRoleName' | 'executionRoleName'>): string[] {
  return [...new Set(enrolled ? [options.executionRoleName, options.accessRoleName] : [options.accessRoleName, options.executionRoleName])];
}

/** Discovers one account; an unreachable account or an unexpected error becomes an UnreachableAccount, never a throw. */
export async function discoverOne(account: AccountTarget, roles: readonly string[], options: DiscoveryOptions): Promise<AccountFindings | UnreachableAccount> {
  let session: AccountSession | undefined;
  try {
    session = await openSession(account, roles, options.homeRegion);
    return await discoverAccount(session, account, {
      regions: readingOrder(options.homeRegion, options.governedRegions),
      analyzerName: `${options.organizationName}-account`,
      budgetNames: landingZoneBudgetNames(account, options.organizationName),
      skip: options.skip,
    });
  } catch (e) {
    return { account, reason: e instanceof UnreachableAccountError ? e.message : reason(e) };
  } finally {
    session?.close();
  }
}

/**
 * Reads every account of the organization (`accounts`, the management account among them), at most
 * `concurrency` at a time, then Control Tower (the API result, else its signals), the SCPs its controls take on
 * each registered OU, the Identity Center instance's region and the delegated administrators. One account or read
 * failing never stops the rest.
 */
export async function discoverOrganization(
  org: ExistingOrganization,
  accounts: readonly AccountTarget[],
  controlTowerApi: ControlTowerApiResult,
  organizations: OrganizationsClient,
  options: DiscoveryOptions,
): Promise<OrganizationDiscovery> {
  const registered = new Set(controlTowerApi.kind === 'found' ? controlTowerApi.finding.registeredOuIds : []);
  const ouIdOf = new Map(org.organizationalUnits.map((o) => [o.path, o.id]));
  const ouOf = new Map(org.accounts.map((a) => [a.id, a.ouPath]));
  const enrolled = (id: string) => registered.has(ouIdOf.get(ouOf.get(id) ?? '') ?? '');
  const results = await mapLimit(accounts, options.concurrency ?? DEFAULT_CONCURRENCY, (account) => discoverOne(account, rolesFor(enrolled(account.id), options), options));
  const findings = results.filter((r): r is AccountFindings => 'regions' in r);
  const unreachable = results.filter((r): r is UnreachableAccount => !('regions' in r));
  const failures: string[] = [];

  const found = options.skip?.has('control-tower')
    ? undefined
    : controlTowerFromSignals(org, findings, controlTowerApi, { homeRegion: options.homeRegion, governedRegions: options.governedRegions });
  let controlTower: OrganizationDiscovery['controlTower'] = found;
  if (found && found.registeredOuIds.length > 0) {
    try {
      controlTower = { ...found, scpsPerRegisteredOu: await countGuardrailScps(organizations, found.registeredOuIds) };
    } catch (e) {
      failures.push(`Organizations (ListPoliciesForTarget) counting ${CONTROL_TOWER.scpPrefix}* SCPs: ${reason(e)}; controlTower.scpsPerRegisteredOu keeps its default`);
    }
  }

  let identityCenterRegion: string | undefined;
  let delegatedAdministrators: DelegatedAdministratorsResult | undefined;
  const management = accounts.find((a) => a.management);
  if (management) {
    const session = new AccountSession(management.id);
    try {
      if (!options.skip?.has('identity-center')) {
        try {
          identityCenterRegion = await findIdentityCenterRegion(session, readingOrder(controlTower?.homeRegion ?? options.homeRegion, [options.homeRegion, ...options.governedRegions]));
        } catch (e) {
          failures.push(`SSO Admin (ListInstances): ${reason(e)}; identityCenter.region not set`);
        }
      }
      delegatedAdministrators = await readDelegatedAdministrators(session, organizations, readingOrder(options.homeRegion, options.governedRegions), options.skip);
      failures.push(...delegatedAdministrators.failures);
    } finally {
      session.close();
    }
  }
  return {
    findings,
    unreachable,
    ...(controlTower ? { controlTower } : {}),
    ...(identityCenterRegion ? { identityCenterRegion } : {}),
    ...(delegatedAdministrators ? { delegatedAdministrators } : {}),
    failures,
  };
}
