import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { IamRolePoliciesExclusive } from '@cdktf/provider-aws/lib/iam-role-policies-exclusive';
import { IamRolePolicyAttachmentsExclusive } from '@cdktf/provider-aws/lib/iam-role-policy-attachments-exclusive';
import { policyDocument, renderPolicy, type PolicyDocument, type Statement } from '../../lib/policy-document';

export interface PipelineRoleProps {
  /** Provider of the account the role lives in (IAM is global; any region). */
  readonly provider?: AwsProvider;
  /** Physical role name (config: ci.planRoleName / ci.applyRoleName). */
  readonly roleName: string;
  /** What the role is for, shown in IAM. */
  readonly description: string;
  /** Who may assume it. */
  readonly trust: PolicyDocument;
  /** AWS managed (or other) policies attached to it; no other managed policy stays attached. */
  readonly managedPolicyArns: readonly string[];
  /**
   * Statements of its one inline policy, named like the role; no other inline policy stays.
   * @default - no inline policy
   */
  readonly inlineStatements?: readonly Statement[];
  /**
   * Longest session, in seconds (1 hour to 12 hours).
   * @default 3600
   */
  readonly maxSessionDuration?: number;
}

/**
 * A role of the pipeline (plan or apply) whose permissions are exactly the ones given: the attachments
 * and the inline policy are held exclusively, so a policy attached by hand is removed by the next apply.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user.html
 */
export class PipelineRole extends Construct {
  readonly resource: IamRole;
  readonly roleName: string;
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: PipelineRoleProps) {
    super(scope, id);
    const { provider, roleName } = props;
    this.resource = new IamRole(this, 'Resource', {
      provider,
      name: roleName,
      description: props.description,
      assumeRolePolicy: renderPolicy(props.trust),
      maxSessionDuration: props.maxSessionDuration ?? 3600,
    });
    this.roleName = this.resource.name;
    this.roleArn = this.resource.arn;

    // The exclusive resources only remove what is not listed; they run after the policies they list exist
    // (before that, provider 5.100 tries to put the missing inline policy without a document and fails).
    const attachments = props.managedPolicyArns.map(
      (arn) => new IamRolePolicyAttachment(this, `Attach-${arn.split('/').pop()}`, { provider, role: this.roleName, policyArn: arn }),
    );
    new IamRolePolicyAttachmentsExclusive(this, 'OnlyTheseManagedPolicies', {
      provider,
      roleName: this.roleName,
      policyArns: [...props.managedPolicyArns],
      dependsOn: attachments.length > 0 ? attachments : undefined,
    });

    const inline = props.inlineStatements?.length
      ? [new IamRolePolicy(this, 'Policy', { provider, role: this.roleName, name: roleName, policy: renderPolicy(policyDocument(...props.inlineStatements)) })]
      : [];
    new IamRolePoliciesExclusive(this, 'OnlyThisInlinePolicy', { provider, roleName: this.roleName, policyNames: inline.map(() => roleName), dependsOn: inline.length > 0 ? inline : undefined });
  }
}
