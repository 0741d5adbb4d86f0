import type { Rule } from './rule';
import type { Problem } from '../problems';
import { didYouMean, show } from '../problems';
import { ROOT_TARGET } from '../schema';
import { allOuPaths, SUSPENDED_OU } from '../model';
import { POLICY_KINDS } from '../../policies/kinds';
import { closedAccountMessage } from './closed-target';

/** Every guardrail target is Root, an OU path of the config or an account name, listed once; a closed account is said to be closed. */
export const checkGuardrailTargets: Rule = (config) => {
  const problems: Problem[] = [];
  const ous = allOuPaths(config);
  const accounts = config.accounts.map((a) => a.name);
  const known = new Set([ROOT_TARGET, ...ous, ...accounts]);
  for (const kind of POLICY_KINDS) {
    config.guardrails[kind].forEach((entry, i) => {
      (entry.targets ?? []).forEach((target, j) => {
        const path = ['guardrails', kind, i, 'targets', j];
        const first = entry.targets!.indexOf(target);
        if (first !== j) {
          problems.push({ path, message: `${show(target)} is already listed at targets[${first}]; list each target once` });
          return;
        }
        if (known.has(target)) return;
        const closed = closedAccountMessage(config, target, 'so no policy can be attached to it; remove it from the targets');
        if (closed) {
          problems.push({ path, message: closed });
          return;
        }
        if (target.toLowerCase() === 'root') {
          problems.push({ path, message: `${show(target)} is not a target; the organization root is written "Root"` });
          return;
        }
        const isPath = target.includes('/') || /^[A-Z]/.test(target);
        const what = isPath ? `OU ${show(target)}` : `account ${show(target)}`;
        const hint =
          didYouMean(target, isPath ? ous : accounts) ||
          didYouMean(target, known) ||
          (target === SUSPENDED_OU
            ? '; the Suspended OU exists only while an account has state: suspended'
            : `; use "Root", an OU path from organizationalUnits or an account name`);
        problems.push({ path, message: `${what} does not exist${hint}` });
      });
    });
  }
  return problems;
};
