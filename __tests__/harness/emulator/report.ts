import { EXAMPLES } from '../config';
import type { ExampleRun } from './apply';
import { entryLabel } from './switches';

/** The per-stack table printed at the end of an emulator run. */
export function emulatorTable(run: ExampleRun): string {
  const header = ['stack', 'planned', 'applied', 'gaps off', 'dependents off', 'errors', 'second plan', 'seconds'];
  const rows = run.stacks.map((s) => [s.stack, String(s.planned), String(s.applied), String(s.gaps), String(s.dependents), String(s.failures.length), s.secondPlan, String(s.seconds)]);
  const total = (i: number) => String(rows.reduce((n, r) => n + Number(r[i]), 0));
  rows.push(['(total)', total(1), total(2), total(3), total(4), total(5), run.stacks.every((s) => s.secondPlan === 'clean') ? 'clean' : 'NOT clean', '']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const gapLines = run.gapChecks.map((c) => `  ${c.outcome.padEnd(7)} ${c.stack}: ${entryLabel(c.entry)} x${c.addresses.length}: ${c.evidence}`);
  return [
    `emulator apply of ${(EXAMPLES as readonly string[]).includes(run.example) ? `examples/${run.example}.yaml` : `the ${run.example} scenario`} (moto):`,
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
    'gap list, switched back on:',
    ...gapLines,
  ].join('\n');
}
