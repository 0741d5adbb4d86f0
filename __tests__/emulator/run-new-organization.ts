import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { enableIdentityCenterMessage, identityCenterPendingMessage } from '../../constructs/identity';
import { runLz } from '../config/broken-configs';
import { exampleText } from '../harness/config';
import { emulatorConfigText, emulatorExampleConfigs } from '../harness/emulator/config';
import { startForwardProxy, type ForwardProxy } from '../harness/emulator/forward-proxy';
import { startMoto, type MotoServer } from '../harness/emulator/moto';
import { newOrganizationOnEmulator, type NewOrganizationRun, type Step } from '../harness/emulator/new-organization';
import { startSsoAdminFront, type SsoAdminFront } from '../harness/emulator/sso-admin-front';
import { EMULATOR_GAPS, EMULATOR_SCENARIO_ADJUSTMENTS } from './gaps';
import { emulatorPlan, stopEmulator } from './run-example';

const IDENTITY_CENTER = /^(data\.)?aws_(ssoadmin|identitystore)_/;
const line = (d: { address?: string; summary: string; detail: string }) => `${d.address ? `${d.address}: ` : ''}${d.summary}: ${d.detail}`.replace(/\s+/g, ' ');

/** One row of the printed report. */
function row(name: string, s: Step, extra = ''): string {
  return `  ${name.padEnd(34)} exit ${String(s.code).padStart(2)}  ${s.errors.length} error(s), ${s.warnings.length} warning(s)${extra}`;
}

/**
 * A new organization with IAM Identity Center on (examples/minimal.yaml: no organization.id) against moto, its
 * management stack from the first plan to a clean plan after the re-run, with no instance until the console step
 * (moto always has one: the SSO Admin front hides it, EMULATOR_SCENARIO_ADJUSTMENTS). The other stacks do not depend
 * on Identity Center; the minimal example's run applies them.
 */
