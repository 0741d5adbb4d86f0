import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terraformAvailable } from '../harness/terraform';
import { applyExampleOnEmulator, type ExampleRun } from '../harness/emulator/apply';
import { mergeApiCalls, type ApiCalls } from '../harness/emulator/api-calls';
import { PLAN_API_CALLS_DIR, planApiCallsFile, planApiCallsSource, recordedPlanApiCalls } from './plan-api-calls';
import { startForwardProxy, type ForwardProxy } from '../harness/emulator/forward-proxy';
import { MOTO_VERSION, motoAvailable, motoVersion, startMoto, type MotoServer } from '../harness/emulator/moto';
import { emulatorTable } from '../harness/emulator/report';
import { entryLabel } from '../harness/emulator/switches';
import { EMULATOR_GAPS } from './gaps';

/**
 * The emulator runs: the two examples, the brownfield scenario (brownfield-scenario.ts), and a new organization's
 * Identity Center before and after the console step (run-new-organization.ts).
 */
export const EMULATOR_RUNS = ['minimal', 'enterprise', 'brownfield', 'new-organization', 'account-moves'] as const;
export type EmulatorRun = (typeof EMULATOR_RUNS)[number];

/**
 * Whether the emulator test `example` runs here, and why not.
 * LZ_EMULATOR: `off` skips every emulator test; `all` runs all of them; one run's name (`minimal`,
 * `enterprise`, `brownfield`, `new-organization`, `account-moves`) runs that one only; unset runs none of them
 * (each takes minutes, and npm test stays a few minutes without them). CI=true runs all of them, and fails when
 * moto_server or terraform is missing instead of skipping.
 */
export function emulatorPlan(example: EmulatorRun): { run: boolean; note?: string } {
  const mode = process.env.LZ_EMULATOR ?? '';
  const ci = process.env.CI === 'true';
  if (mode === 'off') return { run: false, note: `emulator test of ${example} skipped: LZ_EMULATOR=off` };
  if (mode !== '' && mode !== 'all' && !(EMULATOR_RUNS as readonly string[]).includes(mode)) {
    throw new Error(`LZ_EMULATOR=${mode} is not a value the emulator tests know: off, all, ${EMULATOR_RUNS.join(', ')} (README, "Applying against an AWS emulator")`);
  }
  const wanted = ci || mode === 'all' || mode === example;
  if (!wanted) {
    const how = mode === '' ? `it takes minutes; run it with LZ_EMULATOR=${example} or LZ_EMULATOR=all (CI=true always runs it)` : `LZ_EMULATOR=${mode} runs ${mode} only`;
    return { run: false, note: `emulator test of ${example} skipped: ${how}` };
  }
  if (!motoAvailable()) {
    if (ci) throw new Error(`moto_server is not on the PATH, and CI=true: install it with pip install "moto[server]==${MOTO_VERSION}" (README, "Emulator apply test")`);
    return { run: false, note: `emulator test of ${example} skipped: moto_server is not on the PATH (pip install "moto[server]==${MOTO_VERSION}")` };
  }
  if (!terraformAvailable()) return { run: false, note: `emulator test of ${example} skipped: terraform is not on the PATH` };
  const version = motoVersion();
  if (version !== MOTO_VERSION) {
    const message = `moto ${version ?? '(unknown)'} is installed; the gap list is written for moto ${MOTO_VERSION} (pip install "moto[server]==${MOTO_VERSION}")`;
    if (ci) throw new Error(message);
    return { run: false, note: `emulator test of ${example} skipped: ${message}` };
  }
  return { run: true };
}

/** The jest suite of one example: start moto and the proxy, apply, print the table, assert. */
/** Stops the proxy and moto (by its PID) and removes the work folder unless LZ_EMULATOR_KEEP=1. */
export async function stopEmulator(proxy: ForwardProxy | undefined, moto: MotoServer | undefined, workDir: string | undefined): Promise<void> {
  await proxy?.close();
  await moto?.stop();
  if (workDir && process.env.LZ_EMULATOR_KEEP !== '1') rmSync(workDir, { recursive: true, force: true });
}

