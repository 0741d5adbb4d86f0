import { Construct } from 'constructs';
import { OrganizationsOrganization } from '@cdktf/provider-aws/lib/organizations-organization';

export interface OrganizationProps {
  /** Service principals trusted to act across the organization (CloudTrail, Config, GuardDuty ...). */
  readonly serviceAccessPrincipals: readonly string[];
  /** Policy types turned on at the root (SERVICE_CONTROL_POLICY, RESOURCE_CONTROL_POLICY ...). */
  readonly enabledPolicyTypes: readonly string[];
  /**
   * Id of an existing organization (o-...) to adopt through an import block.
   * @default - a new organization is created
   */
  readonly existingOrganizationId?: string;
}

/**
 * The AWS Organization with all features (seed 000), protected by `prevent_destroy`.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_org_create.html
 */
export class Organization extends Construct {
  readonly resource: OrganizationsOrganization;
  /** Organization id (o-...). */
  readonly organizationId: string;
  /** Id of the root (r-...), parent of top-level OUs and target of Root policies. */
  readonly rootId: string;

  constructor(scope: Construct, id: string, props: OrganizationProps) {
    super(scope, id);
    this.resource = new OrganizationsOrganization(this, 'Resource', {
      featureSet: 'ALL',
      awsServiceAccessPrincipals: [...new Set(props.serviceAccessPrincipals)].sort(),
      enabledPolicyTypes: [...new Set(props.enabledPolicyTypes)].sort(),
      lifecycle: { preventDestroy: true },
    });
    if (props.existingOrganizationId) this.resource.importFrom(props.existingOrganizationId);
    this.organizationId = this.resource.id;
    this.rootId = this.resource.roots.get(0).id;
  }
}
