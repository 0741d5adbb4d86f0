import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Inspector2Enabler } from '@cdktf/provider-aws/lib/inspector2-enabler';
import { Inspector2MemberAssociation } from '@cdktf/provider-aws/lib/inspector2-member-association';
import { Inspector2OrganizationConfiguration } from '@cdktf/provider-aws/lib/inspector2-organization-configuration';
import type { SecurityMemberAccount } from './security-member-account';
import type { ITerraformDependable } from '../../lib/cdktf';

export interface InspectorOrganizationProps {
  /** Provider of the delegated administrator (security account) in one region. */
  readonly provider: AwsProvider;
  /** What Inspector scans. */
  readonly resourceTypes: readonly ('EC2' | 'ECR' | 'LAMBDA' | 'LAMBDA_CODE')[];
  /** The delegated administrator's own account id (the security account). */
  readonly administratorAccountId: string;
  /**
   * Member accounts that exist already: associated and scanned now (auto-enable covers only accounts that join later).
   * @default - no existing members are enrolled
   */
  readonly members?: readonly SecurityMemberAccount[];
}

/**
 * Amazon Inspector in one region, run from the delegated administrator:
 * 1. scanning on for the administrator itself (its own enabler: provider 5.100 refuses an
 *    `aws_inspector2_enabler` whose `account_ids` mix the administrator with members);
 * 2. auto-enable of the chosen scan types for accounts that join the organization later;
 * 3. every existing member associated with the administrator (AWS: "the delegated administrator must
 *    associate member accounts manually"), then scanning on for it, one enabler per member (the Enable API
 *    takes at most 100 accounts, and one per account keeps ids tied to account names).
 * @see https://docs.aws.amazon.com/inspector/latest/user/designating-admin.html
 * @see https://docs.aws.amazon.com/inspector/latest/user/remove-delegated-admin.html
 * @see https://docs.aws.amazon.com/inspector/v2/APIReference/API_Enable.html
 */
export class InspectorOrganization extends Construct {
  /** The administrator's own enabler. */
  readonly administratorEnabler: Inspector2Enabler;

  constructor(scope: Construct, id: string, props: InspectorOrganizationProps) {
    super(scope, id);
    const { provider } = props;
    const resourceTypes = [...new Set(props.resourceTypes)];
    const types = new Set(resourceTypes);
    this.administratorEnabler = new Inspector2Enabler(this, 'Enabler', {
      provider,
      accountIds: [props.administratorAccountId],
      resourceTypes,
    });
    const organization = new Inspector2OrganizationConfiguration(this, 'OrganizationConfiguration', {
      provider,
      autoEnable: { ec2: types.has('EC2'), ecr: types.has('ECR'), lambda: types.has('LAMBDA'), lambdaCode: types.has('LAMBDA_CODE') },
      dependsOn: [this.administratorEnabler],
    });
    for (const member of props.members ?? []) addInspectorMember(this, member, { provider, resourceTypes, dependsOn: [organization] });
  }
}

/** What addInspectorMember made. */
export interface InspectorMember {
  readonly association: Inspector2MemberAssociation;
  readonly enabler: Inspector2Enabler;
}

/**
 * One existing member associated with the administrator (`Member-<name>` in `scope`) and scanned for `resourceTypes`
 * (`MemberEnabler-<name>`). Import ids: the account id, and `<account id>-<types sorted, joined by ":">`.
 * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/inspector2_member_association#import
 * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/inspector2_enabler#import
 */
export function addInspectorMember(
  scope: Construct,
  member: SecurityMemberAccount,
  props: { readonly provider: AwsProvider; readonly resourceTypes: readonly string[]; readonly dependsOn?: ITerraformDependable[] },
): InspectorMember {
  const association = new Inspector2MemberAssociation(scope, `Member-${member.name}`, {
    provider: props.provider,
    accountId: member.accountId,
    dependsOn: props.dependsOn,
  });
  const enabler = new Inspector2Enabler(scope, `MemberEnabler-${member.name}`, {
    provider: props.provider,
    accountIds: [member.accountId],
    resourceTypes: [...new Set(props.resourceTypes)],
    dependsOn: [association],
  });
  return { association, enabler };
}

/** Import id of a member's enabler: `<account id>-<resource types sorted, joined by ":">`. */
export function inspectorEnablerImportId(accountId: string, resourceTypes: readonly string[]): string {
  return `${accountId}-${[...new Set(resourceTypes)].sort().join(':')}`;
}
