import { Construct } from 'constructs';
import { DataResource, type ITerraformDependable } from '../../lib/cdktf';
import { activateOrganizationsAccessCommand } from './organizations-access-command';

export interface StackSetsOrganizationsAccessProps {
  /** Organization id: the activation runs again when the organization is replaced. */
  readonly organizationId: string;
  /** Region the CloudFormation API is called in (the home region). */
  readonly region: string;
  /** What the activation waits for: the organization (all features, the StackSets service principal). */
  readonly dependsOn: readonly ITerraformDependable[];
}

/**
 * CloudFormation StackSets' own "Activate trusted access with AWS Organizations" in the management account
 * (CloudFormation `ActivateOrganizationsAccess`). It is what lets CloudFormation create its service-linked
 * role in the management account (`AWSServiceRoleForCloudFormationStackSetsOrgAdmin`); enabling the
 * `member.org.stacksets.cloudformation.amazonaws.com` principal in Organizations alone is not enough, and a
 * SERVICE_MANAGED StackSet then fails ("You must enable organizations access to operate a service managed
 * stack set"). The pinned AWS provider (5.100) has no resource for it, and there is no CloudFormation
 * resource type either, so a `terraform_data` runs the AWS CLI call once, at create time, with the
 * credentials of the stack's run (the management account's: the management stack's default provider
 * reads the same environment). The call is idempotent; a plan runs nothing. Needs the AWS CLI v2 on the
 * machine that applies the management stack.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-orgs-activate-trusted-access.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ActivateOrganizationsAccess.html
 */
export class StackSetsOrganizationsAccess extends Construct {
  readonly resource: DataResource;

  constructor(scope: Construct, id: string, props: StackSetsOrganizationsAccessProps) {
    super(scope, id);
    this.resource = new DataResource(this, 'Resource', {
      triggersReplace: { organizationId: props.organizationId, region: props.region },
      dependsOn: [...props.dependsOn],
      provisioners: [{ type: 'local-exec', command: activateOrganizationsAccessCommand(props.region) }],
    });
  }
}
