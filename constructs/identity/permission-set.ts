import { Construct } from 'constructs';
import { SsoadminCustomerManagedPolicyAttachment } from '@cdktf/provider-aws/lib/ssoadmin-customer-managed-policy-attachment';
import { SsoadminManagedPolicyAttachment } from '@cdktf/provider-aws/lib/ssoadmin-managed-policy-attachment';
import { SsoadminPermissionSet } from '@cdktf/provider-aws/lib/ssoadmin-permission-set';
import { SsoadminPermissionSetInlinePolicy } from '@cdktf/provider-aws/lib/ssoadmin-permission-set-inline-policy';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { TerraformResource } from '../../lib/cdktf';
import { renderPolicy, type PolicyDocument } from '../../lib/policy-document';
import { attributeOfSingleInstance } from '../../lib/single-instance';

/** A customer managed policy each assigned account holds, by name and path. */
export interface CustomerManagedPolicyRef {
  readonly name: string;
  /** @default "/" */
  readonly path?: string;
}

export interface PermissionSetProps {
  /** ARN of the Identity Center instance. */
  readonly instanceArn: string;
  /** Permission set name (1-32 characters); shown in the access portal. */
  readonly name: string;
  /**
   * Description shown in the access portal.
   * @default - no description
   */
  readonly description?: string;
  /**
   * ISO-8601 session length, PT1H to PT12H.
   * @default "PT1H"
   */
  readonly sessionDuration?: string;
  /**
   * AWS managed policies, by name (`ReadOnlyAccess`, `job-function/ViewOnlyAccess`) or ARN.
   * @default - none
   */
  readonly managedPolicies?: readonly string[];
  /**
   * Customer managed policies, by name and path, that every assigned account must hold.
   * @default - none
   */
  readonly customerManagedPolicies?: readonly CustomerManagedPolicyRef[];
  /**
   * Inline IAM policy embedded in the permission set.
   * @default - no inline policy
   */
  readonly inlinePolicy?: PolicyDocument;
  /**
   * Console URL people land on after choosing this role.
   * @default - the console home page
   */
  readonly relayState?: string;
  /**
   * Tags on the permission set.
   * @default - only the providers' default tags
   */
  readonly tags?: Record<string, string>;
  /**
   * Provider in the Identity Center instance's region (identityCenter.region).
   * @default - the stack's default provider (the home region)
   */
  readonly provider?: AwsProvider;
  /**
   * 0 or 1: for a new organization, whether its Identity Center instance exists yet (IdentityCenterInstance.count).
   * @default - exactly one, no `count`
   */
  readonly count?: number;
}

/** ARN of an AWS managed policy given by name (with optional path) or ARN. */
export function managedPolicyArn(policy: string): string {
  return policy.startsWith('arn:') ? policy : `arn:aws:iam::aws:policy/${policy}`;
}

/**
 * An IAM Identity Center permission set (seed 002: the AdministratorAccess set with a one hour
 * session) with its managed, customer managed and inline policies. Construct ids of the
 * attachments come from policy names, so reordering them changes nothing.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html
 */
export class PermissionSet extends Construct {
  readonly resource: SsoadminPermissionSet;
  /** Permission set ARN. */
  readonly arn: string;
  /** The policy attachments; assignments depend on them so accounts get a complete role. */
  readonly policyResources: TerraformResource[] = [];

  constructor(scope: Construct, id: string, props: PermissionSetProps) {
    super(scope, id);
    const { instanceArn, provider, count } = props;
    this.resource = new SsoadminPermissionSet(this, 'Resource', {
      provider,
      count,
      instanceArn,
      name: props.name,
      description: props.description,
      sessionDuration: props.sessionDuration ?? 'PT1H',
      relayState: props.relayState,
      tags: props.tags && Object.keys(props.tags).length > 0 ? props.tags : undefined,
    });
    this.arn = count === undefined ? this.resource.arn : attributeOfSingleInstance(this.resource, 'arn');
    const permissionSetArn = this.arn;

    for (const policy of new Set(props.managedPolicies ?? [])) {
      this.policyResources.push(
        new SsoadminManagedPolicyAttachment(this, `Managed-${policy.replace(/^arn:[^:]*:iam::aws:policy\//, '')}`, {
          provider,
          count,
          instanceArn,
          permissionSetArn,
          managedPolicyArn: managedPolicyArn(policy),
        }),
      );
    }
    for (const ref of props.customerManagedPolicies ?? []) {
      const path = ref.path ?? '/';
      this.policyResources.push(
        new SsoadminCustomerManagedPolicyAttachment(this, `Customer-${path}${ref.name}`, {
          provider,
          count,
          instanceArn,
          permissionSetArn,
          customerManagedPolicyReference: { name: ref.name, path },
        }),
      );
    }
    if (props.inlinePolicy) {
      this.policyResources.push(
        new SsoadminPermissionSetInlinePolicy(this, 'Inline', {
          provider,
          count,
          instanceArn,
          permissionSetArn,
          inlinePolicy: renderPolicy(props.inlinePolicy),
        }),
      );
    }
  }
}
