import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dependencyWaves } from '../../../cli/lib/waves';
import { readSynthOutput, type Manifest } from '../../../cli/lib/synth-output';
import { synthesize } from '../../../synth/synth';
import type { StackJson } from '../synth';
import { emulatorExampleConfigs, type EmulatorConfigs } from './config';
import { computeSwitches, emulatorOverride, emulatorStackJson, isPatch, type StackSwitches, type SwitchEntry } from './switches';
import { addApiCallsOfLog, sortedApiCalls, type ApiCalls } from './api-calls';
import { appliedAddresses, emulatorTerraformEnv, errorsOf, plannedChanges, terraform, type Diagnostic, type TerraformRun } from './terraform';

/** The override file the test writes into every stack folder (Terraform merges `*_override.tf.json`). */
export const OVERRIDE_FILE = 'zz_emulator_override.tf.json';

/** The synthesized stack file; the test rewrites its copy only to leave out import blocks of switched-off resources. */
export const STACK_FILE = 'cdk.tf.json';

export interface StackResult {
  readonly stack: string;
  /** Resource instances the first plan creates, updates or imports. */
  readonly planned: number;
  /** Resource instances whose apply completed. */
  readonly applied: number;
  /** Resources the gap list names (switched off, or kept with values withheld or arguments set). */
  readonly gaps: number;
  /** Items switched off because they reference a gap. */
  readonly dependents: number;
  /** Errors of init, plan or apply. */
  readonly failures: readonly Diagnostic[];
  readonly secondPlan: 'clean' | 'changes' | 'error' | 'not run';
  /** What the second plan would still change, or its errors. */
  readonly secondPlanFindings: readonly string[];
  /** Wall time of init, plan, apply and second plan (printed, never asserted). */
  readonly seconds: number;
  /** Import blocks left out of the test's copy of the stack because their target is switched off (a gap). */
  readonly importsDropped: readonly string[];
  /**
   * The first plan as `terraform show -json` reads it from the plan file (with ApplyOptions.inspectFirstPlan).
   * @default - not read
   */
  readonly firstPlan?: PlanSummary;
  /**
   * The AWS API calls of the second plan (the refresh of everything the stack holds, as a pull request's plan
   * does it), from its debug log (with ApplyOptions.recordPlanApiCalls).
   * @default - not recorded
   */
  readonly planApiCalls?: ApiCalls;
}

/** What a saved plan imports and creates (resource_changes of `terraform show -json`). */
export interface PlanSummary {
  /** Resource instances the plan imports (change.importing), with the import id. */
  readonly imports: ReadonlyArray<{ readonly address: string; readonly type: string; readonly id: string; readonly actions: readonly string[] }>;
  /** Resource instances the plan creates (without an import). */
  readonly creates: ReadonlyArray<{ readonly address: string; readonly type: string; readonly after: Record<string, unknown> }>;
}

/** How one config is run against the emulator. */
export interface ApplyOptions {
  /**
   * After the apply, switch gap-list entries back on and prove they still fail: every entry (the
   * examples' runs), none, or those the predicate picks (the others are re-checked by the examples).
   * @default true
   */
  readonly recheckGaps?: boolean | ((entry: SwitchEntry) => boolean);
  /**
   * Read each stack's first plan with `terraform show -json` (StackResult.firstPlan).
   * @default false
   */
  readonly inspectFirstPlan?: boolean;
  /**
   * A folder where each stack's first plan is saved as `terraform show -json` output (`<stack>.json`), for
   * `lz review-plan`. Implies inspectFirstPlan.
   * @default - not saved
   */
  readonly savePlansTo?: string;
  /**
   * Run the second plan with `TF_LOG=debug` and record the AWS API calls it makes (StackResult.planApiCalls).
   * @default false
   */
  readonly recordPlanApiCalls?: boolean;
  /**
   * Apply only these stacks (in their waves); the others are synthesized and left alone.
   * @default - every stack
   */
  readonly onlyStacks?: readonly string[];
}

