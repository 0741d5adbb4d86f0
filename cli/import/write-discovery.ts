import { isMap, isSeq, type Document } from 'yaml';
import { CONTROL_TOWER } from '../../config/schema/control-tower';
import type { AccountFindings } from '../../discovery/account';
import { adoptEntries, type AdoptEntries, type ControlTowerScope } from '../../discovery/adopt';
import type { OrganizationDiscovery, UnreachableAccount } from '../../discovery/organization';
import { namingOf, organizationTrailName } from '../../lib/naming';
import { delegatedAdministratorEntries, leftOutNote, setDelegatedAdministrators } from './delegated-administrator-records';
import { accountNamesById, valueAt } from './yaml-nodes';

/** Where an account's `adopt` section lives: organization.adopt for the management account, accounts[i].adopt else. */
export function adoptPath(doc: Document, account: { readonly id: string; readonly name: string; readonly management: boolean }): Array<string | number> | undefined {
  if (account.management) return ['organization', 'adopt'];
  const accounts = doc.get('accounts');
  if (!isSeq(accounts)) return undefined;
  const index = accounts.items.findIndex((item) => isMap(item) && (String(item.get('id') ?? '') === account.id || item.get('name') === account.name));
  return index < 0 ? undefined : ['accounts', index, 'adopt'];
}

/**
 * Writes one account's `adopt` section into the document, replacing what was there (an account that runs nothing
 * the landing zone manages has none). Everything else in the document, its comments and layout, stays.
 */
export function setAdopt(doc: Document, path: Array<string | number>, adopt: AdoptEntries): void {
  if (Object.keys(adopt).length === 0) {
    if (doc.hasIn(path)) doc.deleteIn(path);
    return;
  }
  doc.setIn(path, doc.createNode(adopt));
}

/** Lines for the file header and stderr: what was not discovered and why. */
export function gapLines(findings: readonly AccountFindings[], unreachable: readonly UnreachableAccount[], failures: readonly string[]): string[] {
  const label = (a: { name: string; id: string; management: boolean }) => (a.management ? `management account ${a.id}` : `${a.name} (${a.id})`);
  return [
    ...unreachable.map((u) => `Not discovered, unreachable: ${label(u.account)}: ${u.reason}. Its adopt section is not written; make the role assumable and run lz import --account ${u.account.management ? u.account.id : u.account.name}.`),
    ...findings.flatMap((f) => f.disabledRegions.map((d) => `Region not enabled for ${label(f.account)}: ${d.region} (${d.reason}); nothing to adopt there, and the landing zone cannot deploy there until the region is enabled.`)),
    ...findings.flatMap((f) => f.failures.map((x) => `Could not read for ${label(f.account)}: ${x}; its entry is missing, run lz import --account ${f.account.management ? f.account.id : f.account.name} once it can be read.`)),
    ...findings.flatMap((f) => (f.assumptions ?? []).map((x) => `Could not read for ${label(f.account)}: ${x}; run lz import --account ${f.account.management ? f.account.id : f.account.name} once it can be read.`)),
    ...failures.map((x) => `Could not read: ${x}.`),
  ];
}

/** The Control Tower scope of one account for the adopt filter: enrolled OU paths and governed regions. */
export function controlTowerScope(registeredOus: readonly string[], governedRegions: readonly string[], accountOu: string | undefined, management: boolean): ControlTowerScope {
  const enrolled = !management && accountOu !== undefined && registeredOus.includes(accountOu);
  return { ownsConfig: (region) => enrolled && governedRegions.includes(region) };
}

/** The landing zone's own organization trail in the document (organizationTrailName of organization.name). */
export function ownTrailName(doc: Document): string {
  return organizationTrailName(namingOf({ organization: { name: String(valueAt(doc, ['organization', 'name']) ?? ''), managementAccountId: String(valueAt(doc, ['organization', 'managementAccountId']) ?? '') } }));
}

