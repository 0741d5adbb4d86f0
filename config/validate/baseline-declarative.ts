import type { Rule } from './rule';
import type { Problem } from '../problems';
import { show } from '../problems';
import { effectiveOu } from '../model';
import { ec2AttributeOwners, targetsAbove } from '../../policies/declarative/ec2-attributes';

/**
 * A baseline override of `instanceMetadata` has no effect where an EC2 declarative policy declares
 * `instance_metadata_defaults`: AWS refuses account IMDS defaults there, so the baseline leaves them out
 * (stacks/baseline/hardening.ts). Written for an OU every account of which the policy reaches, or for
 * such an account, it is reported rather than silently ignored. (The top-level `baseline.instanceMetadata`
 * keeps applying to the accounts no such policy reaches.)
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_declarative_syntax.html
 */
export const checkBaselineDeclarative: Rule = (config) => {
  const problems: Problem[] = [];
  const fix = (owners: string[]) =>
    `the EC2 declarative ${owners.length === 1 ? 'policy' : 'policies'} ${owners.map((o) => show(o)).join(', ')} declare${owners.length === 1 ? 's' : ''} instance_metadata_defaults there and AWS refuses account IMDS defaults; remove this override, or set options.imdsv2Required: false on ec2-block-public-access (or leave IMDS out of the custom policy) so the baseline owns IMDS`;
  for (const [ou, override] of Object.entries(config.baseline.ouOverrides)) {
    if (!override?.instanceMetadata) continue;
    const owners = ec2AttributeOwners(config, targetsAbove(ou), 'instance_metadata_defaults');
    if (owners.length > 0) problems.push({ path: ['baseline', 'ouOverrides', ou, 'instanceMetadata'], message: `has no effect: ${fix(owners)}` });
  }
  config.accounts.forEach((account, i) => {
    if (!account.baseline?.instanceMetadata) return;
    const owners = ec2AttributeOwners(config, [...targetsAbove(effectiveOu(account)), account.name], 'instance_metadata_defaults');
    if (owners.length > 0) problems.push({ path: ['accounts', i, 'baseline', 'instanceMetadata'], message: `has no effect on account ${show(account.name)}: ${fix(owners)}` });
  });
  return problems;
};
