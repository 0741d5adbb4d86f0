import { Construct } from 'constructs';
import { DataAwsSsoadminInstances } from '@cdktf/provider-aws/lib/data-aws-ssoadmin-instances';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Fn, Op, Token, type ITerraformDependable } from '../../lib/cdktf';
import { TerraformCheck } from '../../lib/terraform-check';

export interface IdentityCenterInstanceProps {
  /**
   * Region of the provider that looks the instance up (the home region), named in the error when there is none.
   * @default - the message names no region
   */
  readonly region?: string;
  /**
   * Provider in the Identity Center instance's region (identityCenter.region), when it is not the home region.
   * @default - the stack's default provider (the home region)
   */
  readonly provider?: AwsProvider;
  /**
   * The organization resource, when the same stack creates the organization (a new organization). Its organization
   * instance can only be enabled in the console once the organization exists, so the first plan must not need it:
   * the lookup does not stop the plan, everything built on the instance exists only where it does (`count`), a second
   * lookup after the organization stops the apply that created it (and every later plan) until the instance is
   * enabled, and a check block says so in the plan.
   * @default - the organization exists already: the lookup stops the plan when there is no instance
   */
  readonly newOrganization?: ITerraformDependable;
}

/** Where the instance is, for the messages: " in us-east-1", or nothing. */
const inRegion = (region?: string) => (region ? ` in ${region}` : '');

/** The plan-time error when the organization has no IAM Identity Center instance in the provider's region. */
export function missingIdentityCenterMessage(region?: string): string {
  const where = inRegion(region);
  return (
    `IAM Identity Center has no organization instance${where}. AWS creates it only from the console: sign in to the management account, ` +
    `open IAM Identity Center${where} and choose Enable (organization instance), then plan again. ` +
    'If Identity Center is enabled in another region, set identityCenter.region to it (lz import finds it), or set identityCenter.enabled: false.'
  );
}

/**
 * The error that stops a new organization's apply once the organization exists (and every later plan) while it has
 * no organization instance: the manual step, and the re-run that completes Identity Center.
 */
export function enableIdentityCenterMessage(region?: string): string {
  const where = inRegion(region);
  return (
    `IAM Identity Center has no organization instance${where} yet. A new organization gets one only from the console, once the organization exists: ` +
    `sign in to the management account, open IAM Identity Center${where} and choose Enable (organization instance), ` +
    'then run the plan and apply of the management stack again: they create the permission sets, groups and assignments (the rest of the stack is applied already). ' +
    'If Identity Center is enabled in another region, set identityCenter.region to it, or set identityCenter.enabled: false.'
  );
}

/** The plan-time warning of a new organization without an instance: what this plan leaves out, the manual step and the re-run. */
export function identityCenterPendingMessage(region?: string): string {
  const where = inRegion(region);
  return (
    `IAM Identity Center has no organization instance${where} yet, so this plan creates no permission sets, groups or assignments. ` +
    'A new organization gets its instance only from the console, once the organization exists: the apply that creates the organization stops at the ' +
    `Identity Center lookup and says so. Then sign in to the management account, open IAM Identity Center${where}, choose Enable (organization instance), ` +
    'and run the plan and apply of the management stack again.'
  );
}

/**
 * The organization's IAM Identity Center instance, looked up (it is enabled once in the console;
 * an organization has one). Gives the instance ARN and identity store id everything else needs.
 *
 * An organization without an instance (or with it in another region) reads back empty lists, which would
 * fail later as an opaque "element() on an empty list"; a postcondition stops the plan right at the lookup
 * with what to do instead. Enabling the organization instance has no API (CreateInstance creates account
 * instances only and is rejected in the management account): it is a console step.
 *
 * A new organization (`newOrganization`) cannot have an instance before its first apply, so there the lookup
 * has no postcondition and `count` (1 with an instance, 0 without) decides whether anything built on it exists;
 * the lookup `AfterOrganization` depends on the organization (read during the apply that creates it, at plan time
 * ever after) and carries the postcondition, with the re-run in its message.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/get-set-up-for-idc.html
 * @see https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreateInstance.html
 */
export class IdentityCenterInstance extends Construct {
  readonly data: DataAwsSsoadminInstances;
  /** arn:aws:sso:::instance/ssoins-... */
  readonly instanceArn: string;
  /** d-... id of the identity store (the users and groups). */
  readonly identityStoreId: string;
  /**
   * For a new organization: `count` of everything built on the instance, 1 when the lookup finds one and 0 before
   * it is enabled. Undefined when the instance must exist (an adopted organization): no `count`.
   */
  readonly count?: number;
  /** For a new organization: the lookup after the organization that stops the apply until the instance is enabled. */
  readonly afterOrganization?: DataAwsSsoadminInstances;

  constructor(scope: Construct, id: string, props: IdentityCenterInstanceProps = {}) {
    super(scope, id);
    const { provider, region, newOrganization } = props;
    this.data = new DataAwsSsoadminInstances(this, 'Resource', {
      provider,
      lifecycle: newOrganization ? undefined : { postcondition: [{ condition: '${length(self.arns) > 0}', errorMessage: missingIdentityCenterMessage(region) }] },
    });
    this.instanceArn = Fn.element(Fn.tolist(this.data.arns), 0);
    this.identityStoreId = Fn.element(Fn.tolist(this.data.identityStoreIds), 0);
    if (!newOrganization) return;

    // `length(...) >= 1`: cdktf 0.21's Op renders a literal 0 operand as `undefined`.
    const found = Op.gte(Fn.lengthOf(this.data.arns), 1);
    this.count = Token.asNumber(Fn.conditional(found, 1, 0));
    this.afterOrganization = new DataAwsSsoadminInstances(this, 'AfterOrganization', {
      provider,
      dependsOn: [newOrganization],
      lifecycle: { postcondition: [{ condition: '${length(self.arns) > 0}', errorMessage: enableIdentityCenterMessage(region) }] },
    });
    new TerraformCheck(this, 'Enabled', { assertions: [{ condition: Token.asString(found), errorMessage: identityCenterPendingMessage(region) }] });
  }
}