/** Appends lines to the document's header comment. */
export function addHeaderNotes(doc: Document, notes: readonly string[]): void {
  if (notes.length === 0) return;
  const lines = notes.map((n) => ` ${n}`).join('\n');
  doc.commentBefore = doc.commentBefore ? `${doc.commentBefore}\n${lines}` : lines;
}

/**
 * controlTower.enrolledAccounts: the accounts of registered OUs where Control Tower's recorder was seen. Not written
 * when the recorders were not read (--skip config-recorders): every existing account of the registered OUs is then
 * taken as enrolled.
 */
function enrolledAccounts(
  discovery: OrganizationDiscovery,
  registeredOus: readonly string[],
  ouOfAccount: ReadonlyMap<string, string>,
  skipped: readonly string[],
): { accounts?: string[]; notes: string[] } {
  if (skipped.includes('config-recorders')) {
    return { notes: ['Control Tower: controlTower.enrolledAccounts is not written (--skip config-recorders): every existing account of the registered OUs is taken as enrolled; run lz import without that skip to record what Control Tower enrolled.'] };
  }
  const inRegistered = (id: string) => registeredOus.includes(ouOfAccount.get(id) ?? '');
  const accounts = discovery.findings.filter((f) => !f.account.management && f.controlTowerRecorder && inRegistered(f.account.id)).map((f) => f.account.name);
  const unread = discovery.unreachable.filter((u) => !u.account.management && inRegistered(u.account.id)).map((u) => u.account.name);
  const notes =
    unread.length > 0
      ? [
          `Control Tower: ${unread.join(', ')} could not be read, so controlTower.enrolledAccounts does not list them and the landing zone would give them a Config recorder of its own; run lz import --account <name> once they can be read.`,
        ]
      : [];
  return { accounts, notes };
}

/**
 * Writes a whole discovery into an imported config document: every reachable account's `adopt` (takeOver: false on
 * the management account's other organization trails), `controlTower` when Control Tower was found (registered OUs
 * as config paths through organization.ouIds, enrolledAccounts), organization.delegatedAdministrators,
 * identityCenter.region when the instance is not in the home region, and header notes. Returns the lines to print on
 * stderr (gaps).
 */
