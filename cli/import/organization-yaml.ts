import { Document } from 'yaml';
import { parseConfig } from '../../config/load';
import { ConfigError } from '../../config/problems';
import { SUSPENDED_OU } from '../../config/model';
import { serviceAccessPrincipals } from '../../stacks/management/service-access';
import type { ExistingAccount, ExistingOrganization } from '../../discovery/aws/read-organization';
import { configName } from '../../discovery/names';
import { UserError } from '../../lib/user-error';
import { DEFAULT_ACCESS_ROLE } from '../../config/schema/organization';
import { writePolicyRecords } from './policy-records';
import { behaviourSettingsNote } from './takeover-notes';
import { addHeaderNotes } from './write-discovery';

/** Config OU name for the existing top-level Suspended OU when active accounts live in it. */
export const SUSPENDED_WITH_ACTIVE = 'Suspended-active';

/** `path` with its first segment `from` replaced by `to`. */
function renameTop(path: string, from: string, to: string): string {
  return path === from ? to : path.startsWith(`${from}/`) ? `${to}${path.slice(from.length)}` : path;
}

/** Longest organization.name taken from the management account's name (physical names must stay within AWS limits). */
const MAX_DERIVED_ORG_NAME = 20;

export interface ImportOptions {
  /** Name (in AWS or in the config) of the log-archive account. @default - the account whose name contains "log" */
  readonly logArchive?: string;
  /** Name of the security account. @default - the account whose name contains "security" or "audit" */
  readonly security?: string;
  /** organization.name. @default - from the management account's name */
  readonly name?: string;
  readonly homeRegion: string;
  readonly governedRegions: readonly string[];
  /** S3 state bucket. @default - local state */
  readonly stateBucket?: string;
  /** organization.accessRoleName, the role Terraform and lz import assume in member accounts. @default - OrganizationAccountAccessRole (not written) */
  readonly accessRoleName?: string;
}

function pickRole(accounts: ReadonlyArray<ExistingAccount & { configName: string }>, wanted: string | undefined, guess: RegExp, role: string, flag: string): string {
  if (wanted) {
    const found = accounts.find((a) => a.name === wanted || a.configName === wanted || a.id === wanted);
    if (!found) throw new UserError(`${flag} ${JSON.stringify(wanted)} is not an account of the organization; have ${accounts.map((a) => a.name).join(', ')}`);
    return found.id;
  }
  const guesses = accounts.filter((a) => guess.test(a.name));
  if (guesses.length !== 1) {
    throw new UserError(
      `cannot tell which account is the ${role} account (${guesses.length === 0 ? 'no account name matches' : `several match: ${guesses.map((a) => a.name).join(', ')}`}); name it with ${flag} <account name>`,
    );
  }
  return guesses[0].id;
}

/**
 * The landing-zone.yaml text for an existing organization read without discovery (organizationDocument, then the
 * organization's policy records and the takeover notes).
 */
export function organizationToYaml(org: ExistingOrganization, options: ImportOptions): string {
  const doc = organizationDocument(org, options);
  finishImportedDocument(doc, org, []);
  return doc.toString({ lineWidth: 0 });
}

/**
 * The records of the organization itself, written last (they depend on what the file creates, Control Tower
 * included): rootId, additionalPolicyTypes, guardrails.existing and adoptions (writePolicyRecords), then the header
 * notes: `notes`, those of the records, the behaviour settings left off, and `last` (the gaps).
 */
export function finishImportedDocument(doc: Document, org: ExistingOrganization, notes: readonly string[], last: readonly string[] = []): void {
  const records = writePolicyRecords(doc, org, { mode: 'import' });
  addHeaderNotes(doc, [...notes, ...records, ...behaviourSettingsNote(doc), ...last]);
}

/**
 * The landing-zone.yaml document for an existing organization: organization.id, rootId and ouIds so that the first
 * plan imports the organization and OUs, every active member account with its id (imported, never created) and a
 * role, the trusted-access principals to keep, and the header notes on what was mapped or left out.
 */