/** Whether one entry of the gap list still fails on moto once switched back on. */
export interface GapCheck {
  readonly stack: string;
  readonly entry: SwitchEntry;
  readonly addresses: readonly string[];
  /**
   * failing: moto still refuses it; blocked: not attempted because another gap of the same stack
   * failed; works: the gap is gone; unproven: the re-check itself went wrong (the test fails).
   */
  readonly outcome: 'failing' | 'blocked' | 'works' | 'unproven';
  readonly evidence: string;
}

export interface ExampleRun {
  readonly example: string;
  readonly stacks: readonly StackResult[];
  readonly gapChecks: readonly GapCheck[];
}

export interface EmulatorEndpoints {
  /** moto, http://127.0.0.1:<port> */
  readonly endpoint: string;
  /** The loopback forward proxy for host-prefixed calls. */
  readonly proxyUrl: string;
}

/** Runs `fn` over `items`, at most `limit` at a time, keeping their order in the result. */
async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Synthesizes the configs (edited for the emulator) into `workDir/cdktf.out`; returns stacks and waves. */
export function synthForEmulator({ config, bootstrapConfig }: EmulatorConfigs, workDir: string): { stacks: Record<string, StackJson>; waves: string[][] } {
  const outdir = join(workDir, 'cdktf.out');
  synthesize({ config, outdir });
  const output = readSynthOutput(outdir);
  const stacks: Record<string, StackJson> = { ...(output.stacks as Record<string, StackJson>) };
  let manifest: Manifest = output.manifest;
  if (bootstrapConfig) {
    // The bootstrap stack keeps local state (../../../terraform-state/bootstrap.tfstate), so it
    // runs from the same folder layout; the other stacks use the local-state synth.
    const bootstrapOut = join(workDir, 'bootstrap-synth', 'cdktf.out');
    synthesize({ config: bootstrapConfig, outdir: bootstrapOut });
    cpSync(join(bootstrapOut, 'stacks', 'bootstrap'), join(outdir, 'stacks', 'bootstrap'), { recursive: true });
    stacks.bootstrap = readSynthOutput(bootstrapOut).stacks.bootstrap as StackJson;
    manifest = {
      stacks: {
        ...Object.fromEntries(Object.entries(manifest.stacks).map(([id, s]) => [id, id === 'management' ? { ...s, dependencies: [...s.dependencies, 'bootstrap'] } : s])),
        bootstrap: { dependencies: [] },
      },
    };
  }
  return { stacks, waves: dependencyWaves(manifest) };
}

export const INIT = (): string[] => ['init', '-input=false', '-no-color', ...(process.env.TF_PLUGIN_DIR ? [`-plugin-dir=${process.env.TF_PLUGIN_DIR}`] : [])];
const flat = (d: Diagnostic) => `${d.address ? `${d.address}: ` : ''}${d.summary}${d.detail ? `: ${d.detail}` : ''}`.replace(/\s+/g, ' ');

/** The resource changes of a saved plan file (`terraform show -json <plan>`). */
export function planSummary(show: Record<string, any>): PlanSummary {
  const changes: Array<Record<string, any>> = show.resource_changes ?? [];
  const imports = changes
    .filter((c) => c.change?.importing)
    .map((c) => ({ address: String(c.address), type: String(c.type), id: String(c.change.importing.id ?? ''), actions: [...(c.change.actions ?? [])] as string[] }));
  const creates = changes
    .filter((c) => !c.change?.importing && (c.change?.actions ?? []).includes('create'))
    .map((c) => ({ address: String(c.address), type: String(c.type), after: (c.change.after ?? {}) as Record<string, unknown> }));
  return { imports, creates };
}

/** The saved plan `emulator.tfplan` of a stack folder as `terraform show -json` gives it. */
export async function showPlan(dir: string, env: NodeJS.ProcessEnv): Promise<{ document: Record<string, any> } | { failed: TerraformRun }> {
  const show = await terraform(dir, ['show', '-json', '-no-color', 'emulator.tfplan'], env);
  const document = show.messages.find((m) => 'resource_changes' in m || 'format_version' in m);
  return show.code === 0 && document ? { document } : { failed: show };
}

