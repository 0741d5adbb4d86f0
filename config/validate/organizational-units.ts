import type { Rule } from './rule';
import type { Problem } from '../problems';
import { didYouMean, show } from '../problems';
import { allOuPaths, depth, MAX_OU_DEPTH, SUSPENDED_OU } from '../model';

/** OU paths listed once, at most 5 deep; every account's OU exists. */
export const checkOrganizationalUnits: Rule = (config) => {
  const problems: Problem[] = [];
  const { organizationalUnits, accounts } = config;
  organizationalUnits.forEach((path, i) => {
    const first = organizationalUnits.indexOf(path);
    if (first !== i) problems.push({ path: ['organizationalUnits', i], message: `${show(path)} is already listed at organizationalUnits[${first}]; list each OU once` });
    if (depth(path) > MAX_OU_DEPTH) {
      problems.push({
        path: ['organizationalUnits', i],
        message: `${show(path)} is ${depth(path)} levels deep; Organizations allows ${MAX_OU_DEPTH} levels of OUs under the root, flatten it`,
      });
    }
    if (path.split('/').some((seg) => seg.toLowerCase() === 'root')) {
      problems.push({ path: ['organizationalUnits', i], message: `${show(path)} uses "Root", the name of the organization root; paths start below it (e.g. "Workloads")` });
    }
  });
  const known = new Set(allOuPaths(config));
  accounts.forEach((a, i) => {
    if (!known.has(a.ou)) {
      problems.push({
        path: ['accounts', i, 'ou'],
        message: `OU ${show(a.ou)} does not exist${didYouMean(a.ou, known) || `; add it to organizationalUnits`}`,
      });
    }
    if (a.ou === SUSPENDED_OU && a.state !== 'suspended') {
      problems.push({ path: ['accounts', i, 'ou'], message: `"${SUSPENDED_OU}" is for suspended accounts; set state: suspended instead, and keep ou as where it would return` });
    }
  });
  return problems;
};
