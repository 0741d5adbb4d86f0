import type { Finding, GateResult, StackVerdict } from './types';

/** The YAML line that acknowledges a finding. */
export function acknowledgeLine(f: Finding): string {
  return `- { change: "${f.id}", reason: "<why this change is intended>" }`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The last line: the verdict of the whole set. */
function summary(result: GateResult): string {
  const failing = result.stacks.filter((s) => !s.pass);
  const refused = failing.reduce((n, s) => n + s.findings.length, 0);
  const acknowledged = result.stacks.reduce((n, s) => n + s.acknowledged.length, 0);
  const notices = result.stacks.reduce((n, s) => n + s.notices.length, 0) + result.unusedAcknowledgements.length;
  const extra = `${plural(acknowledged, 'acknowledged finding')}, ${plural(notices, 'notice')}`;
  if (failing.length === 0) return `lz review-plan: PASS: ${plural(result.stacks.length, 'stack')} reviewed, nothing refused (${extra})`;
  return `lz review-plan: FAIL: ${plural(refused, 'finding')} in ${failing.length} of ${plural(result.stacks.length, 'stack')} (${extra}); fix the config, or acknowledge each intended change in reviewPlan.acknowledge`;
}

/** Plain text: per stack a verdict line, then each finding (✗ refused, ✓ acknowledged, ! notice); a final line. */
export function formatHuman(result: GateResult): string {
  const lines: string[] = [];
  for (const s of result.stacks) {
    lines.push(`${s.stack}: ${s.verdict}${s.acknowledged.length + s.notices.length > 0 ? ` (${s.acknowledged.length} acknowledged, ${plural(s.notices.length, 'notice')})` : ''}`);
    for (const f of s.findings) {
      lines.push(`  ✗ ${f.address}: ${f.message}`);
      lines.push(`    acknowledge with: reviewPlan.acknowledge: ${acknowledgeLine(f)}`);
    }
    for (const f of s.acknowledged) lines.push(`  ✓ ${f.address}: ${f.message}; acknowledged (${f.acknowledged.reason})`);
    for (const f of s.notices) lines.push(`  ! ${f.address}: ${f.message}`);
  }
  for (const a of result.unusedAcknowledgements) lines.push(`! ${a.message}`);
  lines.push(summary(result));
  return lines.join('\n');
}

/** Text for a Markdown table cell: no pipes or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function findingsCell(s: StackVerdict): string {
  const items = [
    ...s.findings.map((f) => `✗ \`${f.address}\`: ${f.message} (\`${f.id}\`)`),
    ...s.acknowledged.map((f) => `✓ \`${f.address}\`: ${f.message}; acknowledged (${f.acknowledged.reason})`),
    ...s.notices.map((f) => `! \`${f.address}\`: ${f.message}`),
  ];
  return items.map(cell).join('<br>');
}

/** Markdown for the pull-request comment: a table of stack, verdict and findings, and how to acknowledge. */
export function formatMarkdown(result: GateResult): string {
  const lines = [
    `### Plan gate (\`lz review-plan\`): ${result.pass ? 'PASS' : 'FAIL'}`,
    '',
    '| stack | verdict | findings |',
    '|---|---|---|',
    ...result.stacks.map((s) => `| \`${s.stack}\` | ${s.pass ? '✅' : '❌'} ${s.verdict} | ${findingsCell(s)} |`),
  ];
  if (result.unusedAcknowledgements.length > 0) {
    lines.push('', ...result.unusedAcknowledgements.map((a) => `- ! ${a.message}`));
  }
  const refused = result.stacks.flatMap((s) => s.findings);
  if (refused.length > 0) {
    lines.push('', 'Fix the config, or acknowledge each intended change in `landing-zone.yaml` with its reason:', '', '```yaml', 'reviewPlan:', '  acknowledge:');
    lines.push(...refused.map((f) => `    ${acknowledgeLine(f)}`), '```');
  }
  lines.push('', summary(result));
  return lines.join('\n');
}

/** The structured result. */
export function formatJson(result: GateResult): string {
  return JSON.stringify(result, null, 2);
}