export function writeDiscovery(
  doc: Document,
  discovery: OrganizationDiscovery,
  ouOfAccount: ReadonlyMap<string, string>,
  roles: { readonly accessRoleName: string; readonly executionRoleName: string },
  skipped: readonly string[] = [],
): { gaps: string[]; notes: string[] } {
  const notes: string[] = [];
  if (skipped.length > 0) notes.push(`Not read (--skip): ${skipped.join(', ')}. Nothing of those is adopted: where such a thing exists, the plan tries to create a second one; read them before the apply.`);
  const ouIds = doc.getIn(['organization', 'ouIds']);
  const pathOfOuId = new Map<string, string>(isMap(ouIds) ? Object.entries(ouIds.toJSON() as Record<string, string>).map(([path, id]) => [String(id), path]) : []);
  const ct = discovery.controlTower;
  const registeredOus = ct ? ct.registeredOuIds.map((id) => pathOfOuId.get(id)).filter((p): p is string => Boolean(p)) : [];
  const ownTrail = ownTrailName(doc);
  for (const f of discovery.findings) {
    const path = adoptPath(doc, f.account);
    if (!path) continue;
    const scope = ct ? controlTowerScope(registeredOus, ct.governedRegions, ouOfAccount.get(f.account.id), f.account.management) : undefined;
    const { adopt, notes: accountNotes } = adoptEntries(f, scope, { ownTrail });
    setAdopt(doc, path, adopt);
    notes.push(...accountNotes);
  }
  if (ct) {
    const enrolled = enrolledAccounts(discovery, registeredOus, ouOfAccount, skipped);
    doc.set(
      'controlTower',
      doc.createNode({
        homeRegion: ct.homeRegion,
        governedRegions: [...ct.governedRegions],
        registeredOus,
        ...(enrolled.accounts ? { enrolledAccounts: enrolled.accounts } : {}),
        organizationTrail: ct.organizationTrail,
        ...(ct.scpsPerRegisteredOu !== undefined ? { scpsPerRegisteredOu: Math.min(ct.scpsPerRegisteredOu, 4) } : {}),
      }),
    );
    notes.push(
      `AWS Control Tower governs this organization${ct.version ? ` (landing zone ${ct.version})` : ''}: controlTower is written${ct.source === 'api' ? ' from its API' : ''}. Control Tower keeps its own Config recorders and delivery channels (${CONTROL_TOWER.recorder}, ${CONTROL_TOWER.deliveryChannel}), its trail (${CONTROL_TOWER.trail}), its execution role and its ${CONTROL_TOWER.scpPrefix}* SCPs: none of them is an adopt entry, and the landing zone makes none of its own where Control Tower runs them (docs/control-tower.md).`,
      ...ct.notes.map((n) => `Control Tower: ${n}.`),
      ...enrolled.notes,
    );
    if ((ct.scpsPerRegisteredOu ?? 0) > 4) notes.push(`Control Tower: a registered OU has ${ct.scpsPerRegisteredOu} ${CONTROL_TOWER.scpPrefix}* SCPs, more than the 4 an OU leaves beside FullAWSAccess; scpsPerRegisteredOu is written as 4, check the OU.`);
  }
  if (discovery.delegatedAdministrators) {
    const { entries, leftOut } = delegatedAdministratorEntries(discovery.delegatedAdministrators, accountNamesById(doc), String(valueAt(doc, ['organization', 'managementAccountId'])));
    setDelegatedAdministrators(doc, entries);
    notes.push(...leftOutNote(leftOut));
  }
  const homeRegion = String(doc.getIn(['organization', 'homeRegion']) ?? '');
  if (discovery.identityCenterRegion && discovery.identityCenterRegion !== homeRegion) {
    doc.setIn(['identityCenter', 'region'], discovery.identityCenterRegion);
    notes.push(`The IAM Identity Center instance is in ${discovery.identityCenterRegion}, not the home region: identityCenter.region is set.`);
  } else if (!discovery.identityCenterRegion && !discovery.failures.some((f) => f.startsWith('SSO Admin')) && !skipped.includes('identity-center')) {
    notes.push(`No IAM Identity Center instance was found in the governed regions: enable it in ${homeRegion} before the first plan of management (docs/operations.md), or set identityCenter.enabled: false.`);
  }
  const withRole = discovery.findings.filter((f) => f.configServiceLinkedRole).map((f) => (f.account.management ? 'management' : f.account.name));
  if (withRole.length > 0) notes.push(`The AWS Config service-linked role AWSServiceRoleForConfig exists in ${withRole.length === discovery.findings.length ? 'every account read' : withRole.join(', ')}; the stacks adopt it, nothing to write.`);
  // The role Terraform assumes (config/brownfield.ts accessRoleNameFor): Control Tower's execution role where Control
  // Tower enrolled the account (its recorder runs there), the access role elsewhere. Discovery may have read the
  // account through the other one; say so only where the role Terraform needs is missing.
  const enrolled = (f: AccountFindings) => ct !== undefined && f.controlTowerRecorder && registeredOus.includes(ouOfAccount.get(f.account.id) ?? '');
  for (const f of discovery.findings) {
    const expected = enrolled(f) ? roles.executionRoleName : roles.accessRoleName;
    if (!f.role || f.role === expected) continue;
    if (expected === roles.executionRoleName && f.controlTowerExecutionRole) continue;
    const why = expected === roles.executionRoleName ? 'which the account does not have (GetRole)' : 'which could not be assumed';
    notes.push(`${f.account.name} was read through ${f.role}; Terraform assumes ${expected} there, ${why}: create it (docs/accounts.md) before the first plan of its stack.`);
  }
  const gaps = gapLines(discovery.findings, discovery.unreachable, discovery.failures);
  return { gaps, notes };
}
