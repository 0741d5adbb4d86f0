import type { Rule } from './rule';
import type { Problem } from '../problems';
import { show } from '../problems';
import { namingOf, PHYSICAL_NAME_LIMITS, physicalNames, type PhysicalNameKind } from '../../lib/naming';

/** Physical names built from the organization name fit their AWS limits. */
export const checkPhysicalNames: Rule = (config) => {
  const problems: Problem[] = [];
  for (const [kind, name] of Object.entries(physicalNames(namingOf(config)))) {
    const limit = PHYSICAL_NAME_LIMITS[kind as PhysicalNameKind];
    if (name.length > limit) {
      problems.push({
        path: ['organization', 'name'],
        message: `${show(config.organization.name)} makes the ${kind} name ${show(name)} ${name.length} characters long, over the AWS limit of ${limit}; shorten organization.name`,
      });
    }
  }
  return problems;
};
