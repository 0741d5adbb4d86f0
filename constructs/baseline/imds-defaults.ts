import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Ec2InstanceMetadataDefaults } from '@cdktf/provider-aws/lib/ec2-instance-metadata-defaults';

export interface ImdsDefaultsProps {
  /** Provider of the account in the region (the defaults are regional). */
  readonly provider: AwsProvider;
  /**
   * `required` makes IMDSv2 (session tokens) the default for new instances.
   * @default 'required'
   */
  readonly httpTokens?: 'required' | 'optional';
  /**
   * PUT response hop limit; 2 lets containers on the instance reach IMDSv2.
   * @default 2
   */
  readonly hopLimit?: number;
}

/**
 * Account-level EC2 instance metadata defaults of one region: new instances launched without their
 * own metadata options get IMDSv2 only.
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html#set-imdsv2-account-defaults
 */
export class ImdsDefaults extends Construct {
  readonly resource: Ec2InstanceMetadataDefaults;

  constructor(scope: Construct, id: string, props: ImdsDefaultsProps) {
    super(scope, id);
    const hopLimit = props.hopLimit ?? 2;
    if (!Number.isInteger(hopLimit) || hopLimit < 1 || hopLimit > 64) throw new Error(`ImdsDefaults ${this.node.path}: hopLimit ${hopLimit} must be 1 to 64`);
    this.resource = new Ec2InstanceMetadataDefaults(this, 'Resource', {
      provider: props.provider,
      httpTokens: props.httpTokens ?? 'required',
      httpPutResponseHopLimit: hopLimit,
    });
  }
}
