import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { IamAccountPasswordPolicy } from '@cdktf/provider-aws/lib/iam-account-password-policy';

export interface PasswordPolicyProps {
  /** Provider of the account (IAM is global). */
  readonly provider: AwsProvider;
  /** @default 14 */
  readonly minimumLength?: number;
  /** @default true */
  readonly requireUppercase?: boolean;
  /** @default true */
  readonly requireLowercase?: boolean;
  /** @default true */
  readonly requireNumbers?: boolean;
  /** @default true */
  readonly requireSymbols?: boolean;
  /** Let IAM users change their own password. @default true */
  readonly allowUsersToChange?: boolean;
  /** Days until a password expires; 0 means never. @default 90 */
  readonly maxAgeDays?: number;
  /** Previous passwords that cannot be reused; 0 turns the check off. @default 24 */
  readonly reusePrevention?: number;
  /** Expired passwords need an administrator to reset them. @default false */
  readonly hardExpiry?: boolean;
  /**
   * The account already has a password policy (`adopt.passwordPolicy`): it is imported (id
   * `iam-account-password-policy`), then set to these values in place.
   * @default false - the policy is created (PutAccountPasswordPolicy would silently replace one)
   * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/iam_account_password_policy#import
   */
  readonly adoptExisting?: boolean;
}

/** The provider's import id of the account password policy (one per account, so a fixed word). */
export const PASSWORD_POLICY_IMPORT_ID = 'iam-account-password-policy';

/**
 * The account's IAM password policy. People sign in through IAM Identity Center, so this guards the
 * rare IAM user (break-glass, legacy tools).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
 */
export class PasswordPolicy extends Construct {
  readonly resource: IamAccountPasswordPolicy;

  constructor(scope: Construct, id: string, props: PasswordPolicyProps) {
    super(scope, id);
    const minimumLength = props.minimumLength ?? 14;
    const reusePrevention = props.reusePrevention ?? 24;
    const maxAgeDays = props.maxAgeDays ?? 90;
    const problems: string[] = [];
    if (minimumLength < 6 || minimumLength > 128) problems.push(`minimumLength ${minimumLength} must be 6 to 128`);
    if (reusePrevention < 0 || reusePrevention > 24) problems.push(`reusePrevention ${reusePrevention} must be 0 to 24`);
    if (maxAgeDays < 0 || maxAgeDays > 1095) problems.push(`maxAgeDays ${maxAgeDays} must be 0 to 1095`);
    if (problems.length) throw new Error(`PasswordPolicy ${this.node.path}: ${problems.join('; ')}`);

    this.resource = new IamAccountPasswordPolicy(this, 'Resource', {
      provider: props.provider,
      minimumPasswordLength: minimumLength,
      requireUppercaseCharacters: props.requireUppercase ?? true,
      requireLowercaseCharacters: props.requireLowercase ?? true,
      requireNumbers: props.requireNumbers ?? true,
      requireSymbols: props.requireSymbols ?? true,
      allowUsersToChangePassword: props.allowUsersToChange ?? true,
      // 0 means "not set" to IAM; leaving the argument out avoids a perpetual diff.
      maxPasswordAge: maxAgeDays > 0 ? maxAgeDays : undefined,
      passwordReusePrevention: reusePrevention > 0 ? reusePrevention : undefined,
      hardExpiry: props.hardExpiry ?? false,
    });
    if (props.adoptExisting) this.resource.importFrom(PASSWORD_POLICY_IMPORT_ID, props.provider);
  }
}
