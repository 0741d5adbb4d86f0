import type { Rule } from './rule';
import type { Problem } from '../problems';
import { show } from '../problems';

/**
 * Security services that depend on each other are switched on together, and lists name each
 * value once (notification e-mails, standards). Inspector's scan types depend on each other too:
 * Lambda code scanning runs only with Lambda standard scanning activated.
 * @see https://docs.aws.amazon.com/inspector/latest/user/scanning-lambda.html
 */
export const checkSecurityServices: Rule = ({ security }) => {
  const problems: Problem[] = [];
  if (security.detective.enabled && !security.guardDuty.enabled) {
    problems.push({
      path: ['security', 'detective', 'enabled'],
      message: 'true needs GuardDuty: Detective builds its behavior graph from GuardDuty findings; set security.guardDuty.enabled: true or turn Detective off',
    });
  }
  const inspectorTypes = security.inspector.resourceTypes;
  if (security.inspector.enabled && inspectorTypes.includes('LAMBDA_CODE') && !inspectorTypes.includes('LAMBDA')) {
    problems.push({
      path: ['security', 'inspector', 'resourceTypes', inspectorTypes.indexOf('LAMBDA_CODE')],
      message:
        '"LAMBDA_CODE" (Lambda code scanning) needs "LAMBDA" (Lambda standard scanning): Inspector activates code scanning only on top of standard scanning (https://docs.aws.amazon.com/inspector/latest/user/scanning-lambda.html); add LAMBDA to security.inspector.resourceTypes or remove LAMBDA_CODE',
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
  duplicates(inspectorTypes, ['security', 'inspector', 'resourceTypes'], 'resource type');
  return problems;
};
