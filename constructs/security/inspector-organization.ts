import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Inspector2Enabler } from '@cdktf/provider-aws/lib/inspector2-enabler';
import { Inspector2OrganizationConfiguration } from '@cdktf/provider-aws/lib/inspector2-organization-configuration';

export interface InspectorOrganizationProps {
  /** Provider of the delegated administrator (security account) in one region. */
  readonly provider: AwsProvider;
  /** What Inspector scans. */
  readonly resourceTypes: readonly ('EC2' | 'ECR' | 'LAMBDA' | 'LAMBDA_CODE')[];
  /** Accounts to scan now: the administrator and every existing member (auto-enable covers new ones). */
  readonly accountIds: readonly string[];
}

/**
 * Amazon Inspector in one region: scanning turned on for the given accounts, and auto-enabled for
 * accounts that join the organization later.
 * @see https://docs.aws.amazon.com/inspector/latest/user/managing-multiple-accounts.html
 */
export class InspectorOrganization extends Construct {
  constructor(scope: Construct, id: string, props: InspectorOrganizationProps) {
    super(scope, id);
    const types = new Set(props.resourceTypes);
    const enabler = new Inspector2Enabler(this, 'Enabler', {
      provider: props.provider,
      accountIds: [...props.accountIds],
      resourceTypes: [...types],
    });
    new Inspector2OrganizationConfiguration(this, 'OrganizationConfiguration', {
      provider: props.provider,
      autoEnable: { ec2: types.has('EC2'), ecr: types.has('ECR'), lambda: types.has('LAMBDA'), lambdaCode: types.has('LAMBDA_CODE') },
      dependsOn: [enabler],
    });
  }
}
