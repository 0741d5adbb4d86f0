import type { Rule } from './rule';
import type { PathSegment, Problem } from '../problems';
import { POLICY_KINDS } from '../../policies/kinds';
import { checkPolicyDocument } from '../../policies/document-check';
import { documentProblems } from './document-problems';

/**
 * Custom policies (file or inline document) through the policy document checker (policies/document-check): the grammar
 * of their type, actions, resources, condition operators, keys and values for SCPs and RCPs, and each management policy
 * type's documented syntax and values. A file's problems are reported at `file`, an inline document's at the value
 * inside `document`.
 */
export const checkCustomGuardrails: Rule = (config) => {
  const problems: Problem[] = [];
  for (const kind of POLICY_KINDS) {
    config.guardrails[kind].forEach((entry, i) => {
      if (!entry.document) return;
      const path: PathSegment[] = ['guardrails', kind, i, entry.file ? 'file' : 'document'];
      problems.push(...documentProblems(path, checkPolicyDocument(kind, entry.document), entry.file));
    });
  }
  return problems;
};
