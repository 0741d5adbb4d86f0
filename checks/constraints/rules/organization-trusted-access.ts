import { verdict, type CheckContext, type Evidence } from '../../checklist/types';
import { evidenceOf, find, type FoundResource } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { organizationOf, trustedPrincipals } from '../organization';

/** A service used organization-wide: its trusted-access principal and the resources that use it. */
interface OrganizationService {
  readonly principal: string;
  readonly uses: (ctx: CheckContext) => FoundResource[];
}

const all = (...types: string[]) => (ctx: CheckContext) => types.flatMap((t) => find(ctx, t));
const where = (type: string, test: (body: Record<string, any>) => boolean) => (ctx: CheckContext) => find(ctx, type).filter((r) => test(r.body));

/** Organization-wide features by trusted-access principal (the Organizations services list, and GuardDuty's malware scan page). */
const SERVICES: readonly OrganizationService[] = [
  { principal: 'guardduty.amazonaws.com', uses: all('aws_guardduty_organization_admin_account', 'aws_guardduty_organization_configuration') },
  {
    principal: 'malware-protection.guardduty.amazonaws.com',
    uses: (ctx) => [
      ...where('aws_guardduty_organization_configuration_feature', (b) => b.name === 'EBS_MALWARE_PROTECTION' && b.auto_enable !== 'NONE')(ctx),
      ...where('aws_guardduty_organization_configuration', (b) => b.datasources?.malware_protection?.scan_ec2_instance_with_findings?.ebs_volumes?.auto_enable === true)(ctx),
    ],
  },
  { principal: 'securityhub.amazonaws.com', uses: all('aws_securityhub_organization_admin_account', 'aws_securityhub_organization_configuration') },
  { principal: 'config.amazonaws.com', uses: where('aws_config_configuration_aggregator', (b) => b.organization_aggregation_source !== undefined) },
  {
    principal: 'config-multiaccountsetup.amazonaws.com',
    uses: all('aws_config_organization_managed_rule', 'aws_config_organization_custom_rule', 'aws_config_organization_custom_policy_rule', 'aws_config_organization_conformance_pack'),
  },
  {
    principal: 'cloudtrail.amazonaws.com',
    uses: (ctx) => [
      ...where('aws_cloudtrail', (b) => b.is_organization_trail === true)(ctx),
      ...where('aws_cloudtrail_event_data_store', (b) => b.organization_enabled === true)(ctx),
      ...find(ctx, 'aws_cloudtrail_organization_delegated_admin_account'),
    ],
  },
  { principal: 'access-analyzer.amazonaws.com', uses: where('aws_accessanalyzer_analyzer', (b) => String(b.type ?? '').startsWith('ORGANIZATION')) },
  { principal: 'detective.amazonaws.com', uses: all('aws_detective_organization_admin_account', 'aws_detective_organization_configuration') },
  { principal: 'inspector2.amazonaws.com', uses: all('aws_inspector2_delegated_admin_account', 'aws_inspector2_organization_configuration') },
  { principal: 'macie.amazonaws.com', uses: all('aws_macie2_organization_admin_account', 'aws_macie2_organization_configuration') },
  { principal: 'sso.amazonaws.com', uses: all('aws_ssoadmin_account_assignment') },
  { principal: 'member.org.stacksets.cloudformation.amazonaws.com', uses: where('aws_cloudformation_stack_set', (b) => b.permission_model === 'SERVICE_MANAGED') },
  {
    principal: 'account.amazonaws.com',
    uses: (ctx) => ['aws_account_alternate_contact', 'aws_account_primary_contact', 'aws_account_region'].flatMap((t) => where(t, (b) => b.account_id !== undefined)(ctx)),
  },
  { principal: 'iam.amazonaws.com', uses: all('aws_iam_organizations_features') },
  { principal: 'ram.amazonaws.com', uses: all('aws_ram_sharing_with_organization') },
];

/**
 * Every service the output uses across the organization has trusted access: its service principal
 * is in the organization's aws_service_access_principals (which Terraform manages exclusively, so
 * anything enabled out of band is switched off by the next apply). GuardDuty's malware scan of
 * member accounts needs its own principal besides guardduty.amazonaws.com.
 */
export const organizationTrustedAccess: ConstraintRule = {
  id: 'organization-trusted-access',
  title: 'Every service used organization-wide has trusted access in aws_service_access_principals',
  sources: [
    'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services_list.html',
    'https://docs.aws.amazon.com/guardduty/latest/ug/configure-malware-protection-guardduty-initiated-multi-account.html',
  ],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const principals = trustedPrincipals(ctx);
    const org = organizationOf(ctx);
    if (!principals || !org) return verdict([], [], ['no aws_organizations_organization in the output; trusted access is managed elsewhere']);
    for (const service of SERVICES) {
      const uses = service.uses(ctx);
      if (uses.length === 0) continue;
      if (principals.has(service.principal)) continue;
      const first = uses[0];
      problems.push(
        `${service.principal} is not in ${org.stack}: aws_organizations_organization.${org.name} aws_service_access_principals, but ${uses.length} resource(s) use it (${first.stack}: ${first.type}.${first.name}${uses.length > 1 ? ', ...' : ''})`,
      );
    }
    if (problems.length === 0) evidence.push(evidenceOf(org, `${principals.size} trusted services cover every organization-wide resource`));
    return verdict(evidence, problems);
  },
};
