import { Construct } from 'constructs';
import { DataAwsSsoadminInstances } from '@cdktf/provider-aws/lib/data-aws-ssoadmin-instances';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Fn } from '../../lib/cdktf';

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
}

/** The plan-time error when the organization has no IAM Identity Center instance in the provider's region. */
export function missingIdentityCenterMessage(region?: string): string {
  const where = region ? ` in ${region}` : '';
  return (
    `IAM Identity Center has no organization instance${where}. AWS creates it only from the console: sign in to the management account, ` +
    `open IAM Identity Center${where} and choose Enable (organization instance), then plan again. ` +
    'If Identity Center is enabled in another region, set identityCenter.region to it (lz import finds it), or set identityCenter.enabled: false.'
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
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/get-set-up-for-idc.html
 * @see https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreateInstance.html
 */
export class IdentityCenterInstance extends Construct {
  readonly data: DataAwsSsoadminInstances;
  /** arn:aws:sso:::instance/ssoins-... */
  readonly instanceArn: string;
  /** d-... id of the identity store (the users and groups). */
  readonly identityStoreId: string;

  constructor(scope: Construct, id: string, props: IdentityCenterInstanceProps = {}) {
    super(scope, id);
    this.data = new DataAwsSsoadminInstances(this, 'Resource', {
      provider: props.provider,
      lifecycle: {
        postcondition: [{ condition: '${length(self.arns) > 0}', errorMessage: missingIdentityCenterMessage(props.region) }],
      },
    });
    this.instanceArn = Fn.element(Fn.tolist(this.data.arns), 0);
    this.identityStoreId = Fn.element(Fn.tolist(this.data.identityStoreIds), 0);
  }
}
