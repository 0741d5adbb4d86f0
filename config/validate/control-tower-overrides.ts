import type { Rule } from './rule';
import type { Problem } from '../problems';
import { show } from '../problems';
import type { AccountConfig, LandingZoneConfig } from '../schema';
import { CONTROL_TOWER } from '../schema/control-tower';
import { controlTowerOwnsConfig } from '../brownfield';
import { governedRegions } from '../model';
import { isInOu } from '../identity';

/** Whether Control Tower owns the account's AWS Config recorder in every governed region (the landing zone makes none there). */
function controlTowerRecordsAll(config: LandingZoneConfig, account: AccountConfig): boolean {
  return governedRegions(config).every((r) => controlTowerOwnsConfig(config, account, r));
}

/**
 * AWS Config settings (`config.*` of the baseline) are not set for what Control Tower owns. In an enrolled account,
 * Control Tower runs the recorder and delivery channel of every region it governs (aws-controltower-BaselineConfigRecorder),
 * and its mandatory control AWS-GR_CONFIG_CHANGE_PROHIBITED lets nobody but its execution role change them: the
 * landing zone makes no recorder there, so an override of a registered OU (baseline.ouOverrides[<registered OU>].config)
 * or of an enrolled account (accounts[].baseline.config) changes nothing for those accounts, while the file says it
 * does (a frequency, Config off, the service-linked role). Control Tower's own settings say how it records.
 * The top-level baseline.config stays: it is the setting of every account the landing zone records.
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/mandatory-controls.html
 * @see https://docs.aws.amazon.com/controltower/latest/userguide/config-faqs.html
 */
export const checkControlTowerOverrides: Rule = (config) => {
  const problems: Problem[] = [];
  const ct = config.controlTower;
  if (!ct) return problems;
  for (const [ou, override] of Object.entries(config.baseline.ouOverrides)) {
    if (!override.config || Object.keys(override.config).length === 0 || !ct.registeredOus.includes(ou)) continue;
    const reached = config.accounts.filter((a) => isInOu(a, ou));
    const owned = reached.filter((a) => controlTowerRecordsAll(config, a)).map((a) => a.name);
    if (owned.length === 0) continue;
    const ours = reached.filter((a) => !owned.includes(a.name)).map((a) => a.name);
    problems.push({
      path: ['baseline', 'ouOverrides', ou, 'config'],
      message:
        `sets ${Object.keys(override.config).join(', ')} for OU ${show(ou)}, which is registered with Control Tower: Control Tower owns the Config recorders of ${owned.join(', ')} (${CONTROL_TOWER.recorder}, changed by nobody but its execution role), so the override does not reach them; ` +
        `change how Control Tower records in its landing zone settings and remove ${Object.keys(override.config).length === 1 ? 'it' : 'them'} here` +
        (ours.length > 0 ? `, and set them on the accounts the landing zone records instead (accounts[].baseline.config of ${ours.join(', ')})` : ''),
    });
  }
  config.accounts.forEach((account, i) => {
    const own = account.baseline?.config;
    if (!own || Object.keys(own).length === 0 || !controlTowerRecordsAll(config, account)) return;
    problems.push({
      path: ['accounts', i, 'baseline', 'config'],
      message:
        `sets ${Object.keys(own).join(', ')} for ${account.name}, which Control Tower has enrolled: Control Tower owns its Config recorders in every governed region (${CONTROL_TOWER.recorder}, changed by nobody but its execution role), so the landing zone makes none and these settings change nothing; ` +
        `remove them (Control Tower's landing zone settings say how it records)`,
    });
  });
  return problems;
};
