import { Construct } from 'constructs';
import { OrganizationsAccount } from '@cdktf/provider-aws/lib/organizations-account';

/** Arguments of aws_organizations_account that AWS cannot change in place (ForceNew in provider 5.100). */
export const MEMBER_ACCOUNT_IGNORED_CHANGES = ['name', 'email', 'role_name', 'iam_user_access_to_billing'] as const;

export interface MemberAccountProps {
  /** Account name. */
  readonly accountName: string;
  /** Root user e-mail, unique in AWS. */
  readonly email: string;
  /** Id of the OU (or root) the account is placed in; changing it moves the account in place. */
  readonly parentId: string;
  /** Role Organizations creates in the new account for the management account to assume (seed 003). */
  readonly accessRoleName: string;
  /**
   * Id of an existing account to adopt through an import block.
   * @default - the account is created (CreateAccount)
   */
  readonly existingAccountId?: string;
  /**
   * Tags on the account.
   * @default - no tags besides the providers' default tags
   */
  readonly tags?: Record<string, string>;
}

/**
 * A member account (seed 003 CreateAccount: name, e-mail, `IamUserAccessToBilling`, role name).
 * Never closed by Terraform: `close_on_deletion` is off and `prevent_destroy` is on, so removing
 * it from code fails the plan instead. Changing `parentId` moves the account in place (MoveAccount).
 */
export class MemberAccount extends Construct {
  readonly resource: OrganizationsAccount;
  readonly accountName: string;
  /** 12-digit account id: the literal id of an adopted account, else the created account's id. */
  readonly accountId: string;

  constructor(scope: Construct, id: string, props: MemberAccountProps) {
    super(scope, id);
    this.accountName = props.accountName;
    this.resource = new OrganizationsAccount(this, 'Resource', {
      name: props.accountName,
      email: props.email,
      parentId: props.parentId,
      roleName: props.accessRoleName,
      iamUserAccessToBilling: 'ALLOW',
      closeOnDeletion: false,
      tags: props.tags,
      lifecycle: {
        preventDestroy: true,
        // Provider 5.100 forces replacement on every one of these (ForceNew), and AWS sets
        // role_name and iam_user_access_to_billing only at CreateAccount (an adopted account
        // reads them back empty). Name and e-mail of an existing account are changed in the
        // Account Management console, never by replacing the account (docs/accounts.md).
        ignoreChanges: [...MEMBER_ACCOUNT_IGNORED_CHANGES],
      },
    });
    if (props.existingAccountId) this.resource.importFrom(props.existingAccountId);
    this.accountId = props.existingAccountId ?? this.resource.id;
  }
}
