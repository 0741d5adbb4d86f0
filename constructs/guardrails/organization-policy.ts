import { Construct } from 'constructs';
import { OrganizationsPolicy } from '@cdktf/provider-aws/lib/organizations-policy';
import type { ITerraformDependable } from '../../lib/cdktf';
import { PolicyAttachment } from './policy-attachment';

/** Organization policy types this construct creates. */
export type OrganizationPolicyType =
  | 'SERVICE_CONTROL_POLICY'
  | 'RESOURCE_CONTROL_POLICY'
  | 'DECLARATIVE_POLICY_EC2'
  | 'TAG_POLICY'
  | 'AISERVICES_OPT_OUT_POLICY'
  | 'BACKUP_POLICY';

export interface OrganizationPolicyProps {
  /** Policy name in Organizations (1-128 characters). */
  readonly name: string;
  /** Policy type; it must be among the organization's enabled policy types. */
  readonly type: OrganizationPolicyType;
  /** Minified JSON content, rendered in TypeScript (lib/policy-document.ts or policies/management-document.ts). */
  readonly content: string;
  /**
   * Description shown in the console.
   * @default - no description
   */
  readonly description?: string;
  /**
   * Resources the policy waits for, typically the organization (whose enabled_policy_types turns the type on).
   * @default - no explicit dependency
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Tags on the policy.
   * @default - only the provider's default tags
   */
  readonly tags?: Record<string, string>;
  /**
   * Id of an existing policy (p-...) the landing zone takes over: imported instead of created (a second policy of the
   * same name and type would be refused with DuplicatePolicyException), then given this content.
   * @default - the policy is created
   */
  readonly existingPolicyId?: string;
}

/**
 * One AWS Organizations policy (SCP, RCP, declarative, tag, backup or AI opt-out) whose content is
 * known at synth time, so its size was checked before Terraform runs.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies.html
 */
export class OrganizationPolicy extends Construct {
  readonly resource: OrganizationsPolicy;
  /** p-... id. */
  readonly policyId: string;
  private readonly existingPolicyId?: string;
  private readonly dependsOn?: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: OrganizationPolicyProps) {
    super(scope, id);
    if (props.content.length === 0) throw new Error(`policy "${props.name}" has empty content`);
    this.resource = new OrganizationsPolicy(this, 'Resource', {
      name: props.name,
      type: props.type,
      content: props.content,
      description: props.description,
      tags: props.tags,
      dependsOn: props.dependsOn,
    });
    if (props.existingPolicyId) this.resource.importFrom(props.existingPolicyId);
    this.policyId = this.resource.id;
    this.existingPolicyId = props.existingPolicyId;
    this.dependsOn = props.dependsOn;
  }

  /**
   * Attaches the policy to a root, OU or account. `targetName` ("Root", an OU path, an account name)
   * becomes the construct id, so the order of targets in the config never matters. `existingTargetId`: the adopted
   * policy is attached there already (its literal root, OU or account id); the attachment is imported.
   */
  attachTo(targetName: string, targetId: string, existingTargetId?: string): PolicyAttachment {
    const existing = existingTargetId && this.existingPolicyId ? { targetId: existingTargetId, policyId: this.existingPolicyId } : undefined;
    return new PolicyAttachment(this, `Attachment-${targetName}`, { policyId: this.policyId, targetId, dependsOn: this.dependsOn, existing });
  }
}
