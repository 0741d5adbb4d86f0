import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findings, formatHuman, formatJson, formatMarkdown, readPlans, reviewPlans } from '../../../checks/plan-gate';
import { UserError } from '../../../lib/user-error';
import { contextOf, planJson, role, stackPlan } from './fixtures';

const management = stackPlan('management', [
  { address: 'aws_iam_role.old', actions: ['delete'], before: role('lz-old') },
  { address: 'aws_iam_role.gone', actions: ['delete'], before: role('lz-gone') },
  { address: 'aws_iam_role.outside', actions: ['update'], importing: 'lz-outside', before: role('lz-outside'), after: role('lz-outside', { description: 'x' }) },
]);
const security = stackPlan('security', [{ address: 'aws_iam_role.added', actions: ['create'], after: role('lz-added') }]);
const acknowledged = contextOf((input) => {
  input.reviewPlan = {
    acknowledge: [
      { change: 'destroy/management/aws_iam_role.old', reason: 'the role moved to IAM Identity Center' },
      { change: 'destroy/management/aws_iam_role.never', reason: 'a change that is not in these plans' },
    ],
  };
});

describe('reviewPlans: verdicts and acknowledgements', () => {
  it('fails a stack with a finding and passes one without; notices never fail', () => {
    const result = reviewPlans([management, security], contextOf());
    expect(result.pass).toBe(false);
    expect(result.stacks.map((s) => [s.stack, s.verdict, s.findings.length, s.notices.length])).toEqual([
      ['management', 'FAIL 2 findings', 2, 1],
      ['security', 'PASS', 0, 0],
    ]);
  });

  it('lets an acknowledged finding pass with its reason, and lists an acknowledgement that matches nothing as a notice', () => {
    const result = reviewPlans([management, security], acknowledged);
    const [m] = result.stacks;
    expect(m.verdict).toBe('FAIL 1 finding');
    expect(m.findings.map((f) => f.id)).toEqual(['destroy/management/aws_iam_role.gone']);
    expect(m.acknowledged).toEqual([expect.objectContaining({ id: 'destroy/management/aws_iam_role.old', acknowledged: { reason: 'the role moved to IAM Identity Center', index: 0 } })]);
    expect(result.unusedAcknowledgements).toEqual([
      {
        index: 1,
        change: 'destroy/management/aws_iam_role.never',
        message: 'reviewPlan.acknowledge[1] "destroy/management/aws_iam_role.never" matches no finding of these plans: remove it once its change is applied, or copy the id again from this output',
      },
    ]);
    const all = contextOf((input) => {
      input.reviewPlan = { acknowledge: ['old', 'gone'].map((r) => ({ change: `destroy/management/aws_iam_role.${r}`, reason: 'no longer needed by anyone' })) };
    });
    expect(reviewPlans([management, security], all).pass).toBe(true);
  });

  it('lists one finding per resource and reason, however many rules see it', () => {
    const twice = findings([management], contextOf(), [(p, c) => findings(p, c), (p, c) => findings(p, c)]);
    expect(twice.map((f) => f.id)).toEqual(['destroy/management/aws_iam_role.old', 'destroy/management/aws_iam_role.gone', 'import-updated/management/aws_iam_role.outside']);
  });
});

