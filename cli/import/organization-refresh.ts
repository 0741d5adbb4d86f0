import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { Document } from 'yaml';
import { inRegisteredOu } from '../../config/brownfield';
import type { LandingZoneConfig } from '../../config/schema';
import type { AccountFindings, AccountTarget } from '../../discovery/account';
import type { Skippable } from '../../discovery/skippable';
import { readOrganization } from '../../discovery/aws/read-organization';
import { AccountSession } from '../../discovery/aws/session';
import { readDelegatedAdministrators } from '../../discovery/delegated-administrators';
import { readingOrder } from '../../discovery/organization';
import { delegatedAdministratorEntries, leftOutNote, mergeDelegatedAdministrators, setDelegatedAdministrators } from './delegated-administrator-records';
import { writePolicyRecords } from './policy-records';
import { accountNamesById, setKey } from './yaml-nodes';

/** What refreshing the organization's records said: notes for stderr, and what could not be read. */
export interface RefreshResult {
  readonly notes: string[];
  readonly gaps: string[];
}

/**
 * controlTower.enrolledAccounts after reading `account`: listed when Control Tower's recorder runs there and its OU is
 * registered, removed otherwise. Without a list in the file (every existing account of the registered OUs taken as
 * enrolled), one is written only when this account differs from that, listing the others as they were taken.
 */
function refreshEnrolment(doc: Document, config: LandingZoneConfig, account: AccountTarget, findings: AccountFindings, notes: string[]): void {
  const ct = config.controlTower;
  if (!ct || account.management) return;
  const enrolled = findings.controlTowerRecorder && inRegisteredOu(config, account.name);
  const listed = ct.enrolledAccounts ?? (enrolled === inRegisteredOu(config, account.name) ? undefined : config.accounts.filter((a) => a.id !== undefined && inRegisteredOu(config, a)).map((a) => a.name));
  if (!listed) return;
  const next = config.accounts.map((a) => a.name).filter((name) => (name === account.name ? enrolled : listed.includes(name)));
  setKey(doc, ['controlTower'], 'enrolledAccounts', next, ['registeredOus']);
  if (ct.enrolledAccounts === undefined) {
    notes.push(
      `controlTower.enrolledAccounts is written: ${account.name} sits in a registered OU but runs no Control Tower recorder, so it is not enrolled and gets the landing zone's own; the other existing accounts of the registered OUs are listed as they were taken.`,
    );
  }
}

/**
 * `lz import --account`: the organization's own records read again from Organizations and written in place, keeping
 * the rest of the file: organization.rootId, additionalPolicyTypes, guardrails.existing (writePolicyRecords,
 * 'refresh'), delegatedAdministrators (what a failing read could not see is kept from the file), and the account's
 * membership of controlTower.enrolledAccounts. A failing read leaves its records as they were and is a gap.
 */
export async function refreshOrganizationRecords(
  doc: Document,
  config: LandingZoneConfig,
  organizations: OrganizationsClient,
  account: AccountTarget,
  findings: AccountFindings,
  skip: ReadonlySet<Skippable> = new Set(),
): Promise<RefreshResult> {
  const notes: string[] = [];
  const gaps: string[] = [];
  const { organization } = config;
  try {
    const org = await readOrganization(organizations, true);
    notes.push(...writePolicyRecords(doc, org, { mode: 'refresh', config }));
  } catch (e) {
    gaps.push(`Could not read: ${(e as Error).message.replace(/\.$/, '')}; organization.rootId, additionalPolicyTypes and guardrails.existing are left as they were.`);
  }
  if (!skip.has('delegated-administrators')) {
    const session = new AccountSession(organization.managementAccountId);
    try {
      const read = await readDelegatedAdministrators(session, organizations, readingOrder(organization.homeRegion, organization.governedRegions), skip);
      const { entries, leftOut } = delegatedAdministratorEntries(read, accountNamesById(doc), organization.managementAccountId);
      setDelegatedAdministrators(doc, mergeDelegatedAdministrators(entries, organization.delegatedAdministrators, read.unread));
      notes.push(...leftOutNote(leftOut));
      gaps.push(...read.failures.map((f) => `Could not read: ${f}; what the file records there is kept.`));
    } finally {
      session.close();
    }
  }
  if (!skip.has('config-recorders')) refreshEnrolment(doc, config, account, findings, notes);
  return { notes, gaps };
}
