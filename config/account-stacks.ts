import type { AccountConfig, LandingZoneConfig, MovedFrom, RecordedPlacement } from './schema';

export type { MovedFrom, RecordedLayout, RecordedPlacement } from './schema';
import { effectiveOu } from './model';

/*
 * Which stack holds each account's per-account resources: the account itself, its policy attachments, its
 * Identity Center assignments and its Detective / Inspector / Macie enrolments (stacks/accounts/). While every
 * account fits in layout.accountsPerStack, the management stack holds them all. Once the organization has more (or
 * the inventory records an account stack), the management stack keeps the core accounts only and the workload
 * accounts fill accounts-1, accounts-2, ... of that many each: no stack grows with the organization, and a
 * one-account change plans one bounded account stack, never the management stack, whose plan reads back every
 * account of the organization (docs/performance.md, "Account stacks").
 *
 * An account keeps the stack the account inventory records for it (config/inventory.ts): adding, closing or
 * reordering accounts never moves another. An account the inventory knows but whose stack it does not record was
 * synthesized before account stacks existed, when the management stack held every account. An account moves only
 * when its stack is over capacity (accountsPerStack lowered, or an organization outgrowing the management stack,
 * whose workload accounts then all move): its old stack forgets its resources (`removed`, never destroy) and its
 * new stack imports them (stacks/accounts/moves.ts).
 */

/** The stack that holds the core accounts, and every account while the organization fits in it: the management stack. */
export const MANAGEMENT_HOLDER = 'management';
/** Account stacks are `accounts-1`, `accounts-2`, ... */
export const ACCOUNT_STACK_PREFIX = 'accounts-';
/** An account stack id. */
export const ACCOUNT_STACK_ID = /^accounts-[1-9]\d*$/;

/** Where an account of the config is held, and whether it moved there. */
export interface AccountPlacement {
  readonly stack: string;
  /**
   * The stack that held the account before: this stack imports its resources and that one forgets them. Kept while
   * the account stays in the OU it moved in, so a synth before the move's apply writes the same blocks again.
   * @default - not moved
   */
  readonly movedFrom?: MovedFrom;
}

export interface AccountLayout {
  /** Every account of the config by name. */
  readonly placements: ReadonlyMap<string, AccountPlacement>;
  /** The stack of each closed account (its `removed` block lives there), by name. */
  readonly closedHolders: ReadonlyMap<string, string>;
  /** Account stack ids in use (accounts-1, ...), in number order. */
  readonly accountStackIds: readonly string[];
}

/** `accounts-<n>`. */
export function accountStackId(n: number): string {
  return `${ACCOUNT_STACK_PREFIX}${n}`;
}

function stackNumber(stackId: string): number {
  return stackId === MANAGEMENT_HOLDER ? 0 : Number(stackId.slice(ACCOUNT_STACK_PREFIX.length));
}

/** Whether `stackId` may hold accounts: the management stack or an account stack. */
export function isAccountHolder(stackId: string): boolean {
  return stackId === MANAGEMENT_HOLDER || ACCOUNT_STACK_ID.test(stackId);
}

const layouts = new WeakMap<LandingZoneConfig, AccountLayout>();

/** The account layout of `config` (computed once per config object). */
export function accountLayout(config: LandingZoneConfig): AccountLayout {
  let layout = layouts.get(config);
  if (!layout) {
    layout = computeLayout(config);
    layouts.set(config, layout);
  }
  return layout;
}

/** The stack that holds `accountName`'s per-account resources. */
export function holderOf(config: LandingZoneConfig, accountName: string): string {
  const placement = accountLayout(config).placements.get(accountName);
  if (!placement) throw new Error(`account "${accountName}" is not in the landing zone`);
  return placement.stack;
}

/** The accounts of the config that `stackId` holds, in config order. */
export function accountsHeldBy(config: LandingZoneConfig, stackId: string): AccountConfig[] {
  const { placements } = accountLayout(config);
  return config.accounts.filter((a) => placements.get(a.name)!.stack === stackId);
}

