import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../cli/binary';
import { applyConfigOnEmulator, planOnEmulator, type ExampleRun } from '../harness/emulator/apply';
import { runLz } from '../config/broken-configs';
import {
  adoptSectionsOf,
  brownfieldConfigs,
  expectedAdopt,
  expectedImports,
  firstPlansOf,
  importProblems,
  inspectBrownfield,
  inspectOrganization,
  lzImport,
  MANAGEMENT,
  parseImported,
  seedBrownfield,
  type AccountIds,
  type AccountState,
  type OrganizationState,
  type SeedFindings,
} from '../harness/emulator/brownfield';
import type { SeededIds } from '../harness/emulator/config';
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

/** The resource changes of a saved plan JSON. */
function changesOf(plansDir: string, stack: string): Array<Record<string, any>> {
  return (JSON.parse(readFileSync(join(plansDir, `${stack}.json`), 'utf8')).resource_changes ?? []) as Array<Record<string, any>>;
}

/** `lz review-plan` (in process, as the built binary runs it) on a folder of plans with a config file. */
async function reviewPlans(plansDir: string, configText: string): Promise<{ code: number; output: string; result: any }> {
  const configFile = join(plansDir, '..', 'landing-zone.review.yaml');
  writeFileSync(configFile, configText);
  const json = await runLz(['review-plan', plansDir, '--config', configFile, '--format', 'json']);
  const human = await runLz(['review-plan', plansDir, '--config', configFile]);
  let result: any;
  try {
    result = JSON.parse(json.output);
  } catch {
    result = undefined;
  }
  return { code: human.code, output: human.output, result };
}

/**
 * Edits a person might make after the takeover, each of which loses something: the backup policy type dropped from
 * the config (AWS would detach every backup policy), a trusted-access principal removed (Macie's delegated
 * administrator stops working), and shop-prod's adopted Config delivery channel renamed in the file (a channel's name
 * cannot change: it is replaced). (Renaming an account replaces nothing: its name and e-mail are ignored after
 * creation, and a changed config name is a lifecycle error of the inventory and a destroy prevent_destroy refuses.)
 */
