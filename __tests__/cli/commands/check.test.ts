import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { examplesCopy, ensureBuilt, lz } from '../binary';
import { CHECKLIST, formatChecklist, runChecklist } from '../../../cli/check';

describe('lz check (built binary)', () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = examplesCopy();
    const synth = lz(['synth', '-c', 'minimal.yaml', '-o', 'out'], dir);
    if (synth.status !== 0) throw new Error(synth.stderr);
  });

  it.each(['minimal', 'enterprise'])('prints one row per seed 004 item for examples/%s.yaml, exit code 1 exactly when one fails', (name) => {
    const run = lz(['check', '-c', `${name}.yaml`], dir);
    const rows = run.stdout.split('\n').filter((l) => /^(PASS|FAIL) {2}\[/.test(l));
    expect(rows.map((r) => r.replace(/^(PASS|FAIL) {2}\[[^\]]+\] ([a-z-]+):.*$/, '$2'))).toEqual(CHECKLIST.map((r) => r.id));
    const failing = rows.filter((r) => r.startsWith('FAIL')).length;
    expect(run.status).toBe(failing > 0 ? 1 : 0);
    expect(run.stdout).toMatch(failing > 0 ? new RegExp(`${failing} of 8 checklist items fail\\.`) : /All 8 checklist items pass\./);
    // Evidence names the stack and the Terraform address.
    expect(run.stdout).toMatch(/✓ security: aws_cloudtrail\.[A-Za-z0-9_-]+ \(multi-region, log file validation/);
  });

  it('reads an existing output folder with --out and prints JSON with --format json', () => {
    const run = lz(['check', '-c', 'minimal.yaml', '--out', 'out', '--format', 'json'], dir);
    const report = JSON.parse(run.stdout);
    expect(report.items.map((i: { id: string }) => i.id)).toEqual(CHECKLIST.map((r) => r.id));
    expect(report.items.find((i: { id: string }) => i.id === 'organization-trail')).toMatchObject({ status: 'pass', evidence: [expect.objectContaining({ stack: 'security' })] });
    expect(run.status).toBe(report.pass ? 0 : 1);
  });

  it('fails, with exit code 1, a synthesized output whose organization trail lost log file validation', () => {
    const file = join(dir, 'out', 'stacks', 'security', 'cdk.tf.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    for (const trail of Object.values<any>(json.resource.aws_cloudtrail)) trail.enable_log_file_validation = false;
    writeFileSync(file, JSON.stringify(json));
    const run = lz(['check', '-c', 'minimal.yaml', '--out', 'out'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^FAIL {2}\[1-B\] organization-trail:/m);
    expect(run.stdout).toMatch(/✗ OrganizationTrail[A-Za-z0-9_]*: enable_log_file_validation is not true/);
  });

  it('fails --out on a folder that was never synthesized', () => {
    const run = lz(['check', '-c', 'minimal.yaml', '--out', 'nowhere'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('nowhere has no manifest.json; synthesize first');
  });
});

describe('runChecklist', () => {
  it('turns a rule that throws into a failing row instead of crashing', () => {
    const rows = runChecklist({ stacks: {}, governedRegions: ['us-east-1'] }, [
      { id: 'boom', title: 'Boom', seedItem: '1-A', check: () => { throw new Error('bad json'); } },
    ]);
    expect(rows).toEqual([expect.objectContaining({ id: 'boom', status: 'fail', problems: ['the check itself failed: bad json'] })]);
    expect(formatChecklist(rows)).toContain('FAIL  [1-A] boom: Boom\n        ✗ the check itself failed: bad json\n\n1 of 1 checklist items fail.');
  });
});
