import { parse, stringify } from 'yaml';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountLayout, accountsMovedFrom, holderOf } from '../../config/account-stacks';
import { nextInventory, readInventory, recordedLayoutOf } from '../../config/inventory';
import type { LandingZoneConfig, RecordedLayout } from '../../config/schema';
import { configFrom, MINIMAL_YAML, problemsOf } from '../harness/config';
import { ConfigError } from '../../config/problems';

/** MINIMAL_YAML with `n` more workload accounts (app-1 ... app-n, alternating Prod and Dev) and `perStack`. */
function org(n: number, perStack: number, edit: (input: any) => void = () => {}): any {
  const input = parse(MINIMAL_YAML);
  for (let i = 1; i <= n; i++) input.accounts.push({ name: `app-${i}`, email: `aws+app-${i}@acme.example`, ou: i % 2 ? 'Workloads/Prod' : 'Workloads/Dev' });
  input.layout = { accountsPerStack: perStack };
  edit(input);
  return input;
}

/** The config of `input` with the layout the inventory of `previous` records (as the loader attaches it). */
function withRecord(input: any, previous?: LandingZoneConfig): LandingZoneConfig {
  const config = configFrom(input);
  if (!previous) return config;
  return { ...config, recordedLayout: recordedLayoutOf(nextInventory(previous, undefined)) };
}

const stacksOf = (config: LandingZoneConfig) => Object.fromEntries([...accountLayout(config).placements].map(([name, p]) => [name, p.stack]));

describe('account layout (config/account-stacks.ts)', () => {
  it('keeps a small organization in the management stack: no account stack', () => {
    const config = configFrom(org(3, 150));
    expect(accountLayout(config).accountStackIds).toEqual([]);
    expect(new Set(Object.values(stacksOf(config)))).toEqual(new Set(['management']));
  });

  it('leaves the management stack the core accounts once the organization outgrows it, and fills accounts-1, accounts-2, ... of accountsPerStack each', () => {
    const config = configFrom(org(10, 4));
    expect(stacksOf(config)).toEqual({
      'log-archive': 'management', security: 'management',
      'shop-prod': 'accounts-1', 'shop-dev': 'accounts-1', 'app-1': 'accounts-1', 'app-2': 'accounts-1',
      'app-3': 'accounts-2', 'app-4': 'accounts-2', 'app-5': 'accounts-2', 'app-6': 'accounts-2',
      'app-7': 'accounts-3', 'app-8': 'accounts-3', 'app-9': 'accounts-3', 'app-10': 'accounts-3',
    });
    expect(accountLayout(config).accountStackIds).toEqual(['accounts-1', 'accounts-2', 'accounts-3']);
  });

  it('keeps every recorded account where it is when an account is added in the middle of the file', () => {
    const before = configFrom(org(10, 4));
    const input = org(10, 4);
    input.accounts.splice(3, 0, { name: 'new-one', email: 'aws+new-one@acme.example', ou: 'Workloads/Dev' });
    const after = withRecord(input, before);
    const moved = [...accountLayout(after).placements].filter(([, p]) => p.movedFrom).map(([n]) => n);
    expect(moved).toEqual([]);
    for (const [name, stack] of Object.entries(stacksOf(before))) expect(holderOf(after, name)).toBe(stack);
    // Every account stack is full: the new account opens accounts-4.
    expect(holderOf(after, 'new-one')).toBe('accounts-4');
  });

  it('puts a new account into the first account stack with room, never back into the management stack', () => {
    const before = configFrom(org(10, 4));
    const input = org(10, 4, (i) => (i.accounts = i.accounts.filter((a: any) => a.name !== 'shop-dev' && a.name !== 'app-3')));
    input.closedAccounts = [{ name: 'shop-dev', id: '222222222222' }];
    input.accounts.push({ name: 'late', email: 'aws+late@acme.example', ou: 'Workloads/Dev' });
    const after = withRecord(input, before);
    expect(holderOf(after, 'late')).toBe('accounts-1');
    // The closed account's removed block stays where it was.
    expect(accountLayout(after).closedHolders.get('shop-dev')).toBe('accounts-1');
    // Fewer accounts than accountsPerStack left in all would fit the management stack; it still holds only the core accounts.
    const shrunk = withRecord(org(0, 4, (i) => (i.accounts = i.accounts.filter((a: any) => a.name !== 'shop-dev'))), before);
    expect(holderOf(shrunk, 'shop-prod')).toBe('accounts-1');
  });

  it('moves every workload account out of the management stack when the organization outgrows it, each with its OU', () => {
    const small = configFrom(org(1, 6));
    expect(new Set(Object.values(stacksOf(small)))).toEqual(new Set(['management']));
    const grown = withRecord(org(3, 6), small);
    expect(accountsMovedFrom(grown, 'management').map(({ account, to }) => `${account.name} -> ${to}`)).toEqual([
      'shop-prod -> accounts-1',
      'shop-dev -> accounts-1',
      'app-1 -> accounts-1',
    ]);
    expect(holderOf(grown, 'app-3')).toBe('accounts-1');
    expect(accountLayout(grown).placements.get('shop-dev')).toEqual({ stack: 'accounts-1', movedFrom: { stack: 'management', ou: 'Workloads/Dev' } });
  });

  it('moves the workload accounts an inventory written before account stacks records (all in management) into account stacks, each with its OU', () => {
    const legacy = withRecord(org(6, 150), configFrom(org(6, 150)));
    // What an inventory written before this change says: no stack field, so the management stack.
    const recorded: RecordedLayout = Object.fromEntries(legacy.accounts.map((a) => [a.name, { stack: 'management' }]));
    const config = { ...configFrom(org(6, 4)), recordedLayout: recorded };
    expect(accountsMovedFrom(config, 'management').map(({ account, to }) => `${account.name} -> ${to}`)).toEqual([
      'shop-prod -> accounts-1',
      'shop-dev -> accounts-1',
      'app-1 -> accounts-1',
      'app-2 -> accounts-1',
      'app-3 -> accounts-2',
      'app-4 -> accounts-2',
      'app-5 -> accounts-2',
      'app-6 -> accounts-2',
    ]);
    expect(accountLayout(config).placements.get('app-2')).toEqual({ stack: 'accounts-1', movedFrom: { stack: 'management', ou: 'Workloads/Dev' } });
  });

  it('keeps a move on record in the next synth while the account stays in its OU, and drops it once the account moves to another OU', () => {
    const legacy: RecordedLayout = Object.fromEntries(configFrom(org(2, 150)).accounts.map((a) => [a.name, { stack: 'management' }]));
    const moving = { ...configFrom(org(2, 4)), recordedLayout: legacy };
    const next = { ...configFrom(org(2, 4)), recordedLayout: recordedLayoutOf(nextInventory(moving, undefined)) };
    expect(accountLayout(next).placements.get('app-1')).toEqual({ stack: 'accounts-1', movedFrom: { stack: 'management', ou: 'Workloads/Prod' } });
    const movedOu = org(2, 4, (i) => (i.accounts.find((a: any) => a.name === 'app-1').ou = 'Workloads/Dev'));
    const later = { ...configFrom(movedOu), recordedLayout: recordedLayoutOf(nextInventory(moving, undefined)) };
    expect(accountLayout(later).placements.get('app-1')).toEqual({ stack: 'accounts-1' });
  });

  it('moves accounts out of an account stack that is over a lowered accountsPerStack, and only those', () => {
    const before = configFrom(org(10, 4));
    const after = withRecord(org(10, 3), before);
    const moves = [...accountLayout(after).placements].filter(([, p]) => p.movedFrom).map(([n, p]) => `${n}: ${p.movedFrom!.stack} -> ${p.stack}`);
    // Each stack keeps its first 3 (in config order); the fourth of each opens accounts-4.
    expect(moves).toEqual(['app-2: accounts-1 -> accounts-4', 'app-6: accounts-2 -> accounts-4', 'app-10: accounts-3 -> accounts-4']);
    for (const stack of ['management', ...accountLayout(after).accountStackIds]) {
      expect([...accountLayout(after).placements.values()].filter((p) => p.stack === stack).length).toBeLessThanOrEqual(3);
    }
  });
});

