import type { Rule } from './rule';
import type { Problem } from '../problems';
import { controlTowerOwnsConfig } from '../brownfield';
import { governedRegions, workloadStackId } from '../model';

/**
 * An account entry does not adopt its Config recorders and turn Config off for itself at once. `adopt.configRecorders`
 * hands the account's recorders to the landing zone (imported, then managed under their names); its own
 * `baseline.config.enabled: false` says the landing zone runs no recorder there, so the plan either never imports them
 * or, once they were imported, deletes the recorders the account ran before the landing zone. lz import writes only
 * `adopt` (what exists) and never an account's baseline, so this is the config contradicting itself; a recorder where
 * Config is off at the top level or for a whole OU stays a record of what exists (config/validate/adopt.ts).
 * @see https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html
 */
export const checkAdoptConfigOff: Rule = (config) => {
  const problems: Problem[] = [];
  const governed = governedRegions(config);
  config.accounts.forEach((account, i) => {
    if (account.baseline?.config?.enabled !== false || !account.id) return;
    const recorders = Object.entries(account.adopt?.configRecorders ?? {}).filter(([r]) => governed.includes(r) && !controlTowerOwnsConfig(config, account, r));
    if (recorders.length === 0) return;
    const names = recorders.map(([r, adopted]) => `${r}: ${adopted?.recorder}`).join(', ');
    problems.push({
      path: ['accounts', i, 'baseline', 'config', 'enabled'],
      message:
        `false turns AWS Config off for ${account.name}, whose recorders accounts[${i}].adopt.configRecorders hands to the landing zone (${names}): once imported they are the landing zone's, and with Config off the plan deletes them. ` +
        `Keep Config on for this account (remove accounts[${i}].baseline.config.enabled), or to let the recorders go, forget them first (terraform state rm of their recorder, status and delivery channel in ${account.role === 'workload' ? workloadStackId(account.name) : account.role}) and then remove accounts[${i}].adopt.configRecorders`,
    });
  });
  return problems;
};
