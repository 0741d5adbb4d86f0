import type { Rule } from './rule';
import type { Problem } from '../problems';
import { show } from '../problems';

/**
 * Security services that depend on each other are switched on together, and lists name each
 * value once (notification e-mails, standards).
 */
export const checkSecurityServices: Rule = ({ security }) => {
  const problems: Problem[] = [];
  if (security.detective.enabled && !security.guardDuty.enabled) {
    problems.push({
      path: ['security', 'detective', 'enabled'],
      message: 'true needs GuardDuty: Detective builds its behavior graph from GuardDuty findings; set security.guardDuty.enabled: true or turn Detective off',
    });
  }
  const duplicates = (values: readonly string[], path: (string | number)[], what: string) =>
    values.forEach((v, i) => {
      const first = values.findIndex((w) => w.toLowerCase() === v.toLowerCase());
      if (first !== i) problems.push({ path: [...path, i], message: `${show(v)} is already listed at ${path[path.length - 1]}[${first}]; list each ${what} once` });
    });
  duplicates(security.notifications.emails, ['security', 'notifications', 'emails'], 'address');
  duplicates(security.securityHub.standards, ['security', 'securityHub', 'standards'], 'standard');
  duplicates(security.config.rules, ['security', 'config', 'rules'], 'rule');
  duplicates(security.guardDuty.features, ['security', 'guardDuty', 'features'], 'feature');
  return problems;
};
