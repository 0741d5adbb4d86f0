import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StackJson } from '../synth';
import { INIT, OVERRIDE_FILE, planSummary, showPlan, STACK_FILE, synthForEmulator, type EmulatorEndpoints, type PlanSummary } from './apply';
import type { EmulatorConfigs } from './config';
import type { SsoAdminFront } from './sso-admin-front';
import { computeSwitches, emulatorOverride, emulatorStackJson, type SwitchEntry } from './switches';
import { emulatorTerraformEnv, plannedChanges, terraform, type Diagnostic, type TerraformRun } from './terraform';

/** One terraform step of the scenario: its exit code, errors and warnings. */
export interface Step {
  readonly code: number;
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
}

/** A plan step, with what `terraform show -json` reads from its plan file (when it succeeded). */
export interface PlanStep extends Step {
  readonly summary?: PlanSummary;
  /** Data sources the plan reads during the apply (resource_changes with action read). */
  readonly readsDuringApply: readonly string[];
}

/** What happened to the management stack of a new organization, from the first plan to the clean plan after the re-run. */
export interface NewOrganizationRun {
  /** The first plan, no instance. */
  readonly firstPlan: PlanStep;
  /** Its apply: creates the organization, then stops at the instance lookup. */
  readonly firstApply: Step;
  /** Resources in the state after that apply (`terraform state list`). */
  readonly stateAfterFirstApply: readonly string[];
  /** A plan before the console step: stops at the lookup. */
  readonly planBeforeConsoleStep: Step;
  /** The re-run after the console step: plan, apply, and a plan that must be clean. */
  readonly rerunPlan: PlanStep;
  readonly rerunApply: Step;
  readonly secondPlan: Step & { readonly changes: readonly string[] };
  /** The folders of saved plans (`management.json`, `terraform show -json`) for `lz review-plan`: the first plan and the re-run's. */
  readonly plansDirs: { readonly first: string; readonly rerun: string };
}

/**
 * The diagnostics of one severity. `address` is the resource instance, or, where Terraform names none (a condition
 * of a data source, a check block), the block its snippet points at (`data.<type>.<name>.lifecycle[0].postcondition[0]`).
 */
const diagnostics = (run: TerraformRun, severity: 'error' | 'warning'): Diagnostic[] =>
  run.messages
    .filter((m) => m.type === 'diagnostic' && m.diagnostic?.severity === severity)
    .map((m) => ({ address: m.diagnostic.address ?? m.diagnostic.snippet?.context, summary: String(m.diagnostic.summary ?? ''), detail: String(m.diagnostic.detail ?? '') }));

const step = (run: TerraformRun): Step => {
  const errors = diagnostics(run, 'error');
  return { code: run.code, errors: run.code !== 0 && errors.length === 0 ? [{ summary: 'terraform failed', detail: run.text.slice(-2000) }] : errors, warnings: diagnostics(run, 'warning') };
};

/**
 * The management stack of a new organization with Identity Center on, against moto, with no instance at first (the
 * SSO Admin front hides moto's): plan, apply (stops once the organization exists), a plan before the console step,
 * `front.enable()` (the console step), then plan, apply and a second plan. Gap-list entries are switched off as in
 * the examples' runs (and re-checked there, not here); the other stacks do not depend on Identity Center.
 */
export async function newOrganizationOnEmulator(
  configs: EmulatorConfigs,
  workDir: string,
  { endpoint, proxyUrl }: EmulatorEndpoints,
  front: SsoAdminFront,
  gaps: readonly SwitchEntry[],
): Promise<NewOrganizationRun> {
  mkdirSync(workDir, { recursive: true });
  const { stacks, waves } = synthForEmulator(configs, workDir);
  const stack = 'management';
  const json: StackJson = stacks[stack];
  const switches = computeSwitches(stacks, waves.flat(), gaps).get(stack)!;
  const dir = join(workDir, 'cdktf.out', 'stacks', stack);
  writeFileSync(join(dir, OVERRIDE_FILE), JSON.stringify(emulatorOverride(json, switches), null, 2));
  const { json: applied, dropped } = emulatorStackJson(json, switches);
  if (dropped.length > 0) writeFileSync(join(dir, STACK_FILE), JSON.stringify(applied, null, 2));
  const env = { ...emulatorTerraformEnv(endpoint, proxyUrl), AWS_ENDPOINT_URL_SSO_ADMIN: front.url };

  const plan = async (savedTo: string): Promise<PlanStep> => {
    const run = await terraform(dir, ['plan', '-input=false', '-no-color', '-json', '-out=emulator.tfplan'], env);
    if (run.code !== 0) return { ...step(run), readsDuringApply: [] };
    const shown = await showPlan(dir, env);
    if ('failed' in shown) return { ...step(shown.failed), readsDuringApply: [] };
    mkdirSync(savedTo, { recursive: true });
    writeFileSync(join(savedTo, `${stack}.json`), JSON.stringify(shown.document));
    const readsDuringApply = ((shown.document.resource_changes ?? []) as Array<Record<string, any>>).filter((c) => c.mode === 'data' && (c.change?.actions ?? []).includes('read')).map((c) => String(c.address));
    return { ...step(run), summary: planSummary(shown.document), readsDuringApply };
  };
  const apply = async () => step(await terraform(dir, ['apply', '-input=false', '-no-color', '-json', 'emulator.tfplan'], env));

  const init = await terraform(dir, INIT(), env);
  if (init.code !== 0) throw new Error(`terraform init of ${stack} failed: ${init.text.slice(-2000)}`);
  const plansDirs = { first: join(workDir, 'plans-first'), rerun: join(workDir, 'plans-rerun') };
  const firstPlan = await plan(plansDirs.first);
  if (firstPlan.code !== 0) throw new Error(`the first plan failed: ${JSON.stringify(firstPlan.errors)}`);
  const firstApply = await apply();
  const list = await terraform(dir, ['state', 'list', '-no-color'], env);
  const stateAfterFirstApply = list.text.split('\n').map((l) => l.trim()).filter((l) => /^(data\.)?[a-z][a-z0-9_]*\./.test(l));
  const planBeforeConsoleStep = step(await terraform(dir, ['plan', '-input=false', '-no-color', '-json'], env));

  front.enable();
  const rerunPlan = await plan(plansDirs.rerun);
  const rerunApply = rerunPlan.code === 0 ? await apply() : { code: -1, errors: [{ summary: 'not run: the re-run plan failed', detail: '' }], warnings: [] };
  const second = await terraform(dir, ['plan', '-input=false', '-no-color', '-json', '-detailed-exitcode'], env);
  // -detailed-exitcode: 2 is a successful plan with changes, not a failure.
  const secondPlan = { ...step({ ...second, code: second.code === 2 ? 0 : second.code }), code: second.code, changes: second.code === 2 ? plannedChanges(second) : [] };
  return { firstPlan, firstApply, stateAfterFirstApply, planBeforeConsoleStep, rerunPlan, rerunApply, secondPlan, plansDirs };
}
