import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadConfigFile } from '../../config/load';
import { ConfigError } from '../../config/problems';
import { inventoryFileFor, nextInventory, readInventory, renderInventory } from '../../config/inventory';
import { synthesize } from '../../synth/synth';
import { MINIMAL_YAML } from '../harness/config';

function workspace(configText: string) {
  const dir = mkdtempSync(join(tmpdir(), 'lz-inventory-'));
  const file = join(dir, 'landing-zone.yaml');
  writeFileSync(file, configText);
  return { dir, file, inventory: join(dir, 'landing-zone.inventory.json') };
}

function loadError(file: string): string {
  try {
    loadConfigFile(file);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('expected the config to fail');
}

const base = parse(MINIMAL_YAML);
const without = (name: string) => ({ ...base, accounts: base.accounts.filter((a: any) => a.name !== name) });

describe('account inventory', () => {
  it('is written beside the config after a successful synth and lists every account with its state', () => {
    const ws = workspace(MINIMAL_YAML);
    const { config, inventoryFile } = loadConfigFile(ws.file);
    expect(inventoryFile).toBe(ws.inventory);
    const result = synthesize({ config, outdir: join(ws.dir, 'cdktf.out'), inventoryFile });
    expect(result.inventoryUpdated).toBe(true);
    expect(readInventory(ws.inventory)?.accounts).toEqual({
      'log-archive': { state: 'active', email: 'aws+log@acme.example', stack: 'management' },
      security: { state: 'active', email: 'aws+sec@acme.example', stack: 'management' },
      'shop-dev': { state: 'active', email: 'aws+shop-dev@acme.example', stack: 'management' },
      'shop-prod': { state: 'active', email: 'aws+shop-prod@acme.example', stack: 'management' },
    });
    // A second synth of the same config leaves the file alone.
    expect(synthesize({ config, outdir: join(ws.dir, 'cdktf.out'), inventoryFile }).inventoryUpdated).toBe(false);
  });

  it('fails when an account in the inventory is removed from the file, naming it and the ways out', () => {
    const ws = workspace(MINIMAL_YAML);
    writeFileSync(ws.inventory, renderInventory(nextInventory(loadConfigFile(ws.file).config, undefined)));
    writeFileSync(ws.file, stringify(without('shop-dev')));
    const message = loadError(ws.file);
    expect(message).toContain('has 1 problem:');
    expect(message).toContain(
      'accounts (line 13): account "shop-dev" is missing from accounts, but landing-zone.inventory.json records it as active; applying would remove it from the organization. Put it back under accounts, set state: suspended to park it in the Suspended OU, or, to close it for good, move it to closedAccounts (docs/accounts.md)',
    );
  });

  it('recognizes a renamed account by its email', () => {
    const ws = workspace(MINIMAL_YAML);
    writeFileSync(ws.inventory, renderInventory(nextInventory(loadConfigFile(ws.file).config, undefined)));
    writeFileSync(ws.file, stringify({ ...base, accounts: base.accounts.map((a: any) => (a.name === 'shop-dev' ? { ...a, name: 'shop-develop' } : a)) }));
    expect(loadError(ws.file)).toContain('account "shop-dev" looks renamed to "shop-develop" (same email)');
  });

  it('accepts a suspended account, and a closed one once it is under closedAccounts, and then forever', () => {
    const ws = workspace(MINIMAL_YAML);
    writeFileSync(ws.inventory, renderInventory(nextInventory(loadConfigFile(ws.file).config, undefined)));
    const suspended = { ...base, accounts: base.accounts.map((a: any) => (a.name === 'shop-dev' ? { ...a, state: 'suspended' } : a)) };
    writeFileSync(ws.file, stringify(suspended));
    expect(loadConfigFile(ws.file).config.accounts.find((a) => a.name === 'shop-dev')?.state).toBe('suspended');

    writeFileSync(ws.file, stringify({ ...without('shop-dev'), closedAccounts: [{ name: 'shop-dev', id: '222222222222' }] }));
    const loaded = loadConfigFile(ws.file);
    synthesize({ config: loaded.config, outdir: join(ws.dir, 'cdktf.out'), inventoryFile: loaded.inventoryFile });
    expect(readInventory(ws.inventory)?.accounts['shop-dev']).toEqual({ state: 'closed', id: '222222222222', email: 'aws+shop-dev@acme.example', stack: 'management' });

    writeFileSync(ws.file, stringify(without('shop-dev')));
    expect(() => loadConfigFile(ws.file)).not.toThrow();
  });

  it('is not written when the synth fails', () => {
    const ws = workspace(MINIMAL_YAML);
    const { config, inventoryFile } = loadConfigFile(ws.file);
    const broken = { ...config, accounts: [...config.accounts, { ...config.accounts[3] }] }; // duplicate construct id
    expect(() => synthesize({ config: broken, outdir: join(ws.dir, 'cdktf.out'), inventoryFile })).toThrow();
    expect(existsSync(ws.inventory)).toBe(false);
  });

  it('fails with a readable message on a corrupted inventory', () => {
    const ws = workspace(MINIMAL_YAML);
    writeFileSync(ws.inventory, '{ not json');
    expect(loadError(ws.file)).toMatch(/landing-zone\.inventory\.json has 1 problem:\n {2}\(top level\): is not valid JSON .*; restore it from git/);
  });

  it('records the organization it belongs to, and ignores then replaces the inventory of another organization', () => {
    const ws = workspace(MINIMAL_YAML);
    const ours = nextInventory(loadConfigFile(ws.file).config, undefined);
    expect(ours.organization).toEqual({ name: 'acme', managementAccountId: '111111111111' });
    const theirs = { ...ours, organization: { name: 'example', managementAccountId: '999999999999' }, accounts: { ...ours.accounts, 'gone-account': { state: 'active' as const } } };
    writeFileSync(ws.inventory, renderInventory(theirs));
    const loaded = loadConfigFile(ws.file);
    expect(loaded.inventoryNote).toContain('was written for another organization (example, management account 999999999999)');
    expect(Object.keys(nextInventory(loaded.config, readInventory(ws.inventory)).accounts)).not.toContain('gone-account');
    // The same inventory for this organization would stop the load: gone-account is missing.
    writeFileSync(ws.inventory, renderInventory({ ...theirs, organization: ours.organization }));
    expect(loadError(ws.file)).toContain('account "gone-account" is missing from accounts');
  });

  it('keeps closed accounts closed: their e-mail is not reused and their name comes back only with their id', () => {
    const ws = workspace(MINIMAL_YAML);
    const config = loadConfigFile(ws.file).config;
    const closed = { ...nextInventory(config, undefined) };
    writeFileSync(ws.inventory, renderInventory({ ...closed, accounts: { ...closed.accounts, 'old-poc': { state: 'closed', id: '555555555555', email: 'poc@acme.example' } } }));
    writeFileSync(ws.file, stringify({ ...base, accounts: [...base.accounts, { name: 'new-poc', email: 'POC@acme.example', ou: 'Workloads/Dev' }] }));
    expect(loadError(ws.file)).toContain('accounts[4].email (line 28): "POC@acme.example" belongs to the closed account "old-poc" (555555555555); AWS never lets the e-mail of a closed account be used again');
    writeFileSync(ws.file, stringify({ ...base, accounts: [...base.accounts, { name: 'old-poc', email: 'poc2@acme.example', ou: 'Workloads/Dev' }] }));
    expect(loadError(ws.file)).toContain('"old-poc" is a closed account (555555555555) in the account inventory; without its id it would be created again as a new AWS account');
    writeFileSync(ws.file, stringify({ ...base, accounts: [...base.accounts, { name: 'old-poc', email: 'poc@acme.example', ou: 'Workloads/Dev', id: '555555555555' }] }));
    expect(loadConfigFile(ws.file).config.accounts[4].id).toBe('555555555555');
  });

  it('names the inventory after the config file', () => {
    expect(inventoryFileFor('examples/enterprise.yaml')).toBe(join('examples', 'enterprise.inventory.json'));
  });
});
