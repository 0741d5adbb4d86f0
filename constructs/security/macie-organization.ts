import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Macie2Account } from '@cdktf/provider-aws/lib/macie2-account';
import { Macie2OrganizationConfiguration } from '@cdktf/provider-aws/lib/macie2-organization-configuration';

export interface MacieOrganizationProps {
  /** Provider of the delegated administrator (security account) in one region. */
  readonly provider: AwsProvider;
}

/**
 * Amazon Macie in one region: on in the administrator, auto-enabled for accounts that join the organization.
 * @see https://docs.aws.amazon.com/macie/latest/user/accounts-mgmt-ao-integrate.html
 */
export class MacieOrganization extends Construct {
  constructor(scope: Construct, id: string, props: MacieOrganizationProps) {
    super(scope, id);
    const account = new Macie2Account(this, 'Account', {
      provider: props.provider,
      status: 'ENABLED',
      findingPublishingFrequency: 'FIFTEEN_MINUTES',
    });
    new Macie2OrganizationConfiguration(this, 'OrganizationConfiguration', {
      provider: props.provider,
      autoEnable: true,
      dependsOn: [account],
    });
  }
}
