import { verdict, type CheckRule, type Evidence } from '../types';
import { evidenceOf, find, isRootTarget } from '../resources';

/**
 * Seed 004 state 1-D: GuardDuty and Security Hub organization-wide. GuardDuty: in every governed
 * region a delegated administrator and an organization configuration that auto-enables ALL members.
 * Security Hub: a delegated administrator and either central configuration with a policy associated
 * to the root (service enabled) whose finding aggregator links every governed region, or local
 * configuration with auto_enable.
 */
export const guardDutySecurityHub: CheckRule = {
  id: 'guardduty-securityhub',
  title: 'GuardDuty and Security Hub organization-wide in every governed region',
  seedItem: '1-D',
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const home = ctx.governedRegions[0];

    const gdAdmins = find(ctx, 'aws_guardduty_organization_admin_account');
    const gdOrg = find(ctx, 'aws_guardduty_organization_configuration');
    const gdMissing: string[] = [];
    for (const region of ctx.governedRegions) {
      const admin = gdAdmins.find((a) => a.region === region);
      const org = gdOrg.find((o) => o.region === region && (o.body.auto_enable_organization_members === 'ALL' || o.body.auto_enable === true));
      if (!admin) gdMissing.push(`${region}: no delegated administrator`);
      if (!org) gdMissing.push(`${region}: no organization configuration auto-enabling ALL members`);
      if (admin && org && region === home) evidence.push(evidenceOf(org, `auto_enable_organization_members = ALL in ${ctx.governedRegions.length} region(s)`));
    }
    if (gdMissing.length > 0) problems.push(`GuardDuty ${gdMissing.join('; ')} (security.guardDuty)`);

    const shAdmin = find(ctx, 'aws_securityhub_organization_admin_account')[0];
    if (!shAdmin) problems.push('Security Hub: no delegated administrator (aws_securityhub_organization_admin_account)');
    const shOrg = find(ctx, 'aws_securityhub_organization_configuration')[0];
    if (!shOrg) {
      problems.push('Security Hub: no organization configuration (security.securityHub)');
      return verdict(evidence, problems);
    }
    if (shOrg.body.organization_configuration?.configuration_type === 'CENTRAL') {
      const enabledPolicies = new Set(
        find(ctx, 'aws_securityhub_configuration_policy')
          .filter((p) => p.body.configuration_policy?.service_enabled === true)
          .map((p) => `aws_securityhub_configuration_policy.${p.name}`),
      );
      const rootAssociation = find(ctx, 'aws_securityhub_configuration_policy_association').find(
        (a) => isRootTarget(a.body.target_id) && [...enabledPolicies].some((p) => String(a.body.policy_id).includes(`${p}.`)),
      );
      if (rootAssociation) evidence.push(evidenceOf(rootAssociation, 'central configuration policy (service enabled) associated with Root'));
      else problems.push('Security Hub: central configuration has no enabled policy associated with Root (security.securityHub.targets: [Root])');
      const aggregator = find(ctx, 'aws_securityhub_finding_aggregator')[0];
      const linked = aggregator?.body.linking_mode === 'ALL_REGIONS' ? ctx.governedRegions : [aggregator?.region, ...(aggregator?.body.specified_regions ?? [])];
      const unlinked = aggregator ? ctx.governedRegions.filter((r) => !linked.includes(r)) : ctx.governedRegions;
      if (unlinked.length > 0) problems.push(`Security Hub: central configuration does not reach ${unlinked.join(', ')} (the finding aggregator must link every governed region)`);
    } else if (shOrg.body.auto_enable === true) {
      evidence.push(evidenceOf(shOrg, 'auto_enable = true (local configuration)'));
    } else problems.push('Security Hub: neither central configuration nor auto_enable; new accounts would not get Security Hub');
    return verdict(evidence, problems);
  },
};
