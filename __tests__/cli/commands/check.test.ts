import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { examplesCopy, ensureBuilt, lz } from '../binary';
import { CHECKLIST, formatChecklist, runChecklist } from '../../../checks/checklist';
import { CONSTRAINTS, formatConstraints, runConstraints } from '../../../checks/constraints';

describe('lz check (built binary)', () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = examplesCopy();
    const synth = lz(['synth', '-c', 'minimal.yaml', '-o', 'out'], dir);
    if (synth.status !== 0) throw new Error(synth.stderr);
  });

  it.each(['minimal', 'enterprise'])('prints one row per seed 004 item and per AWS constraint for examples/%s.yaml, exit code 1 exactly when one fails', (name) => {
    const run = lz(['check', '-c', `${name}.yaml`], dir);
    const [checklist, constraints] = run.stdout.split('\nAWS service constraints\n');
    expect(checklist.startsWith('Seed 004 target-state checklist\n')).toBe(true);
    const rows = checklist.split('\n').filter((l) => /^(PASS|FAIL) {2}\[/.test(l));
    expect(rows.map((r) => r.replace(/^(PASS|FAIL) {2}\[[^\]]+\] ([a-z-]+):.*$/, '$2'))).toEqual(CHECKLIST.map((r) => r.id));
    const constraintRows = constraints.split('\n').filter((l) => /^(PASS|FAIL) {2}[a-z]/.test(l));
    expect(constraintRows.map((r) => r.replace(/^(PASS|FAIL) {2}([a-z0-9-]+):.*$/, '$2'))).toEqual(CONSTRAINTS.map((r) => r.id));
    const failing = rows.filter((r) => r.startsWith('FAIL')).length;
    const violated = constraintRows.filter((r) => r.startsWith('FAIL')).length;
    expect(run.status).toBe(failing + violated > 0 ? 1 : 0);
    expect(run.stdout).toMatch(failing > 0 ? new RegExp(`${failing} of 8 checklist items fail\\.`) : /All 8 checklist items pass\./);
    expect(run.stdout).toMatch(violated > 0 ? new RegExp(`${violated} of ${CONSTRAINTS.length} AWS service constraints are violated\\.`) : /AWS service constraints hold\./);
    // Every constraint row shows the AWS pages it comes from.
    expect(constraints).toContain('↳ https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services_list.html');
    // Evidence names the stack and the Terraform address.
    expect(run.stdout).toMatch(/✓ security: aws_cloudtrail\.[A-Za-z0-9_-]+ \(multi-region, log file validation/);
  });

  it('reads an existing output folder with --out and prints JSON with --format json', () => {
    const run = lz(['check', '-c', 'minimal.yaml', '--out', 'out', '--format', 'json'], dir);
    const report = JSON.parse(run.stdout);
    expect(report.items.map((i: { id: string }) => i.id)).toEqual(CHECKLIST.map((r) => r.id));
    expect(report.items.find((i: { id: string }) => i.id === 'organization-trail')).toMatchObject({ status: 'pass', evidence: [expect.objectContaining({ stack: 'security' })] });
    expect(report.constraints.map((c: { id: string }) => c.id)).toEqual(CONSTRAINTS.map((r) => r.id));
    expect(report.constraints.find((c: { id: string }) => c.id === 's3-bucket-names')).toMatchObject({
      status: 'pass',
      sources: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html'],
    });
    const allPass = report.items.every((i: { status: string }) => i.status === 'pass') && report.constraints.every((c: { status: string }) => c.status === 'pass');
    expect(report.pass).toBe(allPass);
    expect(run.status).toBe(report.pass ? 0 : 1);
  });

  it('fails, with exit code 1, a synthesized output whose finding aggregator lost its region list, naming the AWS page', () => {
    const file = join(dir, 'out', 'stacks', 'security', 'cdk.tf.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    for (const aggregator of Object.values<any>(json.resource.aws_securityhub_finding_aggregator)) aggregator.specified_regions = [];
    writeFileSync(file, JSON.stringify(json));
    const run = lz(['check', '-c', 'minimal.yaml', '--out', 'out', '--format', 'json'], dir);
    expect(run.status).toBe(1);
    const row = JSON.parse(run.stdout).constraints.find((c: { id: string }) => c.id === 'securityhub-finding-aggregator');
    expect(row.status).toBe('fail');
    expect(row.problems[0]).toMatch(/^security: aws_securityhub_finding_aggregator\.[A-Za-z0-9_]+ \(us-east-1\): linking_mode SPECIFIED_REGIONS with an empty specified_regions/);
    expect(row.sources).toContain('https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_CreateFindingAggregator.html');
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

describe('runConstraints', () => {
  it('turns a rule that throws into a failing row and prints its sources', () => {
    const rows = runConstraints({ stacks: {}, governedRegions: ['us-east-1'] }, [
      { id: 'boom', title: 'Boom', sources: ['https://docs.aws.amazon.com/x.html'], check: () => { throw new Error('bad json'); } },
    ]);
    expect(rows).toEqual([expect.objectContaining({ id: 'boom', status: 'fail', problems: ['the check itself failed: bad json'] })]);
    expect(formatConstraints(rows)).toBe('FAIL  boom: Boom\n        ✗ the check itself failed: bad json\n        ↳ https://docs.aws.amazon.com/x.html\n\n1 of 1 AWS service constraints are violated.');
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
