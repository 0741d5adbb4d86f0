import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find, type FoundResource } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { accountLabel, accountOf, regionLabel } from '../resources';

/**
 * True when a recorder records the global IAM resource types (users, groups, roles, policies):
 * include_global_resource_types, or IAM types listed explicitly. Without a recording group Config
 * records every type except those.
 */
function recordsGlobal(r: FoundResource): boolean {
  const group = Array.isArray(r.body.recording_group) ? r.body.recording_group[0] : r.body.recording_group;
  if (!group) return false;
  return group.include_global_resource_types === true || (group.resource_types ?? []).some((t: unknown) => /^AWS::IAM::(User|Group|Role|Policy)$/.test(String(t)));
}

/**
 * AWS Config: record the global IAM resource types in one Region per account only, or every
 * recording Region keeps duplicate configuration items (and bills them).
 */
export const configGlobalResourcesOnce: ConstraintRule = {
  id: 'config-global-resources-once',
  title: 'AWS Config records global IAM resource types in one Region per account',
  sources: ['https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html', 'https://docs.aws.amazon.com/config/latest/APIReference/API_PutConfigurationRecorder.html'],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const byAccount = new Map<string, FoundResource[]>();
    for (const r of find(ctx, 'aws_config_configuration_recorder').filter(recordsGlobal)) {
      const account = accountOf(ctx, r);
      byAccount.set(account, [...(byAccount.get(account) ?? []), r]);
    }
    for (const [account, recorders] of byAccount) {
      if (recorders.length > 1) {
        problems.push(
          `${accountLabel(ctx, account)} records global resource types in ${recorders.length} Regions (${recorders.map((r) => `${r.stack} ${regionLabel(r)}`).join(', ')}); set include_global_resource_types in the home Region only`,
        );
      } else evidence.push(evidenceOf(recorders[0], `global resource types in ${regionLabel(recorders[0])} only`));
    }
    return verdict(evidence, problems);
  },
};
