import { attribute, deletes, managedChanges, replaces } from '../changes';
import { finding, type PlanRule } from '../types';

/** Resource types that register a delegated administrator, and the service each one is for. */
export const DELEGATED_ADMINISTRATOR_TYPES: Readonly<Record<string, string>> = {
  aws_organizations_delegated_administrator: 'Organizations',
  aws_guardduty_organization_admin_account: 'GuardDuty',
  aws_securityhub_organization_admin_account: 'Security Hub',
  aws_macie2_organization_admin_account: 'Macie',
  aws_inspector2_delegated_admin_account: 'Inspector',
  aws_detective_organization_admin_account: 'Detective',
  aws_cloudtrail_organization_delegated_admin_account: 'CloudTrail',
};

/**
 * Deregistering a delegated administrator takes the organization-wide view and control of the service away from
 * that account: GuardDuty and Security Hub stop managing the members (their findings no longer reach it), and what
 * the administrator made for the organization (Security Hub central configuration, Detective graphs, organization
 * event data stores) may be deleted with it.
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_DeregisterDelegatedAdministrator.html
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_organizations.html
 */
export const delegatedAdministratorRemoved: PlanRule = (plans) =>
  plans.flatMap((p) =>
    managedChanges(p)
      .filter((rc) => DELEGATED_ADMINISTRATOR_TYPES[rc.type] !== undefined && deletes(rc))
      .map((rc) => {
        const account = attribute(rc, 'account_id') ?? attribute(rc, 'admin_account_id') ?? attribute(rc, 'id') ?? 'an account';
        const principal = attribute(rc, 'service_principal');
        const service = principal ?? DELEGATED_ADMINISTRATOR_TYPES[rc.type];
        const how = replaces(rc) ? 'deregistered and registered anew (replaced)' : 'deregistered';
        return finding('delegated-administrator-removed', p.stack, rc.address, `delegated administrator ${account} for ${service} is ${how}: the account loses the organization-wide administration of ${service}`);
      }),
  );
