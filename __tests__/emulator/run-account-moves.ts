import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ListAccountsCommand, ListParentsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { nextInventory, recordedLayoutOf, renderInventory } from '../../config/inventory';
import { accountsMovedFrom } from '../../config/account-stacks';
import type { LandingZoneConfig } from '../../config/schema';
import { runLz } from '../config/broken-configs';
import { exampleText } from '../harness/config';
import { applyConfigOnEmulator, type ExampleRun } from '../harness/emulator/apply';
import { emulatorConfigText, emulatorExampleConfigs, type EmulatorConfigs } from '../harness/emulator/config';
import { startForwardProxy, type ForwardProxy } from '../harness/emulator/forward-proxy';
import { startMoto, type MotoServer } from '../harness/emulator/moto';
import { emulatorTable } from '../harness/emulator/report';
import { EMULATOR_GAPS } from './gaps';
import { applyFailures, dirtySecondPlans, emulatorPlan, stopEmulator } from './run-example';

/** Accounts a stack holds in the second run: the management stack keeps log-archive and security, shop-prod moves. */
const PER_STACK = 2;

/** What moto's organization holds: every account with its name, e-mail, status and parent. */
async function organizationOf(endpoint: string): Promise<Array<Record<string, string>>> {
  const client = new OrganizationsClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  try {
    const accounts = (await client.send(new ListAccountsCommand({}))).Accounts ?? [];
    const rows = [];
    for (const a of accounts) {
      const parent = (await client.send(new ListParentsCommand({ ChildId: a.Id! }))).Parents?.[0]?.Id ?? '';
      rows.push({ id: a.Id!, name: a.Name!, email: a.Email!, status: String(a.Status), parent });
    }
    return rows.sort((x, y) => x.id.localeCompare(y.id));
  } finally {
    client.destroy();
  }
}

/** The resource changes of a saved plan JSON (`<stack>.json`). */
function changesOf(plansDir: string, stack: string): Array<{ address: string; type: string; change: { actions: string[]; importing?: { id: string } } }> {
  return JSON.parse(readFileSync(join(plansDir, `${stack}.json`), 'utf8')).resource_changes ?? [];
}

/** `lz review-plan` on a folder of plans, with the config file beside the inventory that records the old layout. */
async function reviewPlans(plansDir: string, configFile: string): Promise<{ code: number; output: string }> {
  return runLz(['review-plan', plansDir, '--config', configFile]);
}

/**
 * An organization applied with every account in the management stack (examples/minimal.yaml, as landing zones before
 * account stacks were), then the same config with two accounts a stack: shop-prod moves to accounts-1. The second
 * apply forgets it in the management stack and imports it into accounts-1 (its id looked up in its OU), destroys and
 * replaces nothing, leaves the organization in moto as it was, and plans clean afterwards; lz review-plan passes the
 * management stack's wave alone and the whole move.
 */
