import type { Document } from 'yaml';
import { designatedPerRegion, type DelegatedAdministratorsResult, type UnreadDelegations } from '../../discovery/delegated-administrators';
import { AFTER_IN_ORGANIZATION } from './policy-records';
import { deleteKey, setKey } from './yaml-nodes';

/** One entry of organization.delegatedAdministrators (config/schema/organization.ts ExistingDelegatedAdministrator). */
export interface DelegationEntry {
  readonly service: string;
  /** Config name of the account. */
  readonly account: string;
  /** Regions where a per-Region service designates it. */
  regions?: string[];
}

/** organization.delegatedAdministrators in a stable order: by service, then account. */
function sorted(entries: DelegationEntry[]): DelegationEntry[] {
  return entries.sort((a, b) => a.service.localeCompare(b.service) || a.account.localeCompare(b.account));
}

/**
 * The delegated administrators as config entries: the account as its config name, `regions` for the services
 * designated per Region. An administrator whose account is not in the file (the management account, a closed one)
 * is left out and named in `leftOut`.
 */
export function delegatedAdministratorEntries(
  found: DelegatedAdministratorsResult,
  names: ReadonlyMap<string, string>,
  managementAccountId: string,
): { entries: DelegationEntry[]; leftOut: string[] } {
  const entries: DelegationEntry[] = [];
  const leftOut: string[] = [];
  for (const a of found.administrators) {
    const account = names.get(a.accountId);
    if (!account) {
      leftOut.push(`${a.service} → ${a.accountId === managementAccountId ? 'the management account' : 'account'} ${a.accountId}`);
      continue;
    }
    entries.push({ service: a.service, account, ...(a.regions ? { regions: [...a.regions] } : {}) });
  }
  return { entries: sorted(entries), leftOut };
}

/**
 * What `lz import --account` writes: what was read, plus what the file said where the read failed or was skipped
 * (Organizations' registrations when its list could not be read, a per-Region designation in a Region whose list
 * could not be read), so that a failing read never removes a record.
 */
export function mergeDelegatedAdministrators(
  read: readonly DelegationEntry[],
  previous: ReadonlyArray<{ readonly service: string; readonly account: string; readonly regions?: readonly string[] }>,
  unread: UnreadDelegations,
): DelegationEntry[] {
  const out = read.map((e) => ({ ...e, ...(e.regions ? { regions: [...e.regions] } : {}) }));
  for (const p of previous) {
    let entry = out.find((e) => e.service === p.service && e.account === p.account);
    if (!designatedPerRegion(p.service)) {
      if (!entry && unread.organizations) out.push({ service: p.service, account: p.account, ...(p.regions ? { regions: [...p.regions] } : {}) });
      continue;
    }
    const unreadHere = unread.regions[p.service] ?? [];
    const kept = (p.regions ?? []).filter((r) => unreadHere.includes(r));
    if (!entry && (kept.length > 0 || unread.organizations)) out.push((entry = { service: p.service, account: p.account, regions: [] }));
    if (entry) entry.regions = [...(entry.regions ?? []), ...kept.filter((r) => !(entry!.regions ?? []).includes(r))];
  }
  return sorted(out);
}

/** Writes organization.delegatedAdministrators (removed when empty). */
export function setDelegatedAdministrators(doc: Document, entries: readonly DelegationEntry[]): void {
  if (entries.length === 0) deleteKey(doc, ['organization'], 'delegatedAdministrators');
  else setKey(doc, ['organization'], 'delegatedAdministrators', entries, AFTER_IN_ORGANIZATION.delegatedAdministrators);
}

/** The header note for administrators left out. */
export function leftOutNote(leftOut: readonly string[]): string[] {
  return leftOut.length === 0
    ? []
    : [`Delegated administrators left out of organization.delegatedAdministrators, their account is not in this file: ${leftOut.join(', ')}; the landing zone leaves them alone.`];
}
