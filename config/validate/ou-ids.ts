import type { Rule } from './rule';
import type { Problem } from '../problems';
import { didYouMean, show } from '../problems';
import { allOuPaths } from '../model';

/** Every adopted OU (organization.ouIds) is an OU of the config, and each id is adopted once. */
export const checkOuIds: Rule = (config) => {
  const problems: Problem[] = [];
  const known = allOuPaths(config);
  const byId = new Map<string, string>();
  for (const [path, id] of Object.entries(config.organization.ouIds)) {
    if (!known.includes(path)) {
      problems.push({
        path: ['organization', 'ouIds', path],
        message: `OU ${show(path)} is not in organizationalUnits${didYouMean(path, known) || '; add it there or remove this id'}`,
      });
    }
    const other = byId.get(id);
    if (other !== undefined) {
      problems.push({ path: ['organization', 'ouIds', path], message: `${show(id)} is already the id of ${show(other)}; an OU can be adopted once` });
    } else byId.set(id, path);
  }
  return problems;
};