export function newOrganizationSuite(): void {
  const plan = emulatorPlan('new-organization');
  if (!plan.run) {
    describe.skip('emulator apply: a new organization with Identity Center, before and after the console step', () => it('skipped', () => undefined));
    // eslint-disable-next-line no-console
    console.log(plan.note);
    return;
  }
  describe('emulator apply: a new organization with Identity Center, before and after the console step', () => {
    let moto: MotoServer | undefined;
    let proxy: ForwardProxy | undefined;
    let front: SsoAdminFront | undefined;
    let workDir: string | undefined;
    let run: NewOrganizationRun;
    let hiddenBeforeConsoleStep = 0;
    let configFile = '';
    const region = 'us-east-1';

    beforeAll(async () => {
      moto = await startMoto();
      proxy = await startForwardProxy(moto.port);
      front = await startSsoAdminFront(moto.port);
      workDir = mkdtempSync(join(tmpdir(), 'lz-emulator-new-organization-'));
      const configs = emulatorExampleConfigs('minimal', moto.endpoint);
      if (configs.config.organization.id || !configs.config.identityCenter.enabled || configs.config.organization.homeRegion !== region) {
        throw new Error('examples/minimal.yaml is no longer a new organization with Identity Center in us-east-1; this scenario needs one');
      }
      configFile = join(workDir, 'landing-zone.review.yaml');
      writeFileSync(configFile, emulatorConfigText(parse(exampleText('minimal')), configs.seeded));
      run = await newOrganizationOnEmulator(configs, workDir, { endpoint: moto.endpoint, proxyUrl: proxy.url }, front, EMULATOR_GAPS);
      // Only counted until the console step.
      hiddenBeforeConsoleStep = front.listInstances.hidden;
      // eslint-disable-next-line no-console
      console.log(
        [
          'emulator run of a new organization with Identity Center (examples/minimal.yaml, management stack, moto):',
          row('first plan (no instance)', run.firstPlan, `, creates ${run.firstPlan.summary?.creates.length ?? 0}`),
          row('first apply', run.firstApply, `, ${run.stateAfterFirstApply.length} in state`),
          ...run.firstApply.errors.map((d) => `    ${line(d)}`),
          row('plan before the console step', run.planBeforeConsoleStep),
          `  console step: ListInstances answered with no instance ${hiddenBeforeConsoleStep} time(s), then passed to moto`,
          row('re-run plan', run.rerunPlan, `, creates ${run.rerunPlan.summary?.creates.map((c) => c.address).join(', ') ?? 0}`),
          row('re-run apply', run.rerunApply),
          row('second plan', run.secondPlan, run.secondPlan.code === 0 ? ', clean' : `, changes: ${run.secondPlan.changes.join('; ')}`),
          'emulator adjustments:',
          ...EMULATOR_SCENARIO_ADJUSTMENTS.map((a) => `  ${a.what} (moto: ${a.moto})`),
        ].join('\n'),
      );
    }, 60 * 60_000);

    afterAll(async () => {
      await front?.close();
      await stopEmulator(proxy, moto, workDir);
    }, 60_000);

    it('plans the first time without an instance: the organization, no Identity Center resource, and a warning that names the console step', () => {
      expect(hiddenBeforeConsoleStep).toBeGreaterThan(0);
      expect(run.firstPlan.code).toBe(0);
      const creates = run.firstPlan.summary!.creates.map((c) => c.address);
      expect(creates).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_organizations_organization\./), expect.stringMatching(/^aws_organizations_account\./)]));
      expect(creates.filter((a) => IDENTITY_CENTER.test(a))).toEqual([]);
      expect(run.firstPlan.warnings.map(line)).toEqual(expect.arrayContaining([expect.stringContaining(identityCenterPendingMessage(region))]));
      expect(run.firstPlan.readsDuringApply).toEqual([expect.stringMatching(/^data\.aws_ssoadmin_instances\.IdentityCenter_AfterOrganization_/)]);
    });

    it('applies the organization and everything else of the stack, then stops at the instance lookup with the console step and the re-run', () => {
      expect(run.firstApply.code).not.toBe(0);
      expect(run.firstApply.errors).toEqual([
        { address: expect.stringMatching(/^data\.aws_ssoadmin_instances\.IdentityCenter_AfterOrganization_\w+\.lifecycle(\[0\])?\.postcondition\[0\]$/), summary: 'Resource postcondition failed', detail: expect.stringContaining(enableIdentityCenterMessage(region)) },
      ]);
      const missing = run.firstPlan.summary!.creates.map((c) => c.address).filter((a) => !run.stateAfterFirstApply.includes(a));
      expect(missing).toEqual([]);
    });

    it('stops a plan before the console step at the lookup, with the same message', () => {
      expect(run.planBeforeConsoleStep.code).toBe(1);
      expect(run.planBeforeConsoleStep.errors.map(line)).toEqual([expect.stringContaining(enableIdentityCenterMessage(region))]);
    });

    it('after the console step, the re-run creates Identity Center (what moto can hold: the groups), and the plan after it is clean', () => {
      expect(front!.listInstances.passed).toBeGreaterThan(0);
      expect(run.rerunPlan.code).toBe(0);
      const creates = run.rerunPlan.summary!.creates;
      expect(creates.filter((c) => !IDENTITY_CENTER.test(c.address))).toEqual([]);
      expect(creates.filter((c) => c.type === 'aws_identitystore_group').map((c) => c.after.display_name).sort()).toEqual(['auditors', 'platform-admins']);
      expect(run.rerunPlan.warnings).toEqual([]);
      expect(run.rerunApply).toEqual({ code: 0, errors: [], warnings: [] });
      expect({ code: run.secondPlan.code, changes: run.secondPlan.changes, errors: run.secondPlan.errors }).toEqual({ code: 0, changes: [], errors: [] });
    });

    it('lz review-plan passes the first plan and the re-run', async () => {
      for (const dir of [run.plansDirs.first, run.plansDirs.rerun]) {
        const review = await runLz(['review-plan', dir, '--config', configFile]);
        expect({ dir, code: review.code, output: review.code === 0 ? '' : review.output }).toEqual({ dir, code: 0, output: '' });
      }
    });
  });
}
