import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ensureBuilt, lz } from '../binary';
import { MINIMAL_YAML } from '../../harness/config';
import { planJson, role } from '../../checks/plan-gate/fixtures';

/** A folder with landing-zone.yaml (MINIMAL_YAML, edited) and plan-json/<stack>.json files. */
function workspace(plans: Record<string, unknown>, edit: (input: any) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'lz-review-'));
  const input = parse(MINIMAL_YAML);
  edit(input);
  writeFileSync(join(dir, 'landing-zone.yaml'), stringify(input));
  mkdirSync(join(dir, 'plan-json'));
  for (const [stack, plan] of Object.entries(plans)) writeFileSync(join(dir, 'plan-json', `${stack}.json`), JSON.stringify(plan));
  return dir;
}

const destroying = planJson([
  { address: 'aws_iam_role.old', actions: ['delete'], before: role('lz-old'), actionReason: 'delete_because_no_resource_config' },
  { address: 'aws_iam_role.added', actions: ['create'], after: role('lz-added') },
]);
const quiet = planJson([{ address: 'aws_iam_role.added', actions: ['create'], after: role('lz-added') }]);

describe('lz review-plan (built binary)', () => {
  beforeAll(ensureBuilt);

  it('exits 1 and lists each finding with its stack, address, reason and the line that acknowledges it', () => {
    const dir = workspace({ management: destroying, security: quiet });
    const run = lz(['review-plan', 'plan-json'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        'management: FAIL 1 finding',
        '  ✗ aws_iam_role.old: destroyed (id "lz-old"): its resource block is no longer in the configuration',
        '    acknowledge with: reviewPlan.acknowledge: - { change: "destroy/management/aws_iam_role.old", reason: "<why this change is intended>" }',
        'security: PASS',
        'lz review-plan: FAIL: 1 finding in 1 of 2 stacks (0 acknowledged findings, 0 notices); fix the config, or acknowledge each intended change in reviewPlan.acknowledge',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 when the config acknowledges the finding, and shows an acknowledgement that matches nothing as a notice', () => {
    const dir = workspace({ management: destroying }, (input) => {
      input.reviewPlan = {
        acknowledge: [
          { change: 'destroy/management/aws_iam_role.old', reason: 'replaced by Identity Center' },
          { change: 'policy-detached/management/aws_organizations_policy_attachment.gone', reason: 'applied last week already' },
        ],
      };
    });
    const run = lz(['review-plan', join('plan-json', 'management.json')], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('management: PASS (1 acknowledged, 0 notices)\n  ✓ aws_iam_role.old: destroyed (id "lz-old"): its resource block is no longer in the configuration; acknowledged (replaced by Identity Center)');
    expect(run.stdout).toContain('! reviewPlan.acknowledge[1] "policy-detached/management/aws_organizations_policy_attachment.gone" matches no finding of these plans');
    expect(run.stdout).toContain('lz review-plan: PASS: 1 stack reviewed, nothing refused (1 acknowledged finding, 1 notice)');
  });

  it('reads the config from --config, else LZ_CONFIG', () => {
    const dir = workspace({ management: destroying }, (input) => {
      input.reviewPlan = { acknowledge: [{ change: 'destroy/management/aws_iam_role.old', reason: 'replaced by Identity Center' }] };
    });
    copyFileSync(join(dir, 'landing-zone.yaml'), join(dir, 'acknowledged.yaml'));
    writeFileSync(join(dir, 'landing-zone.yaml'), MINIMAL_YAML);
    expect(lz(['review-plan', 'plan-json'], dir).status).toBe(1);
    expect(lz(['review-plan', 'plan-json', '--config', 'acknowledged.yaml'], dir).status).toBe(0);
    expect(lz(['review-plan', 'plan-json'], dir, { LZ_CONFIG: 'acknowledged.yaml' }).status).toBe(0);
  });

  it('prints the markdown table for the pull-request comment and the JSON result', () => {
    const dir = workspace({ management: destroying, security: quiet });
    const md = lz(['review-plan', 'plan-json', '--format', 'markdown'], dir);
    expect(md.status).toBe(1);
    expect(md.stdout).toContain('| stack | verdict | findings |\n|---|---|---|\n| `management` | ❌ FAIL 1 finding | ✗ `aws_iam_role.old`: destroyed');
    expect(md.stdout).toContain('| `security` | ✅ PASS |  |');
    const json = lz(['review-plan', 'plan-json', '--format', 'json'], dir);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ pass: false, stacks: [{ stack: 'management', verdict: 'FAIL 1 finding' }, { stack: 'security', verdict: 'PASS' }] });
  });

  it('fails, naming the file and how to make one, on a file that is not terraform show -json output; and an unknown format', () => {
    const dir = workspace({ management: { format_version: '1.0', values: {} } });
    const run = lz(['review-plan', 'plan-json'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      `${join('plan-json', 'management.json')} is not terraform show -json output of a plan: it is the JSON of a state, not of a plan (terraform show -json was run without the plan file); make one per stack in cdktf.out/stacks/<stack>: terraform plan -out=tfplan && terraform show -json tfplan > <stack>.json`,
    );
    const format = lz(['review-plan', 'plan-json', '--format', 'yaml'], workspace({ security: quiet }));
    expect(format.status).toBe(1);
    expect(format.stderr.trim()).toBe('--format yaml is not one of human, markdown, json');
  });
});