describe('output formats', () => {
  const result = reviewPlans([management, security], acknowledged);

  it('human: a verdict line per stack, ✗ findings with the line that acknowledges them, ✓ acknowledged, ! notices, a final line', () => {
    expect(formatHuman(result)).toBe(
      [
        'management: FAIL 1 finding (1 acknowledged, 1 notice)',
        '  ✗ aws_iam_role.gone: destroyed (id "lz-gone")',
        '    acknowledge with: reviewPlan.acknowledge: - { change: "destroy/management/aws_iam_role.gone", reason: "<why this change is intended>" }',
        '  ✓ aws_iam_role.old: destroyed (id "lz-old"); acknowledged (the role moved to IAM Identity Center)',
        '  ! aws_iam_role.outside: imported ("lz-outside") and updated in place: description ("" → "x")',
        'security: PASS',
        '! reviewPlan.acknowledge[1] "destroy/management/aws_iam_role.never" matches no finding of these plans: remove it once its change is applied, or copy the id again from this output',
        'lz review-plan: FAIL: 1 finding in 1 of 2 stacks (1 acknowledged finding, 2 notices); fix the config, or acknowledge each intended change in reviewPlan.acknowledge',
      ].join('\n'),
    );
    expect(formatHuman(reviewPlans([security], contextOf()))).toBe('security: PASS\nlz review-plan: PASS: 1 stack reviewed, nothing refused (0 acknowledged findings, 0 notices)');
  });

  it('markdown: a table of stack, verdict and findings for the pull-request comment, and the YAML to acknowledge', () => {
    const md = formatMarkdown(result);
    expect(md).toContain(
      [
        '### Plan gate (`lz review-plan`): FAIL',
        '',
        '| stack | verdict | findings |',
        '|---|---|---|',
        '| `management` | ❌ FAIL 1 finding | ✗ `aws_iam_role.gone`: destroyed (id "lz-gone") (`destroy/management/aws_iam_role.gone`)<br>✓ `aws_iam_role.old`: destroyed (id "lz-old"); acknowledged (the role moved to IAM Identity Center)<br>! `aws_iam_role.outside`: imported ("lz-outside") and updated in place: description ("" → "x") |',
        '| `security` | ✅ PASS |  |',
      ].join('\n'),
    );
    expect(md).toContain('```yaml\nreviewPlan:\n  acknowledge:\n    - { change: "destroy/management/aws_iam_role.gone", reason: "<why this change is intended>" }\n```');
  });

  it('markdown: pipes in a message do not break the table', () => {
    const piped = reviewPlans([stackPlan('management', [{ address: 'aws_iam_role.p', actions: ['delete'], before: role('a|b') }])], contextOf());
    expect(formatMarkdown(piped)).toContain('destroyed (id "a\\|b")');
  });

  it('json: the structured result', () => {
    const parsed = JSON.parse(formatJson(result));
    expect(parsed).toMatchObject({ pass: false, stacks: [{ stack: 'management', verdict: 'FAIL 1 finding', pass: false }, { stack: 'security', verdict: 'PASS', pass: true }], unusedAcknowledgements: [{ index: 1 }] });
    expect(parsed.stacks[0].findings[0]).toEqual({ id: 'destroy/management/aws_iam_role.gone', rule: 'destroy', stack: 'management', address: 'aws_iam_role.gone', message: 'destroyed (id "lz-gone")', severity: 'refuse' });
  });
});

describe('readPlans', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lz-plans-'));
  const write = (path: string, body: unknown) => {
    writeFileSync(join(dir, path), typeof body === 'string' ? body : JSON.stringify(body));
    return join(dir, path);
  };
  const message = (paths: string[]) => {
    try {
      readPlans(paths);
    } catch (e) {
      if (e instanceof UserError) return e.message;
      throw e;
    }
    throw new Error('expected a UserError');
  };
  const HOW = 'make one per stack in cdktf.out/stacks/<stack>: terraform plan -out=tfplan && terraform show -json tfplan > <stack>.json';

  it('reads files and folders of <stack-id>.json, the stack id from the file name', () => {
    mkdirSync(join(dir, 'plan-json'));
    write('plan-json/workload-shop-prod.json', planJson([]));
    write('plan-json/log-archive.json', planJson([]));
    write('plan-json/notes.txt', 'not a plan');
    const single = write('management.json', planJson([{ address: 'aws_iam_role.a', actions: ['create'], after: role('a') }]));
    expect(readPlans([join(dir, 'plan-json'), single]).map((p) => [p.stack, p.file])).toEqual([
      ['log-archive', join(dir, 'plan-json', 'log-archive.json')],
      ['workload-shop-prod', join(dir, 'plan-json', 'workload-shop-prod.json')],
      ['management', single],
    ]);
  });

  it('fails a file that is not terraform show -json output of a plan, naming it and how to make one', () => {
    const state = write('state.json', { format_version: '1.0', terraform_version: '1.11.4', values: { root_module: {} } });
    expect(message([state])).toBe(`${state} is not terraform show -json output of a plan: it is the JSON of a state, not of a plan (terraform show -json was run without the plan file); ${HOW}`);
    const stream = write('stream.json', '{"@level":"info","@message":"Terraform 1.11.4"}\n{"@level":"info"}\n');
    expect(message([stream])).toBe(`${stream} is not terraform show -json output: it is the log stream of terraform plan -json; ${HOW}`);
    const text = write('text.json', 'Plan: 1 to add, 0 to change, 0 to destroy.');
    expect(message([text])).toMatch(new RegExp(`^${text.replace(/[/.]/g, '\\$&')} is not terraform show -json output: it is not JSON \\(.+\\); make one per stack`));
    const other = write('other.json', { resources: [] });
    expect(message([other])).toBe(`${other} is not terraform show -json output of a plan: it has no format_version; ${HOW}`);
  });

  it('fails a missing path, an empty folder and a stack given twice', () => {
    expect(message([join(dir, 'nope')])).toBe(`${join(dir, 'nope')} does not exist; give plan files (<stack-id>.json) or folders of them`);
    mkdirSync(join(dir, 'empty'));
    expect(message([join(dir, 'empty')])).toBe(`${join(dir, 'empty')} holds no <stack-id>.json plan file; ${HOW}`);
    const again = write('log-archive.json', planJson([]));
    expect(message([join(dir, 'plan-json'), again])).toBe(`Stack log-archive is given twice (${join(dir, 'plan-json', 'log-archive.json')} and ${again}); give each stack's plan once`);
  });
});