export function accountMovesSuite(): void {
  const plan = emulatorPlan('account-moves');
  if (!plan.run) {
    describe.skip('emulator apply: accounts moving into account stacks', () => it('skipped', () => undefined));
    // eslint-disable-next-line no-console
    console.log(plan.note);
    return;
  }
  describe('emulator apply: accounts moving into account stacks (examples/minimal.yaml, then 2 accounts a stack)', () => {
    let moto: MotoServer | undefined;
    let proxy: ForwardProxy | undefined;
    let workDir: string | undefined;
    let before: ExampleRun;
    let moved: ExampleRun;
    let movedConfig: LandingZoneConfig;
    let organizationBefore: Array<Record<string, string>>;
    let organizationAfter: Array<Record<string, string>>;
    let plansDir = '';
    let configFile = '';

    beforeAll(async () => {
      moto = await startMoto();
      proxy = await startForwardProxy(moto.port);
      workDir = mkdtempSync(join(tmpdir(), 'lz-emulator-account-moves-'));
      const endpoints = { endpoint: moto.endpoint, proxyUrl: proxy.url };
      const configs = emulatorExampleConfigs('minimal', moto.endpoint);
      before = await applyConfigOnEmulator('minimal (every account in management)', configs, workDir, endpoints, EMULATOR_GAPS, { recheckGaps: false });
      organizationBefore = await organizationOf(moto.endpoint);

      // What the first synth's inventory records (every account in the management stack), and the config with fewer
      // accounts a stack, as the loader reads them from disk.
      const inventory = nextInventory(configs.config, undefined);
      const input = JSON.parse(emulatorConfigText(parse(exampleText('minimal')), configs.seeded));
      input.layout = { accountsPerStack: PER_STACK };
      configFile = join(workDir, 'review', 'landing-zone.yaml');
      mkdirSync(join(workDir, 'review'), { recursive: true });
      writeFileSync(configFile, JSON.stringify(input, null, 2));
      writeFileSync(join(workDir, 'review', 'landing-zone.inventory.json'), renderInventory(inventory));
      movedConfig = { ...configs.config, layout: { accountsPerStack: PER_STACK }, recordedLayout: recordedLayoutOf(inventory) };
      const movedConfigs: EmulatorConfigs = { ...configs, config: movedConfig };
      plansDir = join(workDir, 'plans');
      mkdirSync(plansDir, { recursive: true });
      moved = await applyConfigOnEmulator('minimal, 2 accounts a stack', movedConfigs, workDir, endpoints, EMULATOR_GAPS, { recheckGaps: false, savePlansTo: plansDir });
      organizationAfter = await organizationOf(moto.endpoint);
      // eslint-disable-next-line no-console
      console.log(`${emulatorTable(before)}\n\n${emulatorTable(moved)}`);
    }, 60 * 60_000);

    afterAll(() => stopEmulator(proxy, moto, workDir), 60_000);

    it('applies the old layout, then the move, without an error', () => {
      expect(applyFailures(before)).toEqual([]);
      expect(applyFailures(moved)).toEqual([]);
      expect(accountsMovedFrom(movedConfig, 'management').map((m) => `${m.account.name} -> ${m.to}`)).toEqual(['shop-prod -> accounts-1']);
    });

    it('forgets the account and its assignments in the management stack and imports the same objects into accounts-1, destroying, replacing and creating nothing', () => {
      const management = changesOf(plansDir, 'management');
      const accounts1 = changesOf(plansDir, 'accounts-1');
      const forgotten = management.filter((c) => c.change.actions.includes('forget'));
      expect(forgotten.map((c) => c.type)).toContain('aws_organizations_account');
      const imported = accounts1.filter((c) => c.change.importing);
      expect(imported.map((c) => c.address).sort()).toEqual(forgotten.map((c) => c.address).sort());
      const account = imported.find((c) => c.type === 'aws_organizations_account')!;
      expect(account.change.importing!.id).toBe(organizationBefore.find((a) => a.name === 'shop-prod')!.id);
      for (const stack of readdirSync(plansDir).map((f) => f.replace(/\.json$/, ''))) {
        const risky = changesOf(plansDir, stack).filter((c) => c.change.actions.includes('delete') || (c.change.actions.includes('create') && !c.change.importing));
        expect({ stack, risky: risky.map((c) => `${c.change.actions.join('+')} ${c.address}`) }).toEqual({ stack, risky: [] });
      }
    });

    it('leaves the organization in the emulator as it was: the same accounts, e-mails, states and OUs', () => {
      expect(organizationAfter).toEqual(organizationBefore);
    });

    it('plans clean after the move, in every stack', () => expect(dirtySecondPlans(moved)).toEqual([]));

    it('lz review-plan passes the management stack\'s wave alone (the move is in the config) and the whole move', async () => {
      const alone = join(workDir!, 'plans-management');
      mkdirSync(alone, { recursive: true });
      copyFileSync(join(plansDir, 'management.json'), join(alone, 'management.json'));
      const wave = await reviewPlans(alone, configFile);
      expect({ code: wave.code, output: wave.code === 0 ? 'passed' : wave.output }).toEqual({ code: 0, output: 'passed' });
      const all = await reviewPlans(plansDir, configFile);
      expect({ code: all.code, output: all.code === 0 ? 'passed' : all.output }).toEqual({ code: 0, output: 'passed' });
    });
  });
}
