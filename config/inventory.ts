import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { LandingZoneConfig } from './schema';
import { ConfigError, show, type Problem } from './problems';
import { accountLayout, isAccountHolder, MANAGEMENT_HOLDER, type MovedFrom, type RecordedLayout } from './account-stacks';

/*
 * The account inventory: every account the landing zone has ever synthesized, kept in
 * `<config name>.inventory.json` next to the config (landing-zone.inventory.json) and committed
 * with it. `npm run synth` updates it after a successful synth; loading the config compares the
 * file against it, so an account that silently disappears from the file (a bad merge, a
 * deleted line) stops the synth before Terraform plans to remove it from the organization.
 * Taking an account out on purpose is explicit: move it to `closedAccounts` (docs/accounts.md).
 */

export const INVENTORY_VERSION = 1;

export type InventoryState = 'active' | 'suspended' | 'closed';

export interface InventoryEntry {
  readonly state: InventoryState;
  /** Account id when known (adopted accounts, closed accounts with an id). */
  readonly id?: string;
  /** Root e-mail, to recognize a renamed account. */
  readonly email?: string;
  /**
   * The stack that holds the account's resources (config/account-stacks.ts). An entry without it was written before
   * account stacks existed, when the management stack held every account.
   */
  readonly stack?: string;
  /** The stack the account moved from, and the OU it was in then, while the move's import blocks stay. */
  readonly movedFrom?: MovedFrom;
}

/** The organization an inventory belongs to: the config's organization when it was written. */
export interface InventoryOrganization {
  readonly name: string;
  readonly managementAccountId: string;
}

export interface Inventory {
  readonly version: typeof INVENTORY_VERSION;
  /**
   * The landing zone the inventory was written for. An inventory of another management account
   * (e.g. the bundled example's, left beside a config written for a new organization) is not
   * this landing zone's history: it is not checked, and the next synth starts a new one.
   * Inventories written before this field existed belong to whatever config sits beside them.
   */
  readonly organization?: InventoryOrganization;
  /** Entries by account name, sorted by name. */
  readonly accounts: Readonly<Record<string, InventoryEntry>>;
}

const NOTE =
  'Written by npm run synth: every account this landing zone has managed. Commit it with the config. An account listed here may not silently disappear from the config; see docs/accounts.md.';

/** `landing-zone.yaml` → `landing-zone.inventory.json` in the same folder. */
export function inventoryFileFor(configFile: string): string {
  const base = basename(configFile, extname(configFile));
  return join(dirname(configFile), `${base}.inventory.json`);
}

/** True when `inventory` was written for this config's organization (or records none). */
export function inventoryBelongsTo(config: LandingZoneConfig, inventory: Inventory | undefined): boolean {
  if (!inventory) return false;
  return !inventory.organization || inventory.organization.managementAccountId === config.organization.managementAccountId;
}

/** Reads an inventory; undefined when the file does not exist yet (first synth). */
export function readInventory(file: string): Inventory | undefined {
  if (!existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(file, [{ path: [], message: `is not valid JSON (${(e as Error).message}); restore it from git (git checkout -- ${basename(file)})` }], INVENTORY_NOTE(file));
  }
  const problems = inventoryShapeProblems(raw);
  if (problems.length > 0) throw new ConfigError(file, problems, INVENTORY_NOTE(file));
  return raw as Inventory;
}

const INVENTORY_NOTE = (file: string) =>
  `${basename(file)} is the account inventory that npm run synth keeps beside the config (docs/accounts.md), not the config itself; the config is checked once it is readable. If it belongs to no landing zone of yours, delete it: the next synth starts a new one.`;

function inventoryShapeProblems(raw: unknown): Problem[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [{ path: [], message: 'is not an inventory (a JSON object); restore it from git' }];
  const { version, accounts } = raw as Record<string, unknown>;
  if (version !== INVENTORY_VERSION) return [{ path: ['version'], message: `${show(version)} is not a known inventory version; expected ${INVENTORY_VERSION}` }];
  if (typeof accounts !== 'object' || accounts === null || Array.isArray(accounts)) return [{ path: ['accounts'], message: 'must be an object of accounts by name; restore it from git' }];
  const { organization } = raw as Record<string, unknown>;
  if (organization !== undefined && (typeof organization !== 'object' || organization === null || typeof (organization as Record<string, unknown>).managementAccountId !== 'string')) {
    return [{ path: ['organization'], message: `${show(organization)} must be { name, managementAccountId }; restore it from git` }];
  }
  const problems: Problem[] = [];
  for (const [name, entry] of Object.entries(accounts)) {
    const { state, stack, movedFrom } = (entry ?? {}) as Record<string, unknown>;
    if (state !== 'active' && state !== 'suspended' && state !== 'closed') {
      problems.push({ path: ['accounts', name, 'state'], message: `${show(state)} must be active, suspended or closed` });
    }
    if (stack !== undefined && (typeof stack !== 'string' || !isAccountHolder(stack))) {
      problems.push({ path: ['accounts', name, 'stack'], message: `${show(stack)} is not a stack that holds accounts (management or accounts-<n>); restore it from git` });
    }
    const from = movedFrom as Record<string, unknown> | undefined;
    if (from !== undefined && (typeof from !== 'object' || from === null || typeof from.stack !== 'string' || !isAccountHolder(from.stack) || typeof from.ou !== 'string')) {
      problems.push({ path: ['accounts', name, 'movedFrom'], message: `${show(movedFrom)} must be { stack, ou }; restore it from git` });
    }
  }
  return problems;
}

