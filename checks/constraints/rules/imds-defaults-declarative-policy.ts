import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find } from '../../checklist/resources';
import { organizationPolicies } from '../../checklist/policies';
import type { ConstraintRule } from '../types';
import { accountLabel, accountOf, regionLabel } from '../resources';
import { accountsReachedBy } from '../organization';

/**
 * One owner per setting: where an EC2 declarative policy sets instance_metadata_defaults, the
 * account's IMDS defaults are managed by the declarative policy and account administrators can't
 * modify them (GetInstanceMetadataDefaults reports managedBy = declarative-policy), so an
 * aws_ec2_instance_metadata_defaults in a reached account fails. A management policy attached to
 * the root reaches every account, the management account included.
 */
export const imdsDefaultsDeclarativePolicy: ConstraintRule = {
  id: 'imds-defaults-declarative-policy',
  title: 'EC2 instance metadata defaults are set by the declarative policy or by the account, not both',
  sources: [
    'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_declarative_syntax.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceMetadataDefaultsResponse.html',
    'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_effective.html',
  ],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const managing = organizationPolicies(ctx).filter((p) => p.type === 'DECLARATIVE_POLICY_EC2' && p.document?.ec2_attributes?.instance_metadata_defaults);
    const reach = managing.flatMap((p) => p.attachments.map((a) => ({ policy: p, reached: accountsReachedBy(ctx, a.targetId) })));
    const offending = new Map<string, { policy: string; where: string[] }>();
    for (const imds of find(ctx, 'aws_ec2_instance_metadata_defaults')) {
      const account = accountOf(ctx, imds);
      const hit = reach.find((r) => r.reached === 'all' || r.reached.has(account));
      if (!hit) {
        evidence.push(evidenceOf(imds, `${accountLabel(ctx, account)} is outside every declarative policy that sets instance_metadata_defaults`));
        continue;
      }
      const key = `${imds.stack}|${accountLabel(ctx, account)}`;
      const entry = offending.get(key) ?? { policy: hit.policy.name, where: [] };
      entry.where.push(regionLabel(imds));
      offending.set(key, entry);
    }
    for (const [key, { policy, where }] of offending) {
      const [stack, account] = key.split('|');
      problems.push(
        `${stack}: aws_ec2_instance_metadata_defaults for ${account} (${where.join(', ')}), but the declarative policy "${policy}" manages instance_metadata_defaults there; ` +
          'AWS refuses account-level changes to declarative-managed attributes: keep one owner (drop the baseline setting where the policy reaches, or the policy attribute)',
      );
    }
    return verdict(evidence, problems);
  },
};