/** The apply errors of a run, one line each (every stack, gaps left out). */
export function applyFailures(run: ExampleRun): string[] {
  return run.stacks.flatMap((s) => s.failures.map((d) => `${s.stack}: ${d.address ?? ''} ${d.summary}: ${d.detail}`.replace(/\s+/g, ' ')));
}

/** The AWS API calls of every stack's plan after the apply, together. */
export function planApiCallsOf(run: ExampleRun): ApiCalls {
  const lists = run.stacks.map((s) => s.planApiCalls);
  if (lists.some((l) => l === undefined)) throw new Error(`the plans of ${run.stacks.filter((s) => !s.planApiCalls).map((s) => s.stack).join(', ')} left no debug log`);
  return mergeApiCalls(...(lists as ApiCalls[]));
}

/** The stacks whose second plan is not clean, with what it would change. */
export function dirtySecondPlans(run: ExampleRun): string[] {
  return run.stacks.filter((s) => s.secondPlan !== 'clean').map((s) => `${s.stack} (${s.secondPlan}): ${s.secondPlanFindings.join('; ')}`);
}

export function emulatorSuite(example: 'minimal' | 'enterprise'): void {
  const plan = emulatorPlan(example);
  if (!plan.run) {
    describe.skip(`emulator apply: examples/${example}.yaml`, () => it('skipped', () => undefined));
    // eslint-disable-next-line no-console
    console.log(plan.note);
    return;
  }
  describe(`emulator apply: examples/${example}.yaml`, () => {
    let moto: MotoServer | undefined;
    let proxy: ForwardProxy | undefined;
    let workDir: string | undefined;
    let run: ExampleRun | undefined;

    beforeAll(async () => {
      moto = await startMoto();
      proxy = await startForwardProxy(moto.port);
      workDir = mkdtempSync(join(tmpdir(), `lz-emulator-${example}-`));
      run = await applyExampleOnEmulator(example, workDir, { endpoint: moto.endpoint, proxyUrl: proxy.url }, EMULATOR_GAPS, { recordPlanApiCalls: true });
      // eslint-disable-next-line no-console
      const proxied = [...proxy.hosts].join(', ') || '(none)';
      console.log(`${emulatorTable(run)}\nhost-prefixed calls sent to moto through the loopback proxy: ${proxied}`);
    }, 60 * 60_000);

    afterAll(() => stopEmulator(proxy, moto, workDir), 60_000);

    it('applies every stack, except the listed gaps, without an error', () => expect(applyFailures(run!)).toEqual([]));

    it('plans no changes after the apply', () => expect(dirtySecondPlans(run!)).toEqual([]));

    it('makes, in the plans after the apply, only AWS calls recorded in plan-api-calls/ (whose IAM actions the plan role is proven to allow)', () => {
      const calls = planApiCallsOf(run!);
      if (process.env.LZ_RECORD_PLAN_CALLS === '1') {
        mkdirSync(PLAN_API_CALLS_DIR, { recursive: true });
        writeFileSync(planApiCallsFile(example), `${JSON.stringify({ source: planApiCallsSource(), calls }, null, 2)}\n`);
      }
      const recorded = recordedPlanApiCalls(example);
      const missing = Object.entries(calls)
        .filter(([call, types]) => !types.every((t) => recorded[call]?.includes(t)))
        .map(([call, types]) => `${call} (${types.filter((t) => !recorded[call]?.includes(t)).join(', ')})`);
      // New calls: record them (LZ_RECORD_PLAN_CALLS=1) and let __tests__/policies/plan-role-reads.test.ts judge them.
      expect(missing).toEqual([]);
    });

    it('still fails every listed emulator gap when it is switched back on', () => {
      const gone = run!.gapChecks
        .filter((c) => c.outcome === 'unproven' || c.outcome === 'works')
        .map((c) =>
          c.outcome === 'works'
            ? `${c.stack}: ${entryLabel(c.entry)} applies on moto now; remove it from __tests__/emulator/gaps.ts`
            : `${c.stack}: ${entryLabel(c.entry)}: the re-check failed for another reason: ${c.evidence}`,
        );
      expect(gone).toEqual([]);
    });
  });
}