async function applyStack(dir: string, stack: string, switches: StackSwitches, env: NodeJS.ProcessEnv, importsDropped: readonly string[], options: ApplyOptions): Promise<StackResult> {
  const gaps = new Set([...[...switches.off].filter(([, r]) => 'entry' in r).map(([a]) => a), ...switches.patched.keys()]).size;
  const dependents = [...switches.off.values()].filter((r) => 'dependsOn' in r).length;
  const started = Date.now();
  const elapsed = () => Math.round((Date.now() - started) / 1000);
  const base = { stack, gaps, dependents, importsDropped };
  const failed = (run: TerraformRun, what: string): StackResult => ({
    ...base,
    seconds: elapsed(),
    planned: 0,
    applied: 0,
    failures: errorsOf(run).length > 0 ? errorsOf(run) : [{ summary: `${what} failed`, detail: run.text.slice(-2000) }],
    secondPlan: 'not run',
    secondPlanFindings: [],
  });
  const init = await terraform(dir, INIT(), env);
  if (init.code !== 0) return failed(init, 'terraform init');
  const plan = await terraform(dir, ['plan', '-input=false', '-no-color', '-json', '-out=emulator.tfplan'], env);
  if (plan.code !== 0) return failed(plan, 'terraform plan');
  const planned = plannedChanges(plan).length + plan.messages.filter((m) => m.type === 'planned_change' && m.change?.action === 'noop' && m.change?.importing).length;
  let firstPlan: PlanSummary | undefined;
  if (options.inspectFirstPlan || options.savePlansTo) {
    const shown = await showPlan(dir, env);
    if ('failed' in shown) return failed(shown.failed, 'terraform show -json of the first plan');
    firstPlan = planSummary(shown.document);
    if (options.savePlansTo) writeFileSync(join(options.savePlansTo, `${stack}.json`), JSON.stringify(shown.document));
  }
  const apply = await terraform(dir, ['apply', '-input=false', '-no-color', '-json', 'emulator.tfplan'], env);
  const applied = apply.messages.filter((m) => m.type === 'apply_complete' && m.hook?.action !== 'read').length;
  const failures = errorsOf(apply);
  if (apply.code !== 0 && failures.length === 0) failures.push({ summary: 'terraform apply failed', detail: apply.text.slice(-2000) });
  const debugLog = join(dir, 'plan-debug.log');
  const secondEnv = options.recordPlanApiCalls ? { ...env, TF_LOG: 'debug', TF_LOG_PATH: debugLog } : env;
  const second = await terraform(dir, ['plan', '-input=false', '-no-color', '-json', '-detailed-exitcode'], secondEnv);
  const secondPlan = second.code === 0 ? 'clean' : second.code === 2 ? 'changes' : 'error';
  const secondPlanFindings = secondPlan === 'changes' ? plannedChanges(second) : secondPlan === 'error' ? errorsOf(second).map(flat) : [];
  let planApiCalls: ApiCalls | undefined;
  if (options.recordPlanApiCalls && existsSync(debugLog)) {
    const calls = new Map<string, Set<string>>();
    await addApiCallsOfLog(debugLog, calls);
    rmSync(debugLog);
    planApiCalls = sortedApiCalls(calls);
  }
  return { ...base, seconds: elapsed(), planned, applied, failures, secondPlan, secondPlanFindings, firstPlan, planApiCalls };
}

type EntryTargets = { readonly entry: SwitchEntry; readonly addresses: readonly string[] };
const unindexed = (address: string) => address.replace(/\[\d+\]$/, '');

/**
 * Applies the resources of `group` (its entries switched back on) with -target and judges each
 * entry: failing (moto's error), works (applied, and a clean plan after), blocked (not attempted
 * because another targeted resource failed), unproven (anything else).
 */
