import { managedChanges, stringList } from '../changes';
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
  plans.flatMap((p) =>
    managedChanges(p)
      .filter((rc) => rc.type === 'aws_organizations_organization' && rc.change.before !== null && rc.change.after !== null)
      .flatMap((rc) => {
        const before = stringList(rc.change.before, 'aws_service_access_principals') ?? [];
        const after = stringList(rc.change.after, 'aws_service_access_principals');
        if (after === undefined) return [];
        return before
          .filter((principal) => !after.includes(principal))
          .map((principal) =>
            finding(
              'trusted-access-removed',
              p.stack,
              rc.address,
              `removes trusted access for ${principal}: the service loses its access to the organization (keep it in organization.additionalServiceAccessPrincipals while anything uses it)`,
              { detail: principal },
            ),
          );
      }),
  );
