import type { Rule } from './rule';
import type { Problem } from '../problems';
import { didYouMean, show } from '../problems';
import { allOuPaths } from '../model';
import { effectivePermissionSets } from '../identity';
import { ROOT_TARGET } from '../schema';
import { closedAccountMessage } from './closed-target';

/**
 * Identity Center references resolve: permission set and group names are unique, and every
 * assignment names a known group, a known permission set and existing accounts / OUs.
 */
export const checkIdentityCenter: Rule = (config) => {
  const problems: Problem[] = [];
  const { identityCenter } = config;
  if (!identityCenter.enabled) return problems;

  const firstIndex = <T>(items: readonly T[], key: (t: T) => string) => {
    const seen = new Map<string, number>();
    return items.map((item, i) => {
      const k = key(item);
      const first = seen.get(k);
      if (first === undefined) seen.set(k, i);
      return first;
    });
  };
  firstIndex(identityCenter.permissionSets, (p) => p.name).forEach((first, i) => {
    if (first !== undefined) {
      problems.push({
        path: ['identityCenter', 'permissionSets', i, 'name'],
        message: `${show(identityCenter.permissionSets[i].name)} is already defined at permissionSets[${first}]; every permission set needs its own name`,
      });
    }
  });
  // Identity store display names are case-insensitively unique.
  firstIndex(identityCenter.groups, (g) => g.name.toLowerCase()).forEach((first, i) => {
    if (first !== undefined) {
      problems.push({
        path: ['identityCenter', 'groups', i, 'name'],
        message: `${show(identityCenter.groups[i].name)} is already listed at groups[${first}]; group names are unique in the identity store (ignoring case)`,
      });
    }
  });

  const permissionSets = effectivePermissionSets(config).map((p) => p.name);
  const groups = identityCenter.groups.map((g) => g.name);
  const ous = allOuPaths(config);
  const accounts = config.accounts.map((a) => a.name);
  const targetNames = [ROOT_TARGET, ...ous, ...accounts];

  identityCenter.assignments.forEach((assignment, i) => {
    const at = ['identityCenter', 'assignments', i];
    if (!groups.includes(assignment.group)) {
      problems.push({
        path: [...at, 'group'],
        message: `group ${show(assignment.group)} is not in identityCenter.groups${didYouMean(assignment.group, groups) || '; add it there (existing: true for a group from your IdP)'}`,
      });
    }
    if (!permissionSets.includes(assignment.permissionSet)) {
      const hint = identityCenter.includeDefaultPermissionSets ? '' : ' (includeDefaultPermissionSets is false)';
      problems.push({
        path: [...at, 'permissionSet'],
        message: `permission set ${show(assignment.permissionSet)} is not defined${hint}${didYouMean(assignment.permissionSet, permissionSets) || `; define it under identityCenter.permissionSets or use one of ${permissionSets.join(', ')}`}`,
      });
    }
    assignment.targets.forEach((target, j) => {
      if (targetNames.includes(target)) return;
      const message =
        closedAccountMessage(config, target, 'so nobody can be given access to it; remove it from the targets') ??
        `${show(target)} is neither an account name, an OU path nor "Root"${didYouMean(target, targetNames) || '; use an account name from accounts or a path from organizationalUnits'}`;
      problems.push({ path: [...at, 'targets', j], message });
    });
  });
  return problems;
};