function destructiveEdits(input: any): any {
  const edited = structuredClone(input);
  edited.organization.additionalPolicyTypes = (edited.organization.additionalPolicyTypes ?? []).filter((t: string) => t !== 'BACKUP_POLICY');
  edited.guardrails.existing = (edited.guardrails.existing ?? []).filter((p: { type: string }) => p.type !== 'BACKUP_POLICY');
  edited.organization.additionalServiceAccessPrincipals = (edited.organization.additionalServiceAccessPrincipals ?? []).filter((p: string) => p !== 'macie.amazonaws.com');
  const shop = edited.accounts.find((a: { name: string }) => a.name === 'shop-prod');
  shop.adopt.configRecorders['us-east-1'].deliveryChannel = 'legacy-channel-renamed';
  return edited;
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
    let seededIds: SeededIds;
    let policyIds: Readonly<Record<string, string>> = {};
    let organization: OrganizationState;
    let plansDir = '';
    let configText = '';
    let gate: { code: number; output: string; result: any };
    let destructive: { failures: Record<string, string>; gate: { code: number; output: string; result: any } };

    beforeAll(async () => {
      ensureBuilt();
      moto = await startMoto();
      proxy = await startForwardProxy(moto.port);
      const endpoints = { endpoint: moto.endpoint, proxyUrl: proxy.url };
      workDir = mkdtempSync(join(tmpdir(), 'lz-emulator-brownfield-'));
      const seed = await seedBrownfield(SCENARIO, endpoints);
      ({ ids, findings, policyIds } = seed);
      seededIds = seed.seeded;
      const text = await lzImport(SCENARIO, endpoints);
      writeFileSync(join(workDir, 'landing-zone.imported.yaml'), text);
      imported = parseImported(text);
      roles = Object.fromEntries((imported.accounts ?? []).map((a: { name: string; role?: string }) => [a.name, a.role ?? 'workload']));
      const configs = brownfieldConfigs(imported, SCENARIO, seed.seeded);
      configText = configs.text;
      plansDir = join(workDir, 'first-plans');
      mkdirSync(plansDir, { recursive: true });
      // Only the entries for adopted resources are re-checked here; the examples' runs re-check the rest.
      run = await applyConfigOnEmulator('brownfield', configs, workDir, endpoints, EMULATOR_GAPS, { recheckGaps: (e) => e.imported === true, savePlansTo: plansDir });
      gate = await reviewPlans(plansDir, configText);
      after = await inspectBrownfield(SCENARIO, ids, moto.endpoint);
      organization = await inspectOrganization(SCENARIO, moto.endpoint, seed.seeded);
      // After the apply: plans (never applied) of edits that lose something, judged by the gate.
      const edited = brownfieldConfigs(destructiveEdits(imported), SCENARIO, seed.seeded);
      const planned = await planOnEmulator('destructive', edited, workDir, endpoints, EMULATOR_GAPS, ['management', 'workload-shop-prod']);
      destructive = { failures: planned.failures, gate: await reviewPlans(planned.plansDir, edited.text) };
      // eslint-disable-next-line no-console
      console.log(`${emulatorTable(run)}\nfirst plans, imports:\n${importLines(run).join('\n') || '  (none)'}\n\nlz review-plan of the first plans:\n${gate.output}\n\nlz review-plan of the destructive edits:\n${destructive.gate.output}`);
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

    it('lz import writes what the organization has run for years: policy types, existing policies, the adopted one, delegated administrators, the trail decision, Control Tower\'s enrolment', () => {
      expect(imported.organization.rootId).toBe(seededIds.rootId);
      expect(imported.organization.additionalPolicyTypes).toEqual(expect.arrayContaining(['BACKUP_POLICY', 'TAG_POLICY']));
      const existing = Object.fromEntries((imported.guardrails.existing as Array<{ name: string; id: string; targets: string[] }>).map((p) => [p.name, [p.id, [...p.targets].sort()]]));
      expect(existing).toMatchObject({
        'corp-deny-bucket-deletion': [policyIds['corp-deny-bucket-deletion'], ['Root']],
        'corp-prod-guard': [policyIds['corp-prod-guard'], ['Workloads/Prod']],
        'corp-tags': [policyIds['corp-tags'], ['shop-prod']],
        'deny-leave-organization': [policyIds['deny-leave-organization'], ['Root']],
      });
      expect(imported.guardrails.scp).toEqual([expect.objectContaining({ policy: 'deny-leave-organization', id: policyIds['deny-leave-organization'] })]);
      const byService = (list: Array<{ service: string }>) => [...list].sort((a, b) => a.service.localeCompare(b.service));
      // Macie was registered through Organizations only: designated (macie2 EnableOrganizationAdminAccount) in no Region.
      expect(byService(imported.organization.delegatedAdministrators)).toEqual(
        byService([
          { service: 'guardduty.amazonaws.com', account: 'security', regions: ['us-east-1'] },
          { service: 'access-analyzer.amazonaws.com', account: 'security' },
          { service: 'config-multiaccountsetup.amazonaws.com', account: 'security' },
          { service: 'macie.amazonaws.com', account: 'shop-prod', regions: [] },
        ]),
      );
      expect(imported.organization.adopt.trails).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'corp-org-trail', organization: true, takeOver: false })]));
      expect(imported.controlTower).toMatchObject({ registeredOus: ['Workloads/Prod'], enrolledAccounts: ['shop-ct'], organizationTrail: false });
    });

    it('the first plans keep what the landing zone does not own: no policy type or trusted access lost, no administrator registered twice, no second trail, no VPC or IMDS setting, no recorder in the enrolled account', () => {
      const management = changesOf(plansDir, 'management');
      const org = management.find((c) => c.type === 'aws_organizations_organization')!;
      const [before, afterOrg] = [org.change.before ?? {}, org.change.after ?? {}];
      expect((before.enabled_policy_types ?? []).filter((t: string) => !(afterOrg.enabled_policy_types ?? []).includes(t))).toEqual([]);
      expect((before.aws_service_access_principals ?? []).filter((p: string) => !(afterOrg.aws_service_access_principals ?? []).includes(p))).toEqual([]);
      const registrations = management.filter((c) => c.type === 'aws_organizations_delegated_administrator');
      for (const principal of ['access-analyzer.amazonaws.com', 'config-multiaccountsetup.amazonaws.com']) {
        const r = registrations.find((c) => (c.change.after ?? {}).service_principal === principal)!;
        expect({ principal, importing: Boolean(r.change.importing) }).toEqual({ principal, importing: true });
      }
      const guardduty = management.filter((c) => c.type === 'aws_guardduty_organization_admin_account');
      expect(guardduty.filter((c) => c.change.importing).map((c) => c.address)).toEqual([expect.stringContaining('ServiceAdmin-guardduty-us-east-1')]);
      const policy = management.find((c) => c.type === 'aws_organizations_policy' && (c.change.after ?? {}).name === 'deny-leave-organization')!;
      expect(policy.change.importing?.id).toBe(policyIds['deny-leave-organization']);
      expect(management.filter((c) => c.type === 'aws_organizations_policy' && (c.change.after ?? {}).type === 'DECLARATIVE_POLICY_EC2')).toEqual([]);
      expect(changesOf(plansDir, 'security').filter((c) => c.type === 'aws_cloudtrail')).toEqual([]);
      expect(changesOf(plansDir, 'workload-shop-ct').filter((c) => c.type === 'aws_config_configuration_recorder')).toEqual([]);
      for (const stack of ['management-baseline', 'log-archive', 'security', 'workload-shop-prod']) {
        expect({ stack, imds: changesOf(plansDir, stack).filter((c) => c.type === 'aws_ec2_instance_metadata_defaults').length }).toEqual({ stack, imds: 0 });
      }
    });

    it('lz review-plan passes every first plan', () => {
      expect({ code: gate.code, refused: (gate.result?.stacks ?? []).flatMap((s: any) => s.findings.map((f: any) => f.id)) }).toEqual({ code: 0, refused: [] });
      expect((gate.result?.stacks ?? []).map((s: any) => s.stack).sort()).toEqual(run!.stacks.map((s) => s.stack).sort());
    });

    it('leaves the organization as it was: policy types, policies and their attachments, delegated administrators once each, the one organization trail', () => {
      expect(organization.policyTypes).toEqual(expect.arrayContaining(['SERVICE_CONTROL_POLICY', 'BACKUP_POLICY', 'TAG_POLICY']));
      const target = (name: string) => (name === 'Root' ? seededIds.rootId : seededIds.ous[name] ?? ids[name]);
      for (const p of SCENARIO.organization.policies) {
        expect({ policy: p.name, targets: organization.policies[p.name] }).toEqual({ policy: p.name, targets: expect.arrayContaining(p.targets.map(target)) });
      }
      for (const d of SCENARIO.organization.delegatedAdministrators) {
        const found = organization.delegatedAdministrators.filter(([service, account]) => service === d.service && account === ids[d.account]);
        expect({ service: d.service, registrations: found.length }).toEqual({ service: d.service, registrations: 1 });
      }
      expect(organization.guardDutyAdmins).toEqual({ 'us-east-1': [ids.security], 'ap-northeast-1': [ids.security] });
      expect(organization.organizationTrails).toEqual(['corp-org-trail']);
    });

    it('keeps the VPCs\' internet gateways attached, and Control Tower\'s recorder the only one of the enrolled account', () => {
      for (const region of SCENARIO.regions) expect({ region, gateways: after['shop-prod'].internetGateways[region].length }).toEqual({ region, gateways: 1 });
      for (const region of SCENARIO.regions) expect(after['shop-ct'].configRecorders[region]).toEqual(['aws-controltower-BaselineConfigRecorder']);
    });

    it('lz review-plan refuses the destructive edits, each with its line: a policy type disabled, trusted access removed, a delivery channel replaced', () => {
      expect(destructive.failures).toEqual({});
      expect(destructive.gate.code).toBe(1);
      const ids_ = (destructive.gate.result?.stacks ?? []).flatMap((s: any) => s.findings.map((f: any) => f.id));
      expect(ids_).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^policy-type-disabled\/management\/aws_organizations_organization\.[^/]+\/BACKUP_POLICY$/),
          expect.stringMatching(/^trusted-access-removed\/management\/aws_organizations_organization\.[^/]+\/macie\.amazonaws\.com$/),
          expect.stringMatching(/^replace\/workload-shop-prod\/aws_config_delivery_channel\./),
        ]),
      );
      expect(destructive.gate.output).toContain('BACKUP_POLICY');
      expect(destructive.gate.output).toContain('acknowledge with');
    });
  });
}
