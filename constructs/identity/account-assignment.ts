import { Construct } from 'constructs';
import { SsoadminAccountAssignment } from '@cdktf/provider-aws/lib/ssoadmin-account-assignment';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { TerraformResource } from '../../lib/cdktf';

export interface AccountAssignmentProps {
  /** ARN of the Identity Center instance. */
  readonly instanceArn: string;
  /** Permission set ARN. */
  readonly permissionSetArn: string;
  /** Group id in the identity store. */
  readonly groupId: string;
  /** 12-digit account id (literal or a reference to the created account). */
  readonly accountId: string;
  /**
   * Resources that must exist first (the permission set's policy attachments).
   * @default - no explicit dependency
   */
  readonly dependsOn?: readonly TerraformResource[];
  /**
   * Provider in the Identity Center instance's region (identityCenter.region).
   * @default - the stack's default provider (the home region)
   */
  readonly provider?: AwsProvider;
  /**
   * 0 or 1: for a new organization, whether its Identity Center instance exists yet (IdentityCenterInstance.count).
   * @default - exactly one, no `count`
   */
  readonly count?: number;
}

/** Gives a group a permission set in one account (the role appears in the access portal). */
export class AccountAssignment extends Construct {
  readonly resource: SsoadminAccountAssignment;

  constructor(scope: Construct, id: string, props: AccountAssignmentProps) {
    super(scope, id);
    this.resource = new SsoadminAccountAssignment(this, 'Resource', {
      provider: props.provider,
      count: props.count,
      instanceArn: props.instanceArn,
      permissionSetArn: props.permissionSetArn,
      principalType: 'GROUP',
      principalId: props.groupId,
      targetType: 'AWS_ACCOUNT',
      targetId: props.accountId,
      dependsOn: props.dependsOn && props.dependsOn.length > 0 ? [...props.dependsOn] : undefined,
    });
  }
}