export function organizationDocument(org: ExistingOrganization, options: ImportOptions): Document {
  const management = org.accounts.find((a) => a.id === org.managementAccountId);
  const active = org.accounts
    .filter((a) => a.id !== org.managementAccountId && a.status === 'ACTIVE')
    .map((a) => ({ ...a, configName: configName(a.name) }));
  const seen = new Map<string, number>();
  for (const a of active) {
    const n = (seen.get(a.configName) ?? 0) + 1;
    seen.set(a.configName, n);
    if (n > 1) a.configName = `${a.configName.slice(0, 36)}-${n}`;
  }
  const logId = pickRole(active, options.logArchive, /log/i, 'log-archive', '--log-archive');
  const securityId = pickRole(active, options.security, /secur|audit/i, 'security', '--security');
  if (logId === securityId) throw new UserError('the log-archive and the security account must be two different accounts; name them with --log-archive and --security');
  const rooted = active.filter((a) => a.ouPath === '');

  // The landing zone keeps a top-level "Suspended" OU for state: suspended accounts under deny-all.
  // An existing one that holds active accounts is adopted under another config name, so those
  // accounts stay active and nothing is denied to them.
  const suspendedActive = active.filter((a) => a.ouPath === SUSPENDED_OU);
  const ouRename = (path: string) => (suspendedActive.length > 0 ? renameTop(path, SUSPENDED_OU, SUSPENDED_WITH_ACTIVE) : path);
  const ous = org.organizationalUnits.map((o) => ({ ...o, path: ouRename(o.path) }));
  const ouPaths = ous.map((o) => o.path);
  const derivedName = configName(management?.name ?? 'landing-zone').slice(0, MAX_DERIVED_ORG_NAME).replace(/-+$/, '');

  const config: Record<string, unknown> = {
    organization: {
      name: options.name ?? derivedName,
      managementAccountId: org.managementAccountId,
      id: org.id,
      rootId: org.rootId,
      homeRegion: options.homeRegion,
      governedRegions: [...options.governedRegions],
      ...(options.accessRoleName && options.accessRoleName !== DEFAULT_ACCESS_ROLE ? { accessRoleName: options.accessRoleName } : {}),
      ...(ous.length > 0 ? { ouIds: Object.fromEntries(ous.map((o) => [o.path, o.id])) } : {}),
    },
    state: options.stateBucket ? { backend: 's3', bucket: options.stateBucket, region: options.homeRegion } : { backend: 'local' },
    organizationalUnits: [...ouPaths],
    accounts: active.map((a) => ({
      name: a.configName,
      email: a.email,
      ou: a.ouPath ? ouRename(a.ouPath) : 'Imported',
      ...(a.id === logId ? { role: 'log-archive' } : a.id === securityId ? { role: 'security' } : {}),
      id: a.id,
    })),
  };
  if (rooted.length > 0 && !ouPaths.includes('Imported')) (config.organizationalUnits as string[]).push('Imported');

  // Trusted access the organization has and the landing zone would not enable itself: kept, or the first apply
  // of the management stack switches it off.
  const kept = principalsToKeep(org, config);
  if (kept.length > 0) (config.organization as Record<string, unknown>).additionalServiceAccessPrincipals = kept;

  const doc = new Document(config);
  const notes = [
    `Written by lz import from organization ${org.id} (management account ${org.managementAccountId}).`,
    'Ids make the first plan import the organization, OUs and accounts instead of creating them;',
    'review the plan: it must show imports and in-place changes only. See docs/operations.md.',
  ];
  if (kept.length > 0) notes.push(`Trusted access enabled outside the landing zone is kept (organization.additionalServiceAccessPrincipals): ${kept.join(', ')}; remove what you no longer use.`);
  if (rooted.length > 0) notes.push(`Accounts directly under the root (${rooted.map((a) => a.name).join(', ')}) are placed in a new OU "Imported": move them where they belong.`);
  const renamed = ous.filter((o) => o.awsName !== undefined);
  if (renamed.length > 0) {
    notes.push(
      `OU names a config path cannot hold as written (a "/", leading or trailing spaces, "Root") were mapped: ${renamed.map((o) => `${JSON.stringify(o.awsName)} → ${JSON.stringify(o.path.split('/').pop())}`).join(', ')}; the first apply renames them in AWS (same OU id, policies and accounts). Rename them here to keep another name.`,
    );
  }
  if (suspendedActive.length > 0) {
    notes.push(
      `The existing OU "${SUSPENDED_OU}" holds active accounts (${suspendedActive.map((a) => a.name).join(', ')}). This landing zone reserves "${SUSPENDED_OU}" for accounts with state: suspended under a deny-all SCP, so the OU is adopted as "${SUSPENDED_WITH_ACTIVE}" (the first apply renames it; its id, policies and accounts stay) and the accounts stay active. To park them instead, give them state: suspended.`,
    );
  }
  if (!options.name && derivedName !== configName(management?.name ?? 'landing-zone')) {
    notes.push(`organization.name was shortened to ${JSON.stringify(derivedName)} so that physical names (buckets, keys) stay within AWS limits; pass --name to choose another.`);
  }
  const closed = org.accounts.filter((a) => a.status !== 'ACTIVE');
  if (closed.length > 0) notes.push(`Left out, not active: ${closed.map((a) => `${a.name} ${a.id} (${a.status})`).join(', ')}.`);
  doc.commentBefore = notes.map((n) => ` ${n}`).join('\n');
  return doc;
}

/**
 * What the config loader says about an imported config, or undefined when it loads. An
 * organization that does not fit the config everywhere still gets its file: the person edits it.
 */
export function importedConfigProblems(text: string, file: string): string | undefined {
  try {
    parseConfig(text, file);
    return undefined;
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
}

/**
 * The organization's trusted-access principals that the config would not enable itself. A config that does
 * not load yet keeps none here; the final check of organizationToYaml reports its problems.
 */
function principalsToKeep(org: ExistingOrganization, config: Record<string, unknown>): string[] {
  let own: Set<string>;
  try {
    own = new Set(serviceAccessPrincipals(parseConfig(new Document(config).toString({ lineWidth: 0 }), 'landing-zone.yaml')));
  } catch (e) {
    if (e instanceof ConfigError) return [];
    throw e;
  }
  return [...new Set(org.serviceAccessPrincipals ?? [])].filter((p) => !own.has(p)).sort();
}
