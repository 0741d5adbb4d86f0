import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from '../harness/config';

/** The project's own TypeScript sources (no tests, no build output, no dependencies). */
function sourceFiles(dir = ROOT): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (['node_modules', 'dist', '__tests__', '.git', 'cdktf.out'].includes(name) || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Relative imports of a file (static, type-only, re-exports and require), resolved to files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.{1,2}(?:\/[^'"]*)?)['"]/gm)].map((m) => m[1]);
  return specs.flatMap((spec) => {
    const base = resolve(dirname(file), spec);
    const found = [`${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p));
    return found ? [found] : [];
  });
}

/** Every import cycle of a graph, each once, as a path that ends where it starts. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

const graph = new Map(sourceFiles().map((f) => [relative(ROOT, f), importsOf(f).map((i) => relative(ROOT, i))]));

describe('module structure', () => {
  it('has no import cycle', () => {
    expect(findCycles(graph).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('finds a cycle, type-only imports included (the check can fail)', () => {
    expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
    const rule = join(ROOT, 'config', 'validate', 'regions.ts');
    expect(importsOf(rule).map((f) => relative(ROOT, f))).toContain(join('config', 'validate', 'rule.ts'));
  });

  it('keeps the synth orchestration on top: only main.ts, the CLI and the bench import synth/', () => {
    const importers = [...graph].filter(([file, deps]) => !file.startsWith('synth/') && deps.some((d) => d.startsWith('synth/'))).map(([file]) => file);
    expect(importers.filter((f) => !(f === 'main.ts' || f.startsWith('cli/') || f.startsWith('bench/')))).toEqual([]);
  });

  it('keeps discovery/ a layer below the CLI: it reads AWS and imports nothing of cli/, stacks/ or synth/', () => {
    const up = [...graph]
      .filter(([file]) => file.startsWith('discovery/'))
      .flatMap(([file, deps]) => deps.filter((d) => /^(cli|stacks|synth)\//.test(d)).map((d) => `${file} -> ${d}`));
    expect(up).toEqual([]);
  });

  it('keeps checks/ a layer below the CLI: the rules that judge output and plans import nothing of cli/ or synth/', () => {
    const checks = [...graph].filter(([file]) => file.startsWith('checks/'));
    expect(checks.length).toBeGreaterThan(0);
    const up = checks.flatMap(([file, deps]) => deps.filter((d) => /^(cli|synth)\//.test(d)).map((d) => `${file} -> ${d}`));
    expect(up).toEqual([]);
  });

  it('keeps lib/ the ground floor: it imports nothing of the landing zone', () => {
    const up = [...graph].filter(([file]) => file.startsWith('lib/')).flatMap(([file, deps]) => deps.filter((d) => !d.startsWith('lib/')).map((d) => `${file} -> ${d}`));
    expect(up).toEqual([]);
  });
});
