import type { Rule } from './rule';
import type { Problem } from '../problems';
import { show } from '../problems';

/**
 * Closed accounts stay closed (the account inventory remembers them, config/inventory.ts):
 * - the e-mail of a closed account is never used again: AWS keeps it tied to the closed account,
 *   so CreateAccount with it fails (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-closing.html);
 * - a closed account put back under `accounts` would be created anew (a second AWS account with
 *   the old name); it is refused unless it carries the closed account's recorded id, which adopts
 *   the same account (reopened by AWS Support within 90 days) instead of creating one.
 */
export const checkAccountLifecycle: Rule = (config, { inventory }) => {
  const problems: Problem[] = [];
  if (!inventory) return problems;
  const closed = Object.entries(inventory.accounts).filter(([, entry]) => entry.state === 'closed');
  if (closed.length === 0) return problems;
  const closedByEmail = new Map(closed.filter(([, e]) => e.email).map(([name, e]) => [e.email!.toLowerCase(), { name, ...e }]));
  const closedByName = new Map(closed.map(([name, e]) => [name, e]));
  config.accounts.forEach((account, i) => {
    const record = closedByName.get(account.name);
    const adopted = record !== undefined && account.id !== undefined && (record.id === undefined || record.id === account.id);
    if (record && !adopted) {
      const id = record.id ? ` (${record.id})` : '';
      const given = account.id !== undefined ? `, but its id here is ${show(account.id)}: a closed account can only come back as itself` : '; without its id it would be created again as a new AWS account';
      const fix = record.id
        ? `if AWS Support reopened it, set id: "${record.id}" to adopt it; for a new account use a new name and e-mail`
        : 'for a new account use a new name and e-mail; if AWS Support reopened it, add its id to adopt it';
      problems.push({
        path: ['accounts', i, account.id !== undefined ? 'id' : 'name'],
        message: `${show(account.name)} is a closed account${id} in the account inventory${given}. ${fix[0].toUpperCase()}${fix.slice(1)}`,
      });
    }
    const byEmail = closedByEmail.get(account.email.toLowerCase());
    if (byEmail && !(adopted && byEmail.name === account.name)) {
      problems.push({
        path: ['accounts', i, 'email'],
        message: `${show(account.email)} belongs to the closed account ${show(byEmail.name)}${byEmail.id ? ` (${byEmail.id})` : ''}; AWS never lets the e-mail of a closed account be used again, give this account a new address`,
      });
    }
  });
  return problems;
};
