import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { accountLabel, accountOf, regionLabel } from '../resources';

/**
 * AWS Config evaluates a rule only where a configuration recorder records the account and Region: PutConfigRule
 * fails with NoAvailableConfigurationRecorderException without one. Every aws_config_config_rule therefore needs a
 * recorder of the same account and Region, in any stack (the landing zone's own), or Control Tower's recorder where
 * Control Tower really enrolled the account (controlTower.enrolledAccounts, lz check's Control Tower facts). An
 * account Control Tower did not enroll runs no recorder of Control Tower's, also in a registered OU.
 * @see https://docs.aws.amazon.com/config/latest/APIReference/API_PutConfigRule.html
 * @see https://docs.aws.amazon.com/controltower/latest/userguide/enroll-account.html
 */
export const configRulesRecorder: ConstraintRule = {
  id: 'config-rules-recorder',
  title: 'Every AWS Config rule has a configuration recorder in its account and Region',
  sources: ['https://docs.aws.amazon.com/config/latest/APIReference/API_PutConfigRule.html', 'https://docs.aws.amazon.com/controltower/latest/userguide/enroll-account.html'],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const recorded = new Set(find(ctx, 'aws_config_configuration_recorder').map((r) => `${accountOf(ctx, r)}|${regionLabel(r)}`));
    const seen = new Set<string>();
    const rules = find(ctx, 'aws_config_config_rule');
    for (const rule of rules) {
      const account = accountOf(ctx, rule);
      const region = regionLabel(rule);
      const key = `${account}|${region}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (recorded.has(key)) continue;
      if (ctx.controlTower?.recordedRegions[rule.stack]?.includes(region)) {
        evidence.push(evidenceOf(rule, `Control Tower's recorder records ${accountLabel(ctx, account)} in ${region} (enrolled)`));
        continue;
      }
      problems.push(
        `${rule.stack}: ${rule.name} and the other Config rules of ${accountLabel(ctx, account)} in ${region} have no configuration recorder there` +
          `${ctx.controlTower ? ' (the account is not enrolled in Control Tower: controlTower.enrolledAccounts)' : ''}; PutConfigRule fails with NoAvailableConfigurationRecorderException: turn the baseline's Config on for the account (baseline.config.enabled)`,
      );
    }
    if (problems.length === 0 && rules.length > 0) evidence.push(evidenceOf(rules[0], `${seen.size} (account, Region) pairs with rules, each with a recorder`));
    return verdict(evidence, problems);
  },
};
