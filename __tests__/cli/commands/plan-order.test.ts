import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { examplesCopy, ensureBuilt, lz } from '../binary';
import { dependencyWaves, jobGroups } from '../../../cli/lib/waves';
import { planOrder } from '../../../cli/commands/plan-order';

describe('dependencyWaves', () => {
  it('puts every stack in the first wave after all of its dependencies, sorted inside a wave', () => {
    const waves = dependencyWaves({
      stacks: { b: { dependencies: ['a'] }, a: { dependencies: [] }, d: { dependencies: ['a', 'c'] }, c: { dependencies: ['b'] }, e: { dependencies: ['a'] } },
    });
    expect(waves).toEqual([['a'], ['b', 'e'], ['c'], ['d']]);
  });

  it('fails a dependency cycle naming it', () => {
    expect(() => dependencyWaves({ stacks: { a: { dependencies: ['b'] }, b: { dependencies: ['a'] } } })).toThrow('the stacks depend on each other in a cycle: a -> b -> a');
  });

  it('fails a dependency on a stack that is not in the manifest', () => {
    expect(() => dependencyWaves({ stacks: { a: { dependencies: ['ghost'] } } })).toThrow('stack "a" depends on "ghost", which is not in the manifest');
  });
});

describe('jobGroups', () => {
  it('keeps one stack per job while a wave fits in the job limit', () => {
    expect(jobGroups([['management'], ['workload-a', 'workload-b']], 200)).toEqual([
      [{ first: 'management', stacks: 'management' }],
      [
        { first: 'workload-a', stacks: 'workload-a' },
        { first: 'workload-b', stacks: 'workload-b' },
      ],
    ]);
  });

  it('splits a wave of 5,000 stacks into at most 200 jobs that cover every stack once', () => {
    const wave = Array.from({ length: 5000 }, (_, i) => `workload-app-${String(i).padStart(5, '0')}`);
    const [groups] = jobGroups([wave]);
    expect(groups).toHaveLength(200);
    expect(groups.flatMap((g) => g.stacks.split(' '))).toEqual(wave);
    expect(groups.every((g) => g.stacks.startsWith(g.first))).toBe(true);
    expect(jobGroups([wave.slice(0, 201)])[0].length).toBeLessThanOrEqual(200);
  });
});

describe('lz plan-order (built binary)', () => {
  let dir: string;
  let manifest: { stacks: Record<string, { dependencies: string[] }> };
  beforeAll(() => {
    ensureBuilt();
    dir = examplesCopy();
    const synth = lz(['synth', '-c', 'enterprise.yaml', '-o', 'out'], dir);
    if (synth.status !== 0) throw new Error(synth.stderr);
    manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8'));
  });

  it('prints the enterprise stacks in the documented order: bootstrap, management, log-archive, then management-baseline and security together, then all workloads in parallel', () => {
    const run = lz(['plan-order', '--out', 'out'], dir);
    expect(run.status).toBe(0);
    const order = JSON.parse(run.stdout);
    const workloads = Object.keys(manifest.stacks).filter((id) => id.startsWith('workload-')).sort();
    const waves = [['bootstrap'], ['management'], ['log-archive'], ['management-baseline', 'security'], workloads];
    expect(order).toEqual({ waves, stacks: workloads.length + 5, jobs: waves.map((w) => w.map((id) => ({ first: id, stacks: id }))) });
  });

  it('matches the manifest: every dependency sits in an earlier wave and every stack appears once', () => {
    const { waves } = planOrder(manifest);
    const waveOf = new Map(waves.flatMap((w, i) => w.map((id) => [id, i] as const)));
    expect([...waveOf.keys()].sort()).toEqual(Object.keys(manifest.stacks).sort());
    for (const [id, entry] of Object.entries(manifest.stacks)) {
      for (const dep of entry.dependencies) expect(waveOf.get(dep)!).toBeLessThan(waveOf.get(id)!);
    }
  });

  it('synthesizes the config itself when --out is not given, and prints one wave with --wave', () => {
    const run = lz(['plan-order', '-c', 'minimal.yaml', '--wave', '0'], dir);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(['management']);
    expect(JSON.parse(lz(['plan-order', '-c', 'minimal.yaml', '--wave', '9'], dir).stdout)).toEqual([]);
  });

  it('leaves out local-state stacks with --remote-state-only, treating dependencies on them as met', () => {
    const run = lz(['plan-order', '--out', 'out', '--remote-state-only'], dir);
    expect(run.status).toBe(0);
    const order = JSON.parse(run.stdout);
    expect(order.waves[0]).toEqual(['management']);
    expect(order.waves.flat()).not.toContain('bootstrap');
    expect(order.skipped).toEqual([{ stack: 'bootstrap', reason: 'local state: a CI runner would lose it; apply this stack from a workstation' }]);
  });

  it('fails a --wave that is not a number', () => {
    const run = lz(['plan-order', '--out', 'out', '--wave', 'last'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--wave "last" is not a wave number');
  });
});
