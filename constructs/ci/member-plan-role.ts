import type { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { PipelineRole } from './pipeline-role';
import { READ_ONLY_ACCESS_ARN, planReadStatements } from './plan-permissions';
import { memberPlanRoleTrust } from './trust-policies';

export interface MemberPlanRoleProps {
  /** Provider of the member account. */
  readonly provider: AwsProvider;
  /** ci.planRoleName: this role's name and the CI plan identity's. */
  readonly roleName: string;
  readonly managementAccountId: string;
  /** Id of the organization (a literal, or the management stack's output): only its principals may assume the role. */
  readonly organizationId: string;
}

/**
 * The read-only role plans assume in a member account (`TF_VAR_member_role_name`): AWS managed
 * ReadOnlyAccess without data reads (planReadStatements), trusted only by the management account's CI plan identity as a
 * principal of the organization.
 * It needs no state permission: state lives in the management account.
 */
export class MemberPlanRole extends PipelineRole {
  constructor(scope: Construct, id: string, props: MemberPlanRoleProps) {
    super(scope, id, {
      provider: props.provider,
      roleName: props.roleName,
      description: 'Landing zone plans: read-only, assumed by the CI plan identity of the management account',
      trust: memberPlanRoleTrust(props.managementAccountId, props.roleName, props.organizationId),
      managedPolicyArns: [READ_ONLY_ACCESS_ARN],
      inlineStatements: planReadStatements(),
    });
  }
}
