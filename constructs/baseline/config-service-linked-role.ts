import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { IamServiceLinkedRole } from '@cdktf/provider-aws/lib/iam-service-linked-role';

export const CONFIG_SERVICE_NAME = 'config.amazonaws.com';

/** ARN of AWSServiceRoleForConfig in `accountId`, for an account whose role already exists. */
export function configServiceLinkedRoleArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:role/aws-service-role/${CONFIG_SERVICE_NAME}/AWSServiceRoleForConfig`;
}

export interface ConfigServiceLinkedRoleProps {
  /** Provider of the account (IAM is global: one role per account, made once). */
  readonly provider: AwsProvider;
}

/**
 * `AWSServiceRoleForConfig`, the service-linked role every Config recorder of the account uses.
 * Creating it fails when it already exists (an adopted account that ran Config before); then
 * reference it with `configServiceLinkedRoleArn` instead.
 * @see https://docs.aws.amazon.com/config/latest/developerguide/using-service-linked-roles.html
 */
export class ConfigServiceLinkedRole extends Construct {
  readonly resource: IamServiceLinkedRole;
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: ConfigServiceLinkedRoleProps) {
    super(scope, id);
    this.resource = new IamServiceLinkedRole(this, 'Resource', {
      provider: props.provider,
      awsServiceName: CONFIG_SERVICE_NAME,
    });
    this.roleArn = this.resource.arn;
  }
}