async function judgeGroup(dir: string, stack: string, group: readonly EntryTargets[], env: NodeJS.ProcessEnv): Promise<GapCheck[]> {
  const targets = [...new Set(group.flatMap((g) => g.addresses))].map((t) => `-target=${t}`);
  const apply = await terraform(dir, ['apply', '-input=false', '-no-color', '-json', '-auto-approve', ...targets], env);
  const errors = errorsOf(apply);
  const done = new Set(appliedAddresses(apply).map(unindexed));
  let recheck: TerraformRun | undefined;
  const checks: GapCheck[] = [];
  for (const { entry, addresses } of group) {
    const hit = errors.find((d) => (d.address === undefined || addresses.includes(unindexed(d.address))) && entry.failsWith.test(`${d.summary} ${d.detail}`));
    if (hit) {
      checks.push({ stack, entry, addresses, outcome: 'failing', evidence: flat(hit).slice(0, 300) });
      continue;
    }
    if (!addresses.every((a) => done.has(a))) {
      // Not attempted: fine when another targeted resource failed; anything else (an init or
      // configuration error) proves nothing.
      const blocker = errors.find((d) => d.address !== undefined && !addresses.includes(unindexed(d.address)));
      checks.push(
        blocker
          ? { stack, entry, addresses, outcome: 'blocked', evidence: `not attempted: ${flat(blocker).slice(0, 250)}` }
          : { stack, entry, addresses, outcome: 'unproven', evidence: (errors.map(flat).join(' | ') || apply.text).slice(0, 400) },
      );
      continue;
    }
    // Applied: a read-back gap still shows as a change (or an error) on the next plan.
    recheck ??= await terraform(dir, ['plan', '-input=false', '-no-color', '-json', '-detailed-exitcode', ...targets], env);
    const changed = plannedChanges(recheck).filter((c) => addresses.some((a) => c.startsWith(`${a} `)));
    const recheckErrors = errorsOf(recheck).filter((d) => entry.failsWith.test(`${d.summary} ${d.detail}`));
    checks.push(
      changed.length > 0 || recheckErrors.length > 0
        ? { stack, entry, addresses, outcome: 'failing', evidence: [...changed, ...recheckErrors.map(flat)].join(' | ').slice(0, 300) }
        : { stack, entry, addresses, outcome: 'works', evidence: 'applied, and the next plan is clean' },
    );
  }
  return checks;
}

/**
 * Switches the listed entries of one stack back on and reports for each whether moto still
 * fails it. Each patch entry runs on its own (moto stops at the first refused value of a
 * resource); the entries that switch resources off run together, last (once they exist in state
 * without an index, switching them off again would be an implicit move that -target refuses),
 * and those of them that were not attempted because another one failed run once more alone.
 */
async function checkGaps(dir: string, stack: string, json: StackJson, stackEntries: readonly EntryTargets[], allEntries: readonly SwitchEntry[], stacks: Record<string, StackJson>, order: string[], env: NodeJS.ProcessEnv): Promise<GapCheck[]> {
  const groups = [...stackEntries.filter((e) => isPatch(e.entry)).map((e) => [e]), stackEntries.filter((e) => !isPatch(e.entry))].filter((g) => g.length > 0);
  const checks: GapCheck[] = [];
  for (const group of groups) {
    const testing = new Set(group.map((g) => g.entry));
    const switches = computeSwitches(stacks, order, allEntries.filter((e) => !testing.has(e))).get(stack)!;
    writeFileSync(join(dir, OVERRIDE_FILE), JSON.stringify(emulatorOverride(json, switches), null, 2));
    writeFileSync(join(dir, STACK_FILE), JSON.stringify(emulatorStackJson(json, switches).json, null, 2));
    const results = await judgeGroup(dir, stack, group, env);
    for (const result of results) {
      checks.push(result.outcome === 'blocked' && group.length > 1 ? (await judgeGroup(dir, stack, [result], env))[0] : result);
    }
  }
  return checks;
}

/** An AWS side effect of an earlier apply that moto does not perform, done by the test before a stack applies. */
export interface SideEffect {
  readonly what: string;
  readonly moto: string;
  readonly aws: string;
}

/**
 * The GuardDuty detectors a stack looks up (`data.aws_guardduty_detector` through a member-account alias
 * `<account>-<region>`): AWS makes them when it designates the delegated administrator, moto does not.
 */
