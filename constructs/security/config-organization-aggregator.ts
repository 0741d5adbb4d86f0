import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { ConfigConfigurationAggregator } from '@cdktf/provider-aws/lib/config-configuration-aggregator';
import { policyDocument, renderPolicy } from '../../lib/policy-document';

/** AWS managed policy that lets Config read the organization's accounts for an aggregator. */
export const CONFIG_ORGANIZATIONS_POLICY_ARN = 'arn:aws:iam::aws:policy/service-role/AWSConfigRoleForOrganizations';

export interface ConfigOrganizationAggregatorProps {
  /** Provider of the delegated administrator (security account), home region. */
  readonly provider: AwsProvider;
  /** Aggregator name (naming helper); also names its role. */
  readonly name: string;
  /** Source regions; `'ALL'` aggregates every region, present and future. */
  readonly regions: readonly string[] | 'ALL';
}

/**
 * An AWS Config organization aggregator (seed 004, 1C): compliance and resources of every account and
 * region in one view, through a role with AWSConfigRoleForOrganizations.
 * @see https://docs.aws.amazon.com/config/latest/developerguide/aggregate-data.html
 */
export class ConfigOrganizationAggregator extends Construct {
  readonly resource: ConfigConfigurationAggregator;
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: ConfigOrganizationAggregatorProps) {
    super(scope, id);
    const { provider } = props;
    const role = new IamRole(this, 'Role', {
      provider,
      name: `${props.name}-config-aggregator`.slice(0, 64),
      description: 'AWS Config organization aggregator (landing zone)',
      assumeRolePolicy: renderPolicy(
        policyDocument({ Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: 'sts:AssumeRole' }),
      ),
    });
    const attachment = new IamRolePolicyAttachment(this, 'RolePolicy', { provider, role: role.name, policyArn: CONFIG_ORGANIZATIONS_POLICY_ARN });
    this.roleArn = role.arn;
    this.resource = new ConfigConfigurationAggregator(this, 'Resource', {
      provider,
      name: props.name,
      organizationAggregationSource: {
        roleArn: role.arn,
        allRegions: props.regions === 'ALL' ? true : undefined,
        regions: props.regions === 'ALL' ? undefined : [...props.regions],
      },
      dependsOn: [attachment],
    });
  }
}
