import type { Rule } from './rule';
import type { Problem } from '../problems';
import { show } from '../problems';
import { DEFAULT_PERMISSION_SETS } from '../schema';

/**
 * A permission set of yours named like a built-in default (AdministratorAccess, PowerUserAccess, ReadOnlyAccess)
 * replaces the default (config/identity.ts). Redefined without any policy (no AWS managed, customer managed or inline
 * policy) while an assignment gives it, it grants nothing: the groups assigned it, typically the platform's
 * administrators at Root, lose their access to every account it reaches at the next apply, the landing zone's
 * operators included.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html
 */
export const checkDefaultPermissionSets: Rule = ({ identityCenter }) => {
  const problems: Problem[] = [];
  if (!identityCenter.enabled || !identityCenter.includeDefaultPermissionSets) return problems;
  identityCenter.permissionSets.forEach((set, i) => {
    const builtIn = DEFAULT_PERMISSION_SETS.find((d) => d.name === set.name);
    if (!builtIn) return;
    if (set.managedPolicies.length > 0 || set.customerManagedPolicies.length > 0 || set.inlinePolicy) return;
    const uses = identityCenter.assignments
      .map((a, j) => ({ a, j }))
      .filter(({ a }) => a.permissionSet === set.name)
      .map(({ a, j }) => `assignments[${j}] (${a.group} in ${a.targets.join(', ')})`);
    if (uses.length === 0) return;
    problems.push({
      path: ['identityCenter', 'permissionSets', i],
      message:
        `redefines the default permission set ${show(set.name)} with no policy at all, and ${uses.join(', ')} ${uses.length === 1 ? 'gives' : 'give'} it: those groups would lose every permission the default gave (${builtIn.managedPolicies!.join(', ')}) at the next apply; ` +
        `add managedPolicies: [${builtIn.managedPolicies!.join(', ')}] (or the policies it should grant), or give your permission set another name`,
    });
  });
  return problems;
};
