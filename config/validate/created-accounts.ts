import type { Rule } from './rule';
import type { Problem } from '../problems';
import { show } from '../problems';
import { basename } from 'node:path';

/**
 * An account the landing zone created is never adopted. The inventory (config/inventory.ts) knows which: an account it
 * records as active or suspended without an id entered the config without one, so its first apply created it
 * (CreateAccount), and an id is recorded only when the config gives one. Giving such an account an `id` (and `adopt`)
 * would treat it as one that existed before the landing zone: an import of what is already in the state, `adopt`
 * entries pointing at the landing zone's own recorders and analyzers under other names, Control Tower taking it for
 * enrolled, and on an adopted organization the baseline's behaviour settings left alone (and dropped from the plan).
 */
export const checkCreatedAccounts: Rule = (config, { inventory, inventoryFile }) => {
  const problems: Problem[] = [];
  if (!inventory) return problems;
  const file = inventoryFile ? basename(inventoryFile) : 'the inventory beside the config';
  config.accounts.forEach((account, i) => {
    if (account.id === undefined) return;
    const entry = inventory.accounts[account.name];
    if (!entry || entry.state === 'closed' || entry.id !== undefined) return;
    const withAdopt = account.adopt ? ' and adopt' : '';
    problems.push({
      path: ['accounts', i, 'id'],
      message:
        `${show(account.id)} adopts ${account.name}, but the account inventory (${file}) records ${account.name} without an id: the landing zone created it, and what runs in it is the landing zone's own and already in its state; ` +
        `remove id${withAdopt} from accounts[${i}] (an id is only for an account that existed before the landing zone)`,
    });
  });
  return problems;
};
