import { Construct } from 'constructs';
import { DataAwsSsoadminInstances } from '@cdktf/provider-aws/lib/data-aws-ssoadmin-instances';
import { Fn } from '../../lib/cdktf';

/**
 * The organization's IAM Identity Center instance, looked up (it is enabled once in the console;
 * an organization has one). Gives the instance ARN and identity store id everything else needs.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/get-set-up-for-idc.html
 */
export class IdentityCenterInstance extends Construct {
  readonly data: DataAwsSsoadminInstances;
  /** arn:aws:sso:::instance/ssoins-... */
  readonly instanceArn: string;
  /** d-... id of the identity store (the users and groups). */
  readonly identityStoreId: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.data = new DataAwsSsoadminInstances(this, 'Resource', {});
    this.instanceArn = Fn.element(Fn.tolist(this.data.arns), 0);
    this.identityStoreId = Fn.element(Fn.tolist(this.data.identityStoreIds), 0);
  }
}
