import type { PathSegment, Problem } from '../problems';
import { show } from '../problems';
import { formatInnerPath, type DocumentFinding } from '../../policies/document-check';

/**
 * Problems of a policy document in the config, from the checker's findings (policies/document-check). An inline document
 * (`document`, a permission set's `inlinePolicy`) is part of the YAML, so each problem's path goes into it and its line is
 * the line of the value: `guardrails.scp[1].document.Statement[0].Condition.StringNotEquals.aws:PrincipalArm`. A
 * document read from a file is reported at the entry's `file`, the message naming the file and the path inside it.
 */
export function documentProblems(documentPath: readonly PathSegment[], findings: readonly DocumentFinding[], file?: string): Problem[] {
  return findings.map((f) => {
    if (file === undefined) return { path: [...documentPath, ...f.at], message: f.message };
    const inner = formatInnerPath(f.at);
    return { path: [...documentPath], message: `${show(file)} ${inner === '' ? '' : `${inner} `}${f.message}` };
  });
}
