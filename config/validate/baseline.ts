import type { Rule } from './rule';
import type { Problem } from '../problems';
import { didYouMean, show } from '../problems';
import { allOuPaths } from '../model';

/**
 * Baseline overrides point at OUs that exist, and an account sets each value once (not both in
 * its shortcut `budget` / `alternateContacts` and in its `baseline`).
 */
export const checkBaseline: Rule = (config) => {
  const problems: Problem[] = [];
  const known = new Set(allOuPaths(config));
  for (const ou of Object.keys(config.baseline.ouOverrides)) {
    if (!known.has(ou)) {
      problems.push({
        path: ['baseline', 'ouOverrides', ou],
        message: `OU ${show(ou)} does not exist${didYouMean(ou, known) || '; add it to organizationalUnits or remove the override'}`,
      });
    }
  }
  config.accounts.forEach((account, i) => {
    if (account.budget && account.baseline?.budget?.monthlyUsd !== undefined) {
      problems.push({
        path: ['accounts', i, 'baseline', 'budget', 'monthlyUsd'],
        message: `${show(account.baseline.budget.monthlyUsd)} repeats accounts[${i}].budget.monthlyUsd (${show(account.budget.monthlyUsd)}); set the monthly budget in one place`,
      });
    }
    for (const type of ['billing', 'operations', 'security'] as const) {
      if (account.alternateContacts?.[type] && account.baseline?.alternateContacts?.[type]) {
        problems.push({
          path: ['accounts', i, 'baseline', 'alternateContacts', type],
          message: `repeats accounts[${i}].alternateContacts.${type}; set the ${type} contact in one place`,
        });
      }
    }
  });
  return problems;
};
