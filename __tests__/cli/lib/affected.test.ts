import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { affectedStacks } from '../../../cli/lib/affected';
import { synthesizeToMemory, type SynthOutput } from '../../../cli/lib/synth-output';
import { planOrder } from '../../../cli/commands/plan-order';
import { MINIMAL_YAML, minimalConfig } from '../../harness/config';
import { ensureBuilt, lz } from '../binary';

// Several synths per test; the machines running the suite are shared and can be slow.
jest.setTimeout(180_000);

/** Which stacks `lz plan-order --since/--since-out` plans for a change. */
describe('affectedStacks', () => {
  let base: SynthOutput;
  const after = (edit: (input: any) => void) => affectedStacks(base, synthesizeToMemory(minimalConfig(edit)));
  beforeAll(() => {
    base = synthesizeToMemory(minimalConfig());
  });

  it('is empty when nothing changed', () => {
    expect(after(() => {})).toEqual({ changed: [], dependents: [], removed: [], affected: [] });
  });

  it("plans only that account's stack for a changed workload account", () => {
    expect(after((c) => (c.accounts[2].budget = { monthlyUsd: 900 })).affected).toEqual(['workload-shop-prod']);
  });

  it('plans the stacks of the accounts under an OU whose baseline override changed', () => {
    expect(after((c) => (c.baseline = { ouOverrides: { 'Workloads/Dev': { passwordPolicy: { minimumLength: 20 } } } })).affected).toEqual(['workload-shop-dev']);
  });

  it('plans only management for a changed guardrail', () => {
    const result = after((c) => (c.guardrails = { scp: [{ policy: 'region-deny', options: { allowedRegions: ['eu-west-1'] } }] }));
    expect(result.changed).toEqual(['management']);
    expect(result.dependents).toEqual([]);
  });

  it("plans management and the new account's stack for a new account, not the other workloads", () => {
    const result = after((c) => c.accounts.push({ name: 'shop-qa', email: 'aws+shop-qa@acme.example', ou: 'Workloads/Dev' }));
    expect(result.affected).toEqual(['management', 'workload-shop-qa']);
  });

  it('plans every stack for a changed core setting that every stack carries (the default tags)', () => {
    const result = after((c) => (c.organization.tags = { Owner: 'platform' }));
    expect(result.affected).toEqual(Object.keys(base.manifest.stacks).sort());
  });

  it('adds a stack that reads a changed output of a changed stack', () => {
    // Rename an output's target in the previous management stack: the workload reading it must re-plan.
    const previous = JSON.parse(JSON.stringify(base)) as SynthOutput;
    const outputs = (previous.stacks.management as { output: Record<string, { value: string }> }).output;
    const name = Object.keys(outputs).find((o) => o.includes('Account-shop-prod'))!;
    outputs[name].value = '${aws_organizations_account.Elsewhere.id}';
    const result = affectedStacks(previous, base);
    expect(result).toEqual({ changed: ['management'], dependents: ['workload-shop-prod'], removed: [], affected: ['management', 'workload-shop-prod'] });
    // --all-dependents: every stack that runs after management.
    expect(affectedStacks(previous, base, true).dependents).toEqual(['log-archive', 'management-baseline', 'security', 'workload-shop-dev', 'workload-shop-prod']);
  });

  it('lists removed stacks, and waves of only the affected stacks with dependencies outside them met', () => {
    const current = synthesizeToMemory(minimalConfig((c) => (c.accounts = c.accounts.filter((a: { name: string }) => a.name !== 'shop-dev'))));
    const result = affectedStacks(base, current);
    expect(result.removed).toEqual(['workload-shop-dev']);
    expect(planOrder(current.manifest, undefined, result).waves).toEqual([['management']]);
  });
});

describe('lz plan-order --since (built binary, a git repository)', () => {
  let dir: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'lz-since-'));
    writeFileSync(join(dir, 'landing-zone.yaml'), MINIMAL_YAML);
    git('init', '-q');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'base', '--allow-empty');
    git('add', 'landing-zone.yaml');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'config');
    writeFileSync(join(dir, 'landing-zone.yaml'), readFileSync(join(dir, 'landing-zone.yaml'), 'utf8').replace('ou: Workloads/Dev }', 'ou: Workloads/Dev, budget: { monthlyUsd: 5 } }'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('plans only the changed account against HEAD, and fails against a ref that has no config', () => {
    const run = lz(['plan-order', '--since', 'HEAD'], dir);
    expect(run.stderr).toBe('');
    const order = JSON.parse(run.stdout);
    expect(order.waves).toEqual([['workload-shop-dev']]);
    expect(order.affected).toEqual({ changed: ['workload-shop-dev'], dependents: [], removed: [], affected: ['workload-shop-dev'] });
    const first = lz(['plan-order', '--since', 'HEAD~1'], dir);
    expect(first.status).toBe(1);
    expect(first.stderr).toContain('landing-zone.yaml');
  });

  it('fails a ref that is not a commit', () => {
    const run = lz(['plan-order', '--since', 'no-such-ref'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--since no-such-ref: not a commit');
  });
});
