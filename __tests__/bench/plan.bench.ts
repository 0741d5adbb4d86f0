/**
 * The plan benchmark (`npm run bench:plan`, not part of npm test): what a Terraform plan costs per stack as the
 * organization grows. For each size it applies a generated organization to moto once (examples/minimal.yaml with N more
 * workload accounts in two OUs: the management stack and the account stacks, the stacks that hold per-account
 * resources), then measures, per stack, a no-change plan, and the plan of a one-account change (a tag on the last
 * account of the management stack, and of accounts-1): wall time, the peak resident memory of Terraform and its provider together, the AWS API calls by
 * operation (TF_LOG=debug, a second run of the same plan) and the state size. docs/performance.md keeps the results.
 *
 *   LZ_PLAN_BENCH_SIZES=100,1000 npm run bench:plan
 *
 * moto does not throttle and answers in microseconds: the calls are what AWS would see, the times are Terraform's own
 * work plus the emulator's. Identity Center assignments are an emulator gap (switched off here, as in the emulator
 * tests), so their ListAccountAssignments calls are not in the counts.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { accountLayout, holderOf } from '../../config/account-stacks';
import { nextInventory, recordedLayoutOf } from '../../config/inventory';
import type { LandingZoneConfig } from '../../config/schema';
import { exampleText } from '../harness/config';
import { applyConfigOnEmulator, INIT, OVERRIDE_FILE, STACK_FILE, synthForEmulator } from '../harness/emulator/apply';
import { countApiCallsOfLog } from '../harness/emulator/api-calls';
import { emulatorConfigText, emulatorExampleConfigs, type EmulatorConfigs } from '../harness/emulator/config';
import { startForwardProxy } from '../harness/emulator/forward-proxy';
import { MOTO_ENV_WITHOUT_MANAGED_POLICIES, startMoto } from '../harness/emulator/moto';
import { computeSwitches, emulatorOverride, emulatorStackJson } from '../harness/emulator/switches';
import { emulatorTerraformEnv, terraform } from '../harness/emulator/terraform';
import { parseConfig } from '../../config/load';
import { EMULATOR_GAPS } from '../emulator/gaps';
import { applyFailures } from '../emulator/run-example';

const SIZES = (process.env.LZ_PLAN_BENCH_SIZES ?? '100,1000').split(',').map(Number);

/** One measured plan of one stack. */
interface PlanMeasure {
  readonly size: number;
  readonly stack: string;
  readonly plan: 'no change' | 'one account';
  readonly accounts: number;
  readonly resources: number;
  readonly seconds: number;
  readonly peakMb: number;
  readonly stateKb: number;
  readonly calls: number;
  readonly byOperation: Record<string, number>;
}

/** The config of `size` workload accounts as the emulator runs it. */
function benchConfigs(size: number, endpoint: string, edit: (input: any) => void = () => {}): EmulatorConfigs {
  const base = emulatorExampleConfigs('minimal', endpoint);
  const input = JSON.parse(emulatorConfigText(parse(exampleText('minimal')), base.seeded));
  input.organizationalUnits = [...new Set([...(input.organizationalUnits ?? []), 'Workloads/Prod', 'Workloads/Dev'])];
  for (let i = 1; i <= size; i++) input.accounts.push({ name: `app-${String(i).padStart(5, '0')}`, email: `aws+app-${i}@acme.example`, ou: i % 2 ? 'Workloads/Prod' : 'Workloads/Dev' });
  edit(input);
  return { ...base, config: parseConfig(JSON.stringify(input, null, 2), 'landing-zone.yaml') };
}

/** Peak RSS (MB) of a process and its descendants together, sampled every 100 ms until it exits; and its wall time. */
function runMeasured(dir: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number; seconds: number; peakMb: number; output: string }> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn('terraform', [...args], { cwd: dir, env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    const sample = () => {
      const tree = descendants(child.pid!);
      const kb = tree.reduce((n, pid) => n + rssKb(pid), 0);
      peak = Math.max(peak, kb);
    };
    const timer = setInterval(sample, 100);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code: code ?? 1, seconds: Number(process.hrtime.bigint() - started) / 1e9, peakMb: peak / 1024, output });
    });
  });
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function descendants(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(parents.get(out[i]) ?? []));
  return out;
}

/** Measures one plan of the stack in `dir`: a run for time and memory, a run with TF_LOG=debug for the calls. */
async function measurePlan(dir: string, stack: string, workDir: string, env: NodeJS.ProcessEnv): Promise<Omit<PlanMeasure, 'size' | 'plan' | 'accounts'>> {
  const args = ['plan', '-input=false', '-no-color', '-lock=false', '-detailed-exitcode'];
  const timed = await runMeasured(dir, args, env);
  if (timed.code === 1) throw new Error(`plan of ${stack} failed:\n${timed.output.slice(-3000)}`);
  const log = join(dir, 'bench-debug.log');
  const logged = await runMeasured(dir, args, { ...env, TF_LOG: 'debug', TF_LOG_PATH: log });
  if (logged.code === 1) throw new Error(`debug plan of ${stack} failed:\n${logged.output.slice(-3000)}`);
  const counts = await countApiCallsOfLog(log);
  rmSync(log);
  const stateFile = join(workDir, 'terraform-state', `${stack}.tfstate`);
  const state = existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, 'utf8')) : { resources: [] };
  const resources = (state.resources as Array<{ mode: string; instances: unknown[] }>).filter((r) => r.mode === 'managed').reduce((n, r) => n + r.instances.length, 0);
  const byOperation = Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
  return {
    stack,
    resources,
    seconds: timed.seconds,
    peakMb: timed.peakMb,
    stateKb: existsSync(stateFile) ? statSync(stateFile).size / 1024 : 0,
    calls: [...counts.values()].reduce((a, b) => a + b, 0),
    byOperation,
  };
}