/** Accounts that moved from `stackId` to another stack, with where they went, in config order. */
export function accountsMovedFrom(config: LandingZoneConfig, stackId: string): { account: AccountConfig; to: string }[] {
  const { placements } = accountLayout(config);
  return config.accounts.flatMap((account) => {
    const p = placements.get(account.name)!;
    return p.movedFrom?.stack === stackId ? [{ account, to: p.stack }] : [];
  });
}

function computeLayout(config: LandingZoneConfig): AccountLayout {
  const capacity = config.layout.accountsPerStack;
  const recorded = config.recordedLayout ?? {};
  const counts = new Map<string, number>();
  const count = (stack: string) => counts.get(stack) ?? 0;
  const placements = new Map<string, AccountPlacement>();
  const take = (account: AccountConfig, stack: string, movedFrom?: MovedFrom) => {
    counts.set(stack, count(stack) + 1);
    placements.set(account.name, movedFrom ? { stack, movedFrom } : { stack });
  };
  // The core accounts stay in the management stack: the log-archive and security stacks and the management stack's
  // delegated administrators use their ids, and those stacks run before any account stack.
  const core = config.accounts.filter((a) => a.role !== 'workload');
  const workloads = config.accounts.filter((a) => a.role === 'workload');
  for (const account of core) take(account, MANAGEMENT_HOLDER, movedInto(recorded[account.name], MANAGEMENT_HOLDER, account));

  // The management stack holds workload accounts only while every account fits in it and no account stack is on
  // record: once an organization needs account stacks, a one-account change never plans the management stack, whose
  // plan reads back every account of the organization (aws_organizations_organization: ListAccounts, 20 a page).
  const accountStacksInUse = config.accounts.length > capacity || Object.values(recorded).some((r) => ACCOUNT_STACK_ID.test(r.stack));
  const room = (stack: string) => count(stack) < (stack === MANAGEMENT_HOLDER && accountStacksInUse ? core.length : capacity);
  const unplaced: AccountConfig[] = [];
  for (const account of workloads) {
    const r = recorded[account.name];
    if (r && isAccountHolder(r.stack) && room(r.stack)) take(account, r.stack, keptMove(r, account));
    else unplaced.push(account);
  }
  for (const account of unplaced) {
    let n = 0;
    while (!room(n === 0 ? MANAGEMENT_HOLDER : accountStackId(n))) n++;
    const stack = n === 0 ? MANAGEMENT_HOLDER : accountStackId(n);
    take(account, stack, movedInto(recorded[account.name], stack, account));
  }

  const closedHolders = new Map<string, string>();
  for (const closed of config.closedAccounts) {
    const r = recorded[closed.name];
    closedHolders.set(closed.name, r && isAccountHolder(r.stack) ? r.stack : MANAGEMENT_HOLDER);
  }
  const used = new Set([...[...placements.values()].map((p) => p.stack), ...closedHolders.values()]);
  used.delete(MANAGEMENT_HOLDER);
  return { placements, closedHolders, accountStackIds: [...used].sort((a, b) => stackNumber(a) - stackNumber(b)) };
}

/** The move into `stack` of an account the inventory records elsewhere; none for a new account or one that stays. */
function movedInto(recorded: RecordedPlacement | undefined, stack: string, account: AccountConfig): MovedFrom | undefined {
  if (!recorded) return undefined;
  if (recorded.stack === stack) return keptMove(recorded, account);
  return { stack: isAccountHolder(recorded.stack) ? recorded.stack : MANAGEMENT_HOLDER, ou: effectiveOu(account) };
}

/** An earlier move stays on record while the account is in the OU it moved in (its id is looked up there). */
function keptMove(recorded: RecordedPlacement, account: AccountConfig): MovedFrom | undefined {
  return recorded.movedFrom && recorded.movedFrom.ou === effectiveOu(account) ? recorded.movedFrom : undefined;
}
