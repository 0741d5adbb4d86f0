import type { Rule } from './rule';
import type { Problem } from '../problems';
import { didYouMean, show } from '../problems';
import { allOuPaths } from '../model';
import { ROOT_TARGET } from '../schema/common';
import { closedAccountMessage } from './closed-target';

/** Security Hub configuration policy targets are Root or OUs of the config, each listed once. */
export const checkSecurityTargets: Rule = (config) => {
  const problems: Problem[] = [];
  const { targets } = config.security.securityHub;
  const known = new Set([ROOT_TARGET, ...allOuPaths(config)]);
  targets.forEach((target, i) => {
    const path = ['security', 'securityHub', 'targets', i];
    const first = targets.indexOf(target);
    if (first !== i) problems.push({ path, message: `${show(target)} is already listed at targets[${first}]; list each target once` });
    if (!known.has(target)) {
      const hint = didYouMean(target, known) || `; use "Root" or an OU path from organizationalUnits`;
      const isAccount = config.accounts.some((a) => a.name === target);
      const closed = closedAccountMessage(config, target, 'and Security Hub configuration policies are associated with "Root" or OUs anyway; remove it from the targets');
      problems.push({
        path,
        message: closed ?? (isAccount
          ? `${show(target)} is an account; Security Hub configuration policies are associated with "Root" or OUs, use the account's OU`
          : `OU ${show(target)} does not exist${hint}`),
      });
    }
  });
  return problems;
};
