import { DetectiveClient, ListOrganizationAdminAccountsCommand as DetectiveListAdmins } from '@aws-sdk/client-detective';
import { GuardDutyClient, ListOrganizationAdminAccountsCommand as GuardDutyListAdmins } from '@aws-sdk/client-guardduty';
import { Inspector2Client, ListDelegatedAdminAccountsCommand } from '@aws-sdk/client-inspector2';
import { ListOrganizationAdminAccountsCommand as MacieListAdmins, Macie2Client } from '@aws-sdk/client-macie2';
import { ListDelegatedAdministratorsCommand, ListDelegatedServicesForAccountCommand, type OrganizationsClient } from '@aws-sdk/client-organizations';
import { ListOrganizationAdminAccountsCommand as SecurityHubListAdmins, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { reason } from './aws/errors';
import type { AccountSession } from './aws/session';
import type { Skippable } from './skippable';
import { allPages } from './read';
import { delegatedAdminLimit } from '../config/delegated-administrators';

/** One delegated administrator registration: the account, the service principal and, per Region, where it is designated. */
export interface FoundDelegatedAdministrator {
  readonly accountId: string;
  readonly service: string;
  /**
   * For a service designated per Region through its own API: the Regions read where it names the account, in reading
   * order (empty: registered in Organizations, designated in no Region read). Undefined for the other services.
   */
  readonly regions?: readonly string[];
}

/** What could not be read, so that a later read keeps what the file says there. */
export interface UnreadDelegations {
  /** ListDelegatedAdministrators or a ListDelegatedServicesForAccount failed (or was skipped). */
  readonly organizations: boolean;
  /** Per service principal designated per Region: the Regions whose list failed (or was skipped). */
  readonly regions: Readonly<Record<string, readonly string[]>>;
}

export interface DelegatedAdministratorsResult {
  /** Sorted by service, then account id. */
  readonly administrators: readonly FoundDelegatedAdministrator[];
  /** Reads that failed: `what in where: reason`. */
  readonly failures: readonly string[];
  readonly unread: UnreadDelegations;
}

/** A service whose delegated administrator is designated per Region through its own API, and how to list it. */
interface RegionalAdminRead {
  readonly principal: string;
  readonly skip: Skippable;
  /** `Service (Operation)` for messages. */
  readonly call: string;
  /** The accounts designated in the Region (status ENABLED where the answer has one). */
  readonly list: (session: AccountSession, region: string) => Promise<string[]>;
}

const ids = (items: ReadonlyArray<{ id?: string; status?: string }>, enabled = 'ENABLED'): string[] =>
  items.filter((a) => a.id && (a.status === undefined || a.status === enabled)).map((a) => a.id as string);

/**
 * The five services designated per Region (config/delegated-administrators.ts, perRegion), read from the management
 * account. An administrator being removed (DISABLE_IN_PROGRESS, DISABLING_IN_PROGRESS) is not counted.
 */
export const REGIONAL_ADMIN_READS: readonly RegionalAdminRead[] = [
  {
    principal: 'guardduty.amazonaws.com',
    skip: 'guardduty-admin',
    call: 'GuardDuty (ListOrganizationAdminAccounts)',
    list: async (session, region) => {
      const client = session.client(GuardDutyClient, region);
      const items = await allPages((NextToken) => Promise.resolve(client.send(new GuardDutyListAdmins({ NextToken }))).then((r) => ({ items: r?.AdminAccounts, next: r?.NextToken })));
      return ids(items.map((a) => ({ id: a.AdminAccountId, status: a.AdminStatus })));
    },
  },
  {
    principal: 'securityhub.amazonaws.com',
    skip: 'security-hub-admin',
    call: 'Security Hub (ListOrganizationAdminAccounts)',
    list: async (session, region) => {
      const client = session.client(SecurityHubClient, region);
      const items = await allPages((NextToken) => Promise.resolve(client.send(new SecurityHubListAdmins({ NextToken }))).then((r) => ({ items: r?.AdminAccounts, next: r?.NextToken })));
      return ids(items.map((a) => ({ id: a.AccountId, status: a.Status })));
    },
  },
  {
    principal: 'macie.amazonaws.com',
    skip: 'macie-admin',
    call: 'Macie (ListOrganizationAdminAccounts)',
    list: async (session, region) => {
      const client = session.client(Macie2Client, region);
      const items = await allPages((nextToken) => Promise.resolve(client.send(new MacieListAdmins({ nextToken }))).then((r) => ({ items: r?.adminAccounts, next: r?.nextToken })));
      return ids(items.map((a) => ({ id: a.accountId, status: a.status ?? 'unknown' })));
    },
  },
  {
    principal: 'inspector2.amazonaws.com',
    skip: 'inspector-admin',
    call: 'Inspector (ListDelegatedAdminAccounts)',
    list: async (session, region) => {
      const client = session.client(Inspector2Client, region);
      const items = await allPages((nextToken) => Promise.resolve(client.send(new ListDelegatedAdminAccountsCommand({ nextToken }))).then((r) => ({ items: r?.delegatedAdminAccounts, next: r?.nextToken })));
      return ids(items.map((a) => ({ id: a.accountId, status: a.status ?? 'unknown' })));
    },
  },
  {
    principal: 'detective.amazonaws.com',
    skip: 'detective-admin',
    call: 'Detective (ListOrganizationAdminAccounts)',
    list: async (session, region) => {
      const client = session.client(DetectiveClient, region);
      const items = await allPages((NextToken) => Promise.resolve(client.send(new DetectiveListAdmins({ NextToken }))).then((r) => ({ items: r?.Administrators, next: r?.NextToken })));
      return ids(items.map((a) => ({ id: a.AccountId })));
    },
  },
];

/** Whether a principal is designated per Region through its own API (config/delegated-administrators.ts says which). */
export function designatedPerRegion(principal: string): boolean {
  return delegatedAdminLimit(principal)?.perRegion === true;
}

/** Organizations: every delegated administrator and the services of each. */
async function readRegistrations(organizations: OrganizationsClient, failures: string[]): Promise<{ pairs: Array<{ accountId: string; service: string }>; complete: boolean }> {
  let admins: string[];
  try {
    const list = await allPages((NextToken) =>
      Promise.resolve(organizations.send(new ListDelegatedAdministratorsCommand({ NextToken }))).then((r) => ({ items: r?.DelegatedAdministrators, next: r?.NextToken })),
    );
    admins = list.map((a) => a.Id).filter((id): id is string => Boolean(id));
  } catch (e) {
    failures.push(`Organizations (ListDelegatedAdministrators): ${reason(e)}; organization.delegatedAdministrators holds only what the services' own lists name`);
    return { pairs: [], complete: false };
  }
  const pairs: Array<{ accountId: string; service: string }> = [];
  let complete = true;
  for (const accountId of admins) {
    try {
      const services = await allPages((NextToken) =>
        Promise.resolve(organizations.send(new ListDelegatedServicesForAccountCommand({ AccountId: accountId, NextToken }))).then((r) => ({ items: r?.DelegatedServices, next: r?.NextToken })),
      );
      for (const s of services) if (s.ServicePrincipal) pairs.push({ accountId, service: s.ServicePrincipal });
    } catch (e) {
      complete = false;
      failures.push(`Organizations (ListDelegatedServicesForAccount ${accountId}): ${reason(e)}; organization.delegatedAdministrators may miss services of ${accountId}`);
    }
  }
  return { pairs, complete };
}

/**
 * Every delegated administrator of the organization, read with the management account's credentials: Organizations
 * ListDelegatedAdministrators and ListDelegatedServicesForAccount for each (account, service principal), and for the
 * services designated per Region through their own API (GuardDuty, Security Hub, Macie, Inspector, Detective) their
 * list in each of `regions`. A designation seen only in a Region's list is recorded too. A read that fails (access
 * denied, a Region where the service is not offered, an emulator without the API) is a failure line, never a throw;
 * what was read is returned. `skip` leaves reads out: 'delegated-administrators' all of them, '<service>-admin' one
 * service's Region lists.
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListDelegatedAdministrators.html
 */
export async function readDelegatedAdministrators(
  management: AccountSession,
  organizations: OrganizationsClient,
  regions: readonly string[],
  skip: ReadonlySet<Skippable> = new Set(),
): Promise<DelegatedAdministratorsResult> {
  const failures: string[] = [];
  const unreadRegions: Record<string, string[]> = {};
  if (skip.has('delegated-administrators')) {
    for (const r of REGIONAL_ADMIN_READS) unreadRegions[r.principal] = [...regions];
    return { administrators: [], failures, unread: { organizations: true, regions: unreadRegions } };
  }
  const registrations = await readRegistrations(organizations, failures);
  const byKey = new Map<string, { accountId: string; service: string; regions?: string[] }>();
  const entry = (accountId: string, service: string) => {
    const key = `${service} ${accountId}`;
    let found = byKey.get(key);
    if (!found) byKey.set(key, (found = { accountId, service, ...(designatedPerRegion(service) ? { regions: [] } : {}) }));
    return found;
  };
  for (const p of registrations.pairs) entry(p.accountId, p.service);

  const reads = REGIONAL_ADMIN_READS.filter((r) => !skip.has(r.skip));
  for (const r of REGIONAL_ADMIN_READS.filter((x) => skip.has(x.skip))) unreadRegions[r.principal] = [...regions];
  const answers = await Promise.all(
    reads.flatMap((r) =>
      regions.map(async (region) => {
        try {
          return { r, region, accounts: await r.list(management, region) };
        } catch (e) {
          return { r, region, accounts: [] as string[], error: reason(e) };
        }
      }),
    ),
  );
  for (const a of answers) {
    if (a.error === undefined) continue;
    failures.push(`${a.r.call} in ${a.region}: ${a.error}; organization.delegatedAdministrators may miss ${a.r.principal}'s administrator there`);
    (unreadRegions[a.r.principal] ??= []).push(a.region);
  }
  for (const region of regions) {
    for (const a of answers.filter((x) => x.region === region)) for (const accountId of a.accounts) entry(accountId, a.r.principal).regions!.push(region);
  }
  const administrators = [...byKey.values()].sort((a, b) => a.service.localeCompare(b.service) || a.accountId.localeCompare(b.accountId));
  return { administrators, failures, unread: { organizations: !registrations.complete, regions: unreadRegions } };
}