describe('account inventory records the stacks', () => {
  it('writes each account\'s stack and reads it back; an entry without one (written before account stacks) is the management stack', () => {
    const config = configFrom(org(5, 4));
    const inventory = nextInventory(config, undefined);
    expect(inventory.accounts['app-1']).toEqual({ state: 'active', email: 'aws+app-1@acme.example', stack: 'accounts-1' });
    expect(recordedLayoutOf({ version: 1, accounts: { old: { state: 'active' } } })).toEqual({ old: { stack: 'management' } });
  });

  it('refuses an inventory whose stack is not one that holds accounts, naming the entry and the fix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-layout-'));
    const file = join(dir, 'landing-zone.inventory.json');
    writeFileSync(file, JSON.stringify({ version: 1, accounts: { 'app-1': { state: 'active', stack: 'security' }, 'app-2': { state: 'active', stack: 'accounts-2', movedFrom: { stack: 'management' } } } }));
    let message = '';
    try {
      readInventory(file);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      message = e.message;
    }
    expect(message).toContain('accounts.app-1.stack');
    expect(message).toContain('"security" is not a stack that holds accounts (management or accounts-<n>); restore it from git');
    expect(message).toContain('accounts.app-2.movedFrom');
  });

  it('refuses an accountsPerStack that is not a whole number from 1 to 1000, with the path and the limit', () => {
    const text = stringify(org(1, 0));
    expect(problemsOf(text)).toContain('layout.accountsPerStack');
    expect(problemsOf(text)).toContain('must be at least 1');
    expect(problemsOf(stringify(org(1, 5000)))).toContain('must be at most 1000');
  });
});
