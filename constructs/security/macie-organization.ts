import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Macie2Account } from '@cdktf/provider-aws/lib/macie2-account';
import { Macie2Member } from '@cdktf/provider-aws/lib/macie2-member';
import { Macie2OrganizationConfiguration } from '@cdktf/provider-aws/lib/macie2-organization-configuration';
import type { SecurityMemberAccount } from './security-member-account';
import type { ITerraformDependable } from '../../lib/cdktf';

export interface MacieOrganizationProps {
  /** Provider of the delegated administrator (security account) in one region. */
  readonly provider: AwsProvider;
  /** The delegated administrator's own account id (the security account). */
  readonly administratorAccountId: string;
  /**
   * Organization accounts that exist already, added as Macie members now.
   * @default - no existing accounts are added
   */
  readonly members?: readonly SecurityMemberAccount[];
}

/**
 * Amazon Macie in one region, run from the delegated administrator: the administrator's own Macie
 * session, auto-enable for accounts that join the organization later, and every existing organization
 * account added as a member (CreateMember; organization accounts need no invitation).
 *
 * Designating the delegated Macie administrator "also enables Macie in the current AWS Region for the
 * designated administrator account", so the administrator's session exists before this stack runs: it is
 * adopted through an import block (id = the account id), never enabled a second time.
 * @see https://docs.aws.amazon.com/macie/latest/user/accounts-mgmt-ao-integrate.html
 */
export class MacieOrganization extends Construct {
  constructor(scope: Construct, id: string, props: MacieOrganizationProps) {
    super(scope, id);
    const { provider } = props;
    const account = new Macie2Account(this, 'Account', {
      provider,
      status: 'ENABLED',
      findingPublishingFrequency: 'FIFTEEN_MINUTES',
    });
    account.importFrom(props.administratorAccountId);
    const organization = new Macie2OrganizationConfiguration(this, 'OrganizationConfiguration', {
      provider,
      autoEnable: true,
      dependsOn: [account],
    });
    for (const member of props.members ?? []) addMacieMember(this, member, { provider, dependsOn: [organization] });
  }
}

/**
 * One existing organization account added as a Macie member (`Member-<name>` in `scope`). Import id: the account id.
 * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/macie2_member#import
 */
export function addMacieMember(
  scope: Construct,
  member: SecurityMemberAccount,
  props: { readonly provider: AwsProvider; readonly dependsOn?: ITerraformDependable[] },
): Macie2Member {
  return new Macie2Member(scope, `Member-${member.name}`, {
    provider: props.provider,
    accountId: member.accountId,
    email: member.email,
    dependsOn: props.dependsOn,
  });
}
