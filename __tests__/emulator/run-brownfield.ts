import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../cli/binary';
import { applyConfigOnEmulator, type ExampleRun } from '../harness/emulator/apply';
import {
  adoptSectionsOf,
  brownfieldConfigs,
  expectedAdopt,
  expectedImports,
  firstPlansOf,
  importProblems,
  inspectBrownfield,
  lzImport,
  MANAGEMENT,
  parseImported,
  seedBrownfield,
  type AccountIds,
  type AccountState,
  type SeedFindings,
} from '../harness/emulator/brownfield';
import { startForwardProxy, type ForwardProxy } from '../harness/emulator/forward-proxy';
import { startMoto, type MotoServer } from '../harness/emulator/moto';
import { emulatorTable } from '../harness/emulator/report';
import { entryLabel } from '../harness/emulator/switches';
import { BROWNFIELD_SCENARIO as SCENARIO } from './brownfield-scenario';
import { EMULATOR_GAPS } from './gaps';
import { applyFailures, dirtySecondPlans, emulatorPlan, stopEmulator } from './run-example';

/** `value` with every list of strings sorted (discovery lists what it finds in its own order). */
function sorted(value: unknown): any {
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? [...value].sort() : value.map(sorted);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sorted(v)]));
  return value;
}

/** The imports of every stack's first plan, one line each, for the printed report. */
function importLines(run: ExampleRun): string[] {
  return run.stacks.flatMap((s) => [
    ...(s.firstPlan?.imports ?? []).map((i) => `  ${s.stack}: import ${i.type} ${JSON.stringify(i.id)}${i.actions.some((a) => a !== 'no-op') ? ` (then ${i.actions.join(', ')})` : ''}`),
    ...s.importsDropped.map((d) => `  ${s.stack}: import left out with its switched-off resource (gap): ${d}`),
  ]);
}

/**
 * The brownfield scenario (brownfield-scenario.ts) against moto: seed the organization and what its
 * accounts already run, `lz import` (the built CLI) against moto, the harness's usual config edits,
 * then every stack planned, applied and planned again (applyConfigOnEmulator). Asserts that the first
 * plans import what exists (and create no second of anything AWS allows once), that everything applies
 * and plans clean after, and that moto still holds exactly the original recorder and channel.
 */
export function brownfieldSuite(): void {
  const plan = emulatorPlan('brownfield');
  if (!plan.run) {
    describe.skip('emulator apply: brownfield scenario', () => it('skipped', () => undefined));
    // eslint-disable-next-line no-console
    console.log(plan.note);
    return;
  }
  describe('emulator apply: brownfield scenario (lz import, then adopt)', () => {
    let moto: MotoServer | undefined;
    let proxy: ForwardProxy | undefined;
    let workDir: string | undefined;
    let run: ExampleRun | undefined;
    let ids: AccountIds = {};
    let findings: SeedFindings = {};
    let imported: any;
    let roles: Record<string, string> = {};
    let after: Record<string, AccountState> = {};

    beforeAll(async () => {
      ensureBuilt();
      moto = await startMoto();
      proxy = await startForwardProxy(moto.port);
      const endpoints = { endpoint: moto.endpoint, proxyUrl: proxy.url };
      workDir = mkdtempSync(join(tmpdir(), 'lz-emulator-brownfield-'));
      const seed = await seedBrownfield(SCENARIO, endpoints);
      ({ ids, findings } = seed);
      const text = await lzImport(SCENARIO, endpoints);
      writeFileSync(join(workDir, 'landing-zone.imported.yaml'), text);
      imported = parseImported(text);
      roles = Object.fromEntries((imported.accounts ?? []).map((a: { name: string; role?: string }) => [a.name, a.role ?? 'workload']));
      const configs = brownfieldConfigs(imported, SCENARIO, seed.seeded);
      // Only the entries for adopted resources are re-checked here; the examples' runs re-check the rest.
      run = await applyConfigOnEmulator('brownfield', configs, workDir, endpoints, EMULATOR_GAPS, { recheckGaps: (e) => e.imported === true, inspectFirstPlan: true });
      after = await inspectBrownfield(SCENARIO, ids, moto.endpoint);
      // eslint-disable-next-line no-console
      console.log(`${emulatorTable(run)}\nfirst plans, imports:\n${importLines(run).join('\n') || '  (none)'}`);
    }, 60 * 60_000);

    afterAll(() => stopEmulator(proxy, moto, workDir), 60_000);

    it('lz import writes an adopt section for everything the accounts already run', () => {
      const expected = expectedAdopt(SCENARIO, findings);
      const found = adoptSectionsOf(imported);
      for (const [account, section] of Object.entries(expected)) {
        expect({ account, adopt: sorted(found[account] ?? {}) }).toEqual({ account, adopt: expect.objectContaining(sorted(section)) });
      }
    });

    it('the first plans import what exists, and create no second recorder, channel or account-wide setting', () => {
      const { plans, dropped } = firstPlansOf(run!);
      expect(importProblems(expectedImports(SCENARIO, roles, findings), plans, dropped)).toEqual([]);
    });

    it('applies every stack, except the listed gaps, without an error', () => expect(applyFailures(run!)).toEqual([]));

    it('plans no changes after the apply', () => expect(dirtySecondPlans(run!)).toEqual([]));

    it('still fails every gap-list entry for adopted resources when it is switched back on', () => {
      const adoptedEntries = EMULATOR_GAPS.filter((e) => e.imported);
      expect(run!.gapChecks.map((c) => c.entry)).toEqual(expect.arrayContaining(adoptedEntries));
      const gone = run!.gapChecks.filter((c) => c.outcome === 'unproven' || c.outcome === 'works').map((c) => `${c.stack}: ${entryLabel(c.entry)} ${c.outcome}: ${c.evidence}`);
      expect(gone).toEqual([]);
    });

    it('leaves exactly one Config recorder and delivery channel per account and region, the existing ones under their names', () => {
      const accounts = [{ name: MANAGEMENT, existing: SCENARIO.management }, ...SCENARIO.accounts.map((a) => ({ name: a.name, existing: a.existing }))];
      for (const { name, existing } of accounts) {
        for (const region of SCENARIO.regions) {
          const legacy = existing.configRecorders?.[region];
          const state = { account: name, region, recorders: after[name].configRecorders[region], channels: after[name].deliveryChannels[region] };
          expect(state).toEqual({ account: name, region, recorders: legacy ? [legacy.recorder] : [expect.any(String)], channels: legacy ? [legacy.deliveryChannel] : [expect.any(String)] });
        }
      }
    });

    it('keeps the other existing resources: one detector each (the original), the trail, the budget, the password policy, one Config service-linked role', () => {
      const accounts = [{ name: MANAGEMENT, existing: SCENARIO.management }, ...SCENARIO.accounts.map((a) => ({ name: a.name, existing: a.existing }))];
      for (const { name, existing } of accounts) {
        const state = after[name];
        for (const region of existing.guardDutyDetectors ?? []) expect({ name, region, detectors: state.guardDutyDetectors[region] }).toEqual({ name, region, detectors: [findings[name].guardDutyDetectors[region]] });
        for (const trail of existing.trails ?? []) expect(state.trails).toContain(trail.name);
        for (const budget of existing.budgets ?? []) expect(state.budgets.filter((b) => b === budget)).toEqual([budget]);
        if (existing.passwordPolicy) expect(state.passwordPolicy).toBe(true);
        if (existing.configServiceLinkedRole) expect({ name, roles: state.configServiceLinkedRoles.length }).toEqual({ name, roles: 1 });
      }
    });
  });
}
