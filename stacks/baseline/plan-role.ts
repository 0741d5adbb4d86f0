import { MemberPlanRole } from '../../constructs/ci';
import type { BaselineContext } from './context';

/**
 * The account's read-only plan role (ci.planRoleName), trusted only by the management account's CI plan
 * identity within the organization (organization.id, or the management stack's output for a new organization):
 * plans of this account's stack assume it instead of the access role (docs/github-actions.md).
 */
export function addPlanRole({ stack, scope, providerIn }: BaselineContext, organizationId: string): void {
  const { organization, ci } = stack.config;
  new MemberPlanRole(scope, 'PlanRole', {
    provider: providerIn(organization.homeRegion),
    roleName: ci.planRoleName,
    managementAccountId: organization.managementAccountId,
    organizationId,
  });
}
