import type { Rule } from './rule';
import type { Problem } from '../problems';
import { show } from '../problems';

/** A closed account is listed once and is no longer under accounts. */
export const checkClosedAccounts: Rule = ({ accounts, closedAccounts }) => {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  closedAccounts.forEach((closed, i) => {
    const first = seen.get(closed.name);
    if (first !== undefined) {
      problems.push({ path: ['closedAccounts', i, 'name'], message: `${show(closed.name)} is already listed at closedAccounts[${first}]; list each closed account once` });
    } else seen.set(closed.name, i);
    const active = accounts.findIndex((a) => a.name === closed.name);
    if (active >= 0) {
      problems.push({
        path: ['closedAccounts', i, 'name'],
        message: `${show(closed.name)} is also under accounts[${active}]; an account is either managed (accounts) or closed (closedAccounts), remove one of the two`,
      });
    }
  });
  return problems;
};
