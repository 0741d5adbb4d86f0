import type { Rule } from './rule';
import type { Problem } from '../problems';
import { didYouMean, show } from '../problems';
import { allOuPaths } from '../model';
import { ROOT_TARGET } from '../schema';
import { closedAccountMessage } from './closed-target';

/** StackSet names are unique, targets are OUs (or Root) that exist, regions are governed. */
export const checkStackSets: Rule = (config) => {
  const problems: Problem[] = [];
  const ous = new Set(allOuPaths(config));
  const accountNames = new Set(config.accounts.map((a) => a.name));
  const governed = new Set(config.organization.governedRegions);
  const firstByName = new Map<string, number>();
  config.stackSets.forEach((stackSet, i) => {
    const first = firstByName.get(stackSet.name);
    if (first !== undefined) {
      problems.push({ path: ['stackSets', i, 'name'], message: `${show(stackSet.name)} is already used by stackSets[${first}]; every StackSet needs its own name` });
    } else firstByName.set(stackSet.name, i);

    stackSet.targets.forEach((target, t) => {
      if (target === ROOT_TARGET || ous.has(target)) return;
      const path = ['stackSets', i, 'targets', t];
      const closed = closedAccountMessage(config, target, 'and service-managed StackSets deploy to OUs anyway; remove it from the targets');
      if (closed) {
        problems.push({ path, message: closed });
      } else if (accountNames.has(target)) {
        problems.push({ path, message: `${show(target)} is an account; service-managed StackSets deploy to OUs, so target the account's OU (or "Root")` });
      } else {
        problems.push({ path, message: `OU ${show(target)} does not exist${didYouMean(target, [ROOT_TARGET, ...ous]) || '; use an OU path from organizationalUnits or "Root"'}` });
      }
    });
    (stackSet.regions ?? []).forEach((region, r) => {
      if (!governed.has(region)) {
        problems.push({
          path: ['stackSets', i, 'regions', r],
          message: `${show(region)} is not a governed region; the region-deny guardrail would stop the StackSet there. Use one of ${[...governed].join(', ')} or add it to organization.governedRegions`,
        });
      }
    });
  });
  return problems;
};