export function guardDutyDetectorLookups(stack: StackJson): Array<{ account: string; region: string; tags: Record<string, string> }> {
  const providers = new Map((stack.provider?.aws ?? []).map((p) => [`aws.${p.alias}`, p]));
  return Object.values(stack.data?.aws_guardduty_detector ?? {}).flatMap((d) => {
    const p = typeof d.provider === 'string' ? providers.get(d.provider) : undefined;
    if (!p?.alias || !p.region || !p.alias.endsWith(`-${p.region}`)) return [];
    // With the provider's default tags: moto has no GuardDuty TagResource, so the adopted detector must not need tagging.
    const tags = (p.default_tags?.[0]?.tags ?? {}) as Record<string, string>;
    return [{ account: p.alias.slice(0, -`-${p.region}`.length), region: p.region as string, tags }];
  });
}

/** Performs the side effects (EMULATOR_SIDE_EFFECTS) the stack relies on, with boto3 (side-effects.py). */
function performSideEffects(stack: StackJson, endpoint: string, region: string): void {
  const guardDutyDetectors = guardDutyDetectorLookups(stack);
  if (guardDutyDetectors.length === 0) return;
  const accessRoleName = String((stack as { variable?: Record<string, { default?: string }> }).variable?.member_role_name?.default ?? 'OrganizationAccountAccessRole');
  const spec = { endpoint, region, accessRoleName, guardDutyDetectors };
  const r = spawnSync('python3', [join(__dirname, 'side-effects.py')], { input: JSON.stringify(spec), encoding: 'utf8', env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' } });
  if (r.status !== 0) throw new Error(`performing AWS side effects in the emulator failed: ${r.stderr}`);
}

/** The region of a stack's default provider (its home region). */
function homeRegionOf(stack: StackJson): string {
  return String((stack.provider?.aws ?? []).find((p) => p.alias === undefined)?.region ?? 'us-east-1');
}

/**
 * Applies one example against the emulator: synth (config edited for the emulator), an override
 * per stack, then in `lz plan-order` waves (two stacks at a time) init → plan → apply → second
 * plan; afterwards every gap-list entry is switched back on to prove it still fails.
 */
export async function applyExampleOnEmulator(example: string, workDir: string, endpoints: EmulatorEndpoints, gaps: readonly SwitchEntry[], options: ApplyOptions = {}): Promise<ExampleRun> {
  return applyConfigOnEmulator(example, emulatorExampleConfigs(example, endpoints.endpoint), workDir, endpoints, gaps, options);
}

/**
 * Applies a config (already edited for the emulator, what it adopts already seeded) as
 * applyExampleOnEmulator does; `name` labels the run.
 */
export async function applyConfigOnEmulator(
  name: string,
  configs: EmulatorConfigs,
  workDir: string,
  { endpoint, proxyUrl }: EmulatorEndpoints,
  gaps: readonly SwitchEntry[],
  options: ApplyOptions = {},
): Promise<ExampleRun> {
  mkdirSync(workDir, { recursive: true });
  const synthesized = synthForEmulator(configs, workDir);
  const { stacks } = synthesized;
  const only = options.onlyStacks ? new Set(options.onlyStacks) : undefined;
  const waves = only ? synthesized.waves.map((w) => w.filter((id) => only.has(id))).filter((w) => w.length > 0) : synthesized.waves;
  const order = waves.flat();
  const entries = gaps;
  const switches = computeSwitches(stacks, order, entries);
  const dirOf = (id: string) => join(workDir, 'cdktf.out', 'stacks', id);
  const dropped = new Map<string, readonly string[]>();
  for (const id of order) {
    writeFileSync(join(dirOf(id), OVERRIDE_FILE), JSON.stringify(emulatorOverride(stacks[id], switches.get(id)!), null, 2));
    const { json, dropped: importsDropped } = emulatorStackJson(stacks[id], switches.get(id)!);
    dropped.set(id, importsDropped);
    if (importsDropped.length > 0) writeFileSync(join(dirOf(id), STACK_FILE), JSON.stringify(json, null, 2));
  }
  const env = emulatorTerraformEnv(endpoint, proxyUrl);
  const results: StackResult[] = [];
  for (const wave of waves) {
    for (const id of wave) performSideEffects(stacks[id], endpoint, homeRegionOf(stacks[id]));
    results.push(...(await pool(wave, 2, (id) => applyStack(dirOf(id), id, switches.get(id)!, env, dropped.get(id) ?? [], options))));
  }
  if (options.recheckGaps === false) return { example: name, stacks: results, gapChecks: [] };
  const recheck = typeof options.recheckGaps === 'function' ? options.recheckGaps : () => true;

  const perStack = order.map((id) => {
    const s = switches.get(id)!;
    const byEntry = new Map<SwitchEntry, string[]>();
    for (const [address, reason] of s.off) if ('entry' in reason) byEntry.set(reason.entry, [...(byEntry.get(reason.entry) ?? []), address]);
    for (const [address, list] of s.patched) for (const { entry } of list) byEntry.set(entry, [...(byEntry.get(entry) ?? []), address]);
    return { id, entries: [...byEntry].filter(([entry]) => recheck(entry)).map(([entry, addresses]): EntryTargets => ({ entry, addresses })) };
  });
  // Each entry is re-checked once, in the first stack (in apply order) where it matches.
  const seen = new Set<SwitchEntry>();
  for (const p of perStack) {
    p.entries = p.entries.filter((e) => !seen.has(e.entry));
    p.entries.forEach((e) => seen.add(e.entry));
  }
  const gapChecks = (await pool(perStack.filter((p) => p.entries.length > 0), 2, (p) => checkGaps(dirOf(p.id), p.id, stacks[p.id], p.entries, entries, stacks, order, env))).flat();
  return { example: name, stacks: results, gapChecks };
}

/**
 * Plans `stackIds` of another config against what an earlier run applied, without applying: synthesized into
 * `workDir/<label>/cdktf.out` (whose terraform-state is the earlier run's, linked), the same override files, then
 * init, plan and `terraform show -json` of each plan into `<label>/plans/<stack>.json`. For changes a person might make
 * after the takeover, judged by `lz review-plan`.
 */
export async function planOnEmulator(
  label: string,
  configs: EmulatorConfigs,
  workDir: string,
  { endpoint, proxyUrl }: EmulatorEndpoints,
  gaps: readonly SwitchEntry[],
  stackIds: readonly string[],
): Promise<{ plansDir: string; failures: Record<string, string> }> {
  const base = join(workDir, label);
  mkdirSync(base, { recursive: true });
  if (!existsSync(join(base, 'terraform-state'))) symlinkSync(join(workDir, 'terraform-state'), join(base, 'terraform-state'), 'dir');
  const { stacks, waves } = synthForEmulator(configs, base);
  const switches = computeSwitches(stacks, waves.flat(), gaps);
  const env = emulatorTerraformEnv(endpoint, proxyUrl);
  const plansDir = join(base, 'plans');
  mkdirSync(plansDir, { recursive: true });
  const failures: Record<string, string> = {};
  for (const id of stackIds) {
    const dir = join(base, 'cdktf.out', 'stacks', id);
    writeFileSync(join(dir, OVERRIDE_FILE), JSON.stringify(emulatorOverride(stacks[id], switches.get(id)!), null, 2));
    const { json, dropped } = emulatorStackJson(stacks[id], switches.get(id)!);
    if (dropped.length > 0) writeFileSync(join(dir, STACK_FILE), JSON.stringify(json, null, 2));
    const init = await terraform(dir, INIT(), env);
    const plan = init.code === 0 ? await terraform(dir, ['plan', '-input=false', '-no-color', '-json', '-out=emulator.tfplan'], env) : init;
    const shown = plan.code === 0 ? await showPlan(dir, env) : { failed: plan };
    if ('failed' in shown) failures[id] = (errorsOf(shown.failed).map(flat).join(' | ') || shown.failed.text).slice(0, 1000);
    else writeFileSync(join(plansDir, `${id}.json`), JSON.stringify(shown.document));
  }
  return { plansDir, failures };
}
