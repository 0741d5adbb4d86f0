import { Construct } from 'constructs';
import { OrganizationsOrganization } from '@cdktf/provider-aws/lib/organizations-organization';
import { DataResource, type ITerraformDependable } from '../../lib/cdktf';

export interface OrganizationProps {
  /** Service principals trusted to act across the organization (CloudTrail, Config, GuardDuty ...). */
  readonly serviceAccessPrincipals: readonly string[];
  /** Policy types turned on at the root (SERVICE_CONTROL_POLICY, RESOURCE_CONTROL_POLICY ...). */
  readonly enabledPolicyTypes: readonly string[];
  /**
   * Policy types the organization keeps enabled that the pinned provider cannot write into enabled_policy_types.
   * When there is one, Terraform does not manage the list after the import (`ignore_changes`: an update would disable
   * them, and with them detach every policy of those types), and each type of `enabledPolicyTypes` is enabled by an
   * idempotent `aws organizations enable-policy-type` at apply instead.
   * @default - none: enabled_policy_types is Terraform's
   */
  readonly policyTypesOutsideProvider?: readonly string[];
  /**
   * Id of an existing organization (o-...) to adopt through an import block.
   * @default - a new organization is created
   */
  readonly existingOrganizationId?: string;
  /**
   * The existing organization's root id (r-...), for the enable-policy-type calls.
   * @default - the organization resource's roots[0].id
   */
  readonly existingRootId?: string;
}

/** The AWS CLI call that enables a policy type at the root, succeeding when it is already enabled. */
export function enablePolicyTypeCommand(rootId: string, policyType: string): string {
  return `out=$(aws organizations enable-policy-type --root-id ${rootId} --policy-type ${policyType} 2>&1) || { echo "$out" | grep -q PolicyTypeAlreadyEnabledException || { echo "$out" >&2; exit 1; }; }`;
}

/**
 * The AWS Organization with all features (seed 000), protected by `prevent_destroy`.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_org_create.html
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_EnablePolicyType.html
 */
export class Organization extends Construct {
  readonly resource: OrganizationsOrganization;
  /** Organization id (o-...). */
  readonly organizationId: string;
  /** Id of the root (r-...), parent of top-level OUs and target of Root policies. */
  readonly rootId: string;
  /** What a policy of an enabled type waits for: the organization and, where it runs, each enable-policy-type call. */
  readonly policyTypesReady: readonly ITerraformDependable[];

  constructor(scope: Construct, id: string, props: OrganizationProps) {
    super(scope, id);
    const outside = props.policyTypesOutsideProvider ?? [];
    this.resource = new OrganizationsOrganization(this, 'Resource', {
      featureSet: 'ALL',
      awsServiceAccessPrincipals: [...new Set(props.serviceAccessPrincipals)].sort(),
      enabledPolicyTypes: [...new Set(props.enabledPolicyTypes)].sort(),
      lifecycle: outside.length > 0 ? { preventDestroy: true, ignoreChanges: ['enabled_policy_types'] } : { preventDestroy: true },
    });
    if (props.existingOrganizationId) this.resource.importFrom(props.existingOrganizationId);
    this.organizationId = this.resource.id;
    this.rootId = this.resource.roots.get(0).id;
    const enablers =
      outside.length === 0
        ? []
        : [...new Set(props.enabledPolicyTypes)].sort().map(
            (type) =>
              new DataResource(this, `PolicyType-${type}`, {
                triggersReplace: { policyType: type },
                dependsOn: [this.resource],
                provisioners: [{ type: 'local-exec', command: enablePolicyTypeCommand(props.existingRootId ?? this.rootId, type) }],
              }),
          );
    this.policyTypesReady = [this.resource, ...enablers];
  }
}