/**
 * Accounts the inventory knows that the config lost: each is a problem naming the account and
 * the ways out. Closed accounts may be absent; a closed account that comes back is a new one.
 */
export function checkInventory(config: LandingZoneConfig, inventory: Inventory | undefined, inventoryFile: string): Problem[] {
  if (!inventory || !inventoryBelongsTo(config, inventory)) return [];
  const inConfig = new Set([...config.accounts.map((a) => a.name), ...config.closedAccounts.map((a) => a.name)]);
  const problems: Problem[] = [];
  for (const [name, entry] of Object.entries(inventory.accounts)) {
    if (entry.state === 'closed' || inConfig.has(name)) continue;
    const renamed = entry.email && config.accounts.find((a) => a.email.toLowerCase() === entry.email!.toLowerCase() && !(a.name in inventory.accounts));
    const id = entry.id ? ` (${entry.id})` : '';
    const why = renamed
      ? `looks renamed to ${show(renamed.name)} (same email); an account's name is its identity in code and renaming it would replace the account, so change the name back`
      : `is missing from accounts, but ${basename(inventoryFile)} records it as ${entry.state}; applying would remove it from the organization. Put it back under accounts, set state: suspended to park it in the Suspended OU, or, to close it for good, move it to closedAccounts (docs/accounts.md)`;
    problems.push({ path: ['accounts'], message: `account ${show(name)}${id} ${why}` });
  }
  return problems;
}

/** The inventory after synthesizing `config`: every account of the config, plus every earlier entry. */
export function nextInventory(config: LandingZoneConfig, previous: Inventory | undefined): Inventory {
  const own = inventoryBelongsTo(config, previous) ? previous : undefined;
  const accounts: Record<string, InventoryEntry> = { ...(own?.accounts ?? {}) };
  const { placements, closedHolders } = accountLayout(config);
  for (const a of config.accounts) {
    const before = accounts[a.name];
    const { stack, movedFrom } = placements.get(a.name)!;
    accounts[a.name] = { state: a.state, ...((a.id ?? before?.id) ? { id: a.id ?? before?.id } : {}), email: a.email, stack, ...(movedFrom ? { movedFrom } : {}) };
  }
  for (const c of config.closedAccounts) {
    const before = accounts[c.name];
    const id = c.id ?? before?.id;
    accounts[c.name] = { state: 'closed', ...(id ? { id } : {}), ...(before?.email ? { email: before.email } : {}), stack: closedHolders.get(c.name)! };
  }
  const sorted = Object.fromEntries(Object.keys(accounts).sort().map((name) => [name, accounts[name]]));
  const { name, managementAccountId } = config.organization;
  return { version: INVENTORY_VERSION, organization: { name, managementAccountId }, accounts: sorted };
}

/**
 * Where the inventory records each account's stack, for the layout (config/account-stacks.ts): an entry written
 * before account stacks existed is in the management stack, which then held every account.
 */
export function recordedLayoutOf(inventory: Inventory): RecordedLayout {
  return Object.fromEntries(
    Object.entries(inventory.accounts).map(([name, entry]) => [name, { stack: entry.stack ?? MANAGEMENT_HOLDER, ...(entry.movedFrom ? { movedFrom: entry.movedFrom } : {}) }]),
  );
}

/** Serialized form: stable key order, a note for whoever opens it. */
export function renderInventory(inventory: Inventory): string {
  const organization = inventory.organization ? { organization: inventory.organization } : {};
  return `${JSON.stringify({ $comment: NOTE, version: inventory.version, ...organization, accounts: inventory.accounts }, null, 2)}\n`;
}

/** Writes the inventory when its content changed (atomically); returns true when it wrote. */
export function writeInventory(file: string, inventory: Inventory): boolean {
  const text = renderInventory(inventory);
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return false;
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
  return true;
}
