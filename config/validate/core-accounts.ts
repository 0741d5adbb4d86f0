import type { Rule } from './rule';
import type { Problem } from '../problems';

const CORE_ROLES = ['log-archive', 'security'] as const;

/** Exactly one log-archive and one security account, and neither suspended. */
export const checkCoreAccounts: Rule = ({ accounts }) => {
  const problems: Problem[] = [];
  for (const role of CORE_ROLES) {
    const holders = accounts.flatMap((a, i) => (a.role === role ? [i] : []));
    if (holders.length === 0) {
      problems.push({ path: ['accounts'], message: `has no account with role: ${role}; add one (e.g. { name: ${role}, email: ..., ou: Security, role: ${role} })` });
    }
    for (const i of holders.slice(1)) {
      problems.push({
        path: ['accounts', i, 'role'],
        message: `"${role}" is already the role of accounts[${holders[0]}] (${accounts[holders[0]].name}); exactly one account has this role, make this one a workload`,
      });
    }
    for (const i of holders) {
      if (accounts[i].state === 'suspended') {
        problems.push({ path: ['accounts', i, 'state'], message: `"suspended" cannot apply to the ${role} account; the landing zone needs it active` });
      }
    }
  }
  return problems;
};
