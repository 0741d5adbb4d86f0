import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DetectiveGraph } from '@cdktf/provider-aws/lib/detective-graph';
import { DetectiveMember } from '@cdktf/provider-aws/lib/detective-member';
import { DetectiveOrganizationConfiguration } from '@cdktf/provider-aws/lib/detective-organization-configuration';
import type { SecurityMemberAccount } from './security-member-account';
import type { ITerraformDependable } from '../../lib/cdktf';

export interface DetectiveOrganizationProps {
  /** Provider of the delegated administrator (security account) in one region. */
  readonly provider: AwsProvider;
  /**
   * Organization accounts that exist already, enabled as members of the organization behavior graph now.
   * @default - no existing accounts are enabled
   */
  readonly members?: readonly SecurityMemberAccount[];
}

/**
 * Amazon Detective in one region: the administrator's behavior graph, new organization accounts enabled
 * automatically, and every existing organization account enabled as a member. Auto-enable alone is not
 * enough: "Detective does not enable existing organization accounts that are not yet enabled".
 * Organization accounts join without an invitation (CreateMembers from the administrator); the e-mail
 * notification is switched off. Designating the administrator already created the graph; `aws_detective_graph`
 * gets that graph back (CreateGraph returns the existing graph's ARN, it never creates a second one).
 * @see https://docs.aws.amazon.com/detective/latest/APIReference/API_CreateGraph.html
 * @see https://docs.aws.amazon.com/detective/latest/userguide/accounts-orgs-members.html
 * @see https://docs.aws.amazon.com/detective/latest/userguide/accounts-orgs-members-enable.html
 */
export class DetectiveOrganization extends Construct {
  readonly graphArn: string;

  constructor(scope: Construct, id: string, props: DetectiveOrganizationProps) {
    super(scope, id);
    const { provider } = props;
    const graph = new DetectiveGraph(this, 'Graph', { provider });
    this.graphArn = graph.graphArn;
    const organization = new DetectiveOrganizationConfiguration(this, 'OrganizationConfiguration', {
      provider,
      graphArn: graph.graphArn,
      autoEnable: true,
    });
    for (const member of props.members ?? []) addDetectiveMember(this, member, { provider, graphArn: graph.graphArn, dependsOn: [organization] });
  }
}

/**
 * One existing organization account enabled as a member of the behavior graph `graphArn` (construct `Member-<name>`
 * in `scope`), without an invitation e-mail. Import id `<graph ARN>/<account id>`.
 * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/detective_member#import
 */
export function addDetectiveMember(
  scope: Construct,
  member: SecurityMemberAccount,
  props: { readonly provider: AwsProvider; readonly graphArn: string; readonly dependsOn?: ITerraformDependable[] },
): DetectiveMember {
  return new DetectiveMember(scope, `Member-${member.name}`, {
    provider: props.provider,
    graphArn: props.graphArn,
    accountId: member.accountId,
    emailAddress: member.email,
    disableEmailNotification: true,
    dependsOn: props.dependsOn,
  });
}
