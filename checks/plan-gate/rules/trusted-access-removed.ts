import { removedFromOrganizationList } from '../changes';
import { finding, type PlanRule } from '../types';

/**
 * aws_organizations_organization.aws_service_access_principals is authoritative: a principal that leaves the list
 * is DisableAWSServiceAccess, and the service stops working across the organization (AWS Config aggregation,
 * CloudTrail organization trails, IAM Identity Center, Control Tower, AWS Backup, StackSets ...), sometimes deleting
 * what it had set up in the accounts.
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_DisableAWSServiceAccess.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services.html
 */
export const trustedAccessRemoved: PlanRule = (plans) =>
  removedFromOrganizationList(plans, 'aws_service_access_principals').map(({ plan, change, value: principal }) =>
    finding(
      'trusted-access-removed',
      plan.stack,
      change.address,
      `removes trusted access for ${principal}: the service loses its access to the organization (keep it in organization.additionalServiceAccessPrincipals while anything uses it)`,
      { detail: principal },
    ),
  );
