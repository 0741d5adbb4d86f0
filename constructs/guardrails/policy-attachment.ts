import { Construct } from 'constructs';
import { OrganizationsPolicyAttachment } from '@cdktf/provider-aws/lib/organizations-policy-attachment';
import type { ITerraformDependable } from '../../lib/cdktf';

export interface PolicyAttachmentProps {
  /** p-... id of the policy. */
  readonly policyId: string;
  /** Root (r-...), OU (ou-...) or account (12 digits) id. */
  readonly targetId: string;
  /**
   * Resources the attachment waits for.
   * @default - no explicit dependency
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * The attachment exists already (an adopted policy attached there before): imported as `<target id>:<policy id>`.
   * @default - the policy is attached
   */
  readonly existing?: { readonly targetId: string; readonly policyId: string };
}

/**
 * Attachment of an organization policy to a root, OU or account.
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_AttachPolicy.html
 * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/organizations_policy_attachment#import
 */
export class PolicyAttachment extends Construct {
  readonly resource: OrganizationsPolicyAttachment;

  constructor(scope: Construct, id: string, props: PolicyAttachmentProps) {
    super(scope, id);
    this.resource = new OrganizationsPolicyAttachment(this, 'Resource', {
      policyId: props.policyId,
      targetId: props.targetId,
      dependsOn: props.dependsOn,
    });
    if (props.existing) this.resource.importFrom(`${props.existing.targetId}:${props.existing.policyId}`);
  }
}