/** Synthesizes `configs` into `<workDir>/<label>` (state linked to the applied one) and initializes `stacks` there. */
async function prepare(label: string, configs: EmulatorConfigs, workDir: string, stacks: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  const base = join(workDir, label);
  const { stacks: json, waves } = synthForEmulator(configs, base);
  rmSync(join(base, 'terraform-state'), { recursive: true, force: true });
  symlinkSync(join(workDir, 'terraform-state'), join(base, 'terraform-state'), 'dir');
  const switches = computeSwitches(json, waves.flat(), EMULATOR_GAPS);
  for (const id of stacks) {
    const dir = join(base, 'cdktf.out', 'stacks', id);
    writeFileSync(join(dir, OVERRIDE_FILE), JSON.stringify(emulatorOverride(json[id], switches.get(id)!), null, 2));
    const { json: edited, dropped } = emulatorStackJson(json[id], switches.get(id)!);
    if (dropped.length > 0) writeFileSync(join(dir, STACK_FILE), JSON.stringify(edited, null, 2));
    const init = await terraform(dir, INIT(), env);
    if (init.code !== 0) throw new Error(`init of ${id} failed: ${init.text.slice(-2000)}`);
  }
  return join(base, 'cdktf.out', 'stacks');
}

function table(rows: readonly PlanMeasure[]): string {
  const head = '| accounts | stack | plan | accounts in stack | resources in state | wall s | peak MB | state KB | API calls |';
  const lines = rows.map((r) => `| ${r.size} | ${r.stack} | ${r.plan} | ${r.accounts} | ${r.resources} | ${r.seconds.toFixed(1)} | ${r.peakMb.toFixed(0)} | ${r.stateKb.toFixed(0)} | ${r.calls} |`);
  return [head, '|---|---|---|---|---|---|---|---|---|', ...lines].join('\n');
}

describe('plan benchmark', () => {
  const rows: PlanMeasure[] = [];

  afterAll(() => {
    // eslint-disable-next-line no-console
    console.log(`${table(rows)}\n\nAPI calls by operation:\n${rows.map((r) => `${r.size} ${r.stack} ${r.plan}: ${JSON.stringify(r.byOperation)}`).join('\n')}`);
    if (process.env.LZ_PLAN_BENCH_OUT) writeFileSync(process.env.LZ_PLAN_BENCH_OUT, `${JSON.stringify(rows, null, 2)}\n`);
  });

  for (const size of SIZES) {
    it(`${size} accounts: applies, then measures a no-change plan and a one-account change per stack`, async () => {
      // The stacks applied here attach no AWS managed policy in IAM (the permission sets' are SSO Admin's, which moto
      // does not check against IAM).
      const moto = await startMoto(60_000, MOTO_ENV_WITHOUT_MANAGED_POLICIES);
      const proxy = await startForwardProxy(moto.port);
      const workDir = mkdtempSync(join(tmpdir(), `lz-plan-bench-${size}-`));
      try {
        const configs = benchConfigs(size, moto.endpoint);
        const { config } = configs;
        const holders = ['management', ...accountLayout(config).accountStackIds];
        const run = await applyConfigOnEmulator(`plan bench ${size}`, configs, workDir, { endpoint: moto.endpoint, proxyUrl: proxy.url }, EMULATOR_GAPS, { recheckGaps: false, onlyStacks: holders });
        expect(applyFailures(run)).toEqual([]);
        const env = emulatorTerraformEnv(moto.endpoint, proxy.url);
        const held = (stack: string) => [...accountLayout(config).placements.values()].filter((p) => p.stack === stack).length;

        const unchanged = await prepare('unchanged', configs, workDir, holders, env);
        for (const stack of holders) rows.push({ size, plan: 'no change', accounts: held(stack), ...(await measurePlan(join(unchanged, stack), stack, workDir, env)) });

        // A tag on the last account of the management stack and of accounts-1: the plans a one-account change makes.
        const recordedLayout = recordedLayoutOf(nextInventory(config, undefined));
        for (const stack of holders.filter((h) => h === 'management' || h === 'accounts-1')) {
          const target = config.accounts.filter((a) => holderOf(config, a.name) === stack).pop()!;
          const changed = benchConfigs(size, moto.endpoint, (input) => (input.accounts.find((a: any) => a.name === target.name).tags = { CostCenter: '4242' }));
          const changedConfig: LandingZoneConfig = { ...changed.config, recordedLayout };
          const changedDir = await prepare(`one-account-${stack}`, { ...changed, config: changedConfig }, workDir, [stack], env);
          rows.push({ size, plan: 'one account', accounts: held(stack), ...(await measurePlan(join(changedDir, stack), stack, workDir, env)) });
        }
      } finally {
        await proxy.close();
        await moto.stop();
        if (process.env.LZ_EMULATOR_KEEP !== '1') rmSync(workDir, { recursive: true, force: true });
      }
    }, 3 * 60 * 60_000);
  }
});
