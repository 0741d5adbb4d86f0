import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { IamServiceLinkedRole } from '@cdktf/provider-aws/lib/iam-service-linked-role';
import { DataAwsIamRoles } from '@cdktf/provider-aws/lib/data-aws-iam-roles';
import { AdoptExisting } from '../core/adopt-existing';
import { Fn } from '../../lib/cdktf';

export const CONFIG_SERVICE_NAME = 'config.amazonaws.com';

/** IAM path of AWS Config's service-linked role. */
export const CONFIG_SERVICE_LINKED_ROLE_PATH = `/aws-service-role/${CONFIG_SERVICE_NAME}/`;

/** ARN of AWSServiceRoleForConfig in `accountId`, for an account whose role already exists. */
export function configServiceLinkedRoleArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:role${CONFIG_SERVICE_LINKED_ROLE_PATH}AWSServiceRoleForConfig`;
}

export interface ConfigServiceLinkedRoleProps {
  /** Provider of the account (IAM is global: one role per account, made once). */
  readonly provider: AwsProvider;
}

/**
 * `AWSServiceRoleForConfig`, the service-linked role every Config recorder of the account uses: created
 * where it is missing, adopted where it exists. An account can have it already (an adopted account that
 * ran Config, an account where someone opened the Config console, the management account), and creating
 * it a second time fails; `PutConfigurationRecorder` does not create it (only the console and
 * `PutServiceLinkedConfigurationRecorder` do), so the landing zone must. A data source lists the
 * account's role under Config's service-role path at plan time, and an import block with `for_each`
 * over that list imports the role into the resource when it is there (AdoptExisting); otherwise the
 * resource creates it. Later plans stay clean: importing the id already in state is a no-op.
 * @see https://docs.aws.amazon.com/config/latest/developerguide/using-service-linked-roles.html
 * @see https://docs.aws.amazon.com/config/latest/developerguide/security-iam-awsmanpol.html#security-iam-awsmanpol-AWSConfigServiceRolePolicy
 */
export class ConfigServiceLinkedRole extends Construct {
  readonly resource: IamServiceLinkedRole;
  /** The account's existing AWSServiceRoleForConfig, if any (plan-time read). */
  readonly existing: DataAwsIamRoles;
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: ConfigServiceLinkedRoleProps) {
    super(scope, id);
    const { provider } = props;
    this.existing = new DataAwsIamRoles(this, 'Existing', {
      provider,
      pathPrefix: CONFIG_SERVICE_LINKED_ROLE_PATH,
      nameRegex: '(?i)^AWSServiceRoleForConfig$',
    });
    this.resource = new IamServiceLinkedRole(this, 'Resource', {
      provider,
      awsServiceName: CONFIG_SERVICE_NAME,
    });
    new AdoptExisting(this, 'Adopt', { resource: this.resource, existingIds: Fn.toset(this.existing.arns) as string[], provider });
    this.roleArn = this.resource.arn;
  }
}
