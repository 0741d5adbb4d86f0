import type { Rule } from './rule';
import type { Problem } from '../problems';
import { show } from '../problems';

/** Account names, e-mails and ids are unique; no member account is the management account. */
export const checkUniqueAccounts: Rule = ({ accounts, organization }) => {
  const problems: Problem[] = [];
  const byName = new Map<string, number>();
  const byEmail = new Map<string, number>();
  const byId = new Map<string, number>();
  accounts.forEach((a, i) => {
    const nameAt = byName.get(a.name);
    if (nameAt !== undefined) {
      problems.push({ path: ['accounts', i, 'name'], message: `${show(a.name)} is already used by accounts[${nameAt}]; every account needs its own name` });
    } else byName.set(a.name, i);

    const email = a.email.toLowerCase();
    const emailAt = byEmail.get(email);
    if (emailAt !== undefined) {
      problems.push({
        path: ['accounts', i, 'email'],
        message: `${show(a.email)} is already used by accounts[${emailAt}] (${accounts[emailAt].name}); every account needs its own email`,
      });
    } else byEmail.set(email, i);

    if (a.id !== undefined) {
      if (a.id === organization.managementAccountId) {
        problems.push({
          path: ['accounts', i, 'id'],
          message: `${show(a.id)} is the management account (organization.managementAccountId); the management account is not listed under accounts`,
        });
      }
      const idAt = byId.get(a.id);
      if (idAt !== undefined) {
        problems.push({ path: ['accounts', i, 'id'], message: `${show(a.id)} is already used by accounts[${idAt}] (${accounts[idAt].name}); an account can be adopted once` });
      } else byId.set(a.id, i);
    }
  });
  return problems;
};
