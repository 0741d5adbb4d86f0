import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { ConfigConfigurationRecorder } from '@cdktf/provider-aws/lib/config-configuration-recorder';
import { ConfigDeliveryChannel } from '@cdktf/provider-aws/lib/config-delivery-channel';
import { ConfigConfigurationRecorderStatus } from '@cdktf/provider-aws/lib/config-configuration-recorder-status';
import type { ITerraformDependable } from '../../lib/cdktf';

export type SnapshotFrequency = 'One_Hour' | 'Three_Hours' | 'Six_Hours' | 'Twelve_Hours' | 'TwentyFour_Hours';

export interface ConfigRecorderProps {
  /** Provider of the account in the recorder's region. */
  readonly provider: AwsProvider;
  /** ARN of AWSServiceRoleForConfig (ConfigServiceLinkedRole). */
  readonly roleArn: string;
  /** Central log bucket in the log-archive account. */
  readonly bucketName: string;
  /** Key prefix of this account's deliveries; objects land under `<prefix>/AWSLogs/<account-id>/Config/<region>/`. */
  readonly keyPrefix: string;
  /**
   * Record global resource types (IAM users, roles, policies ...). Turn it on in one region only
   * (the home region), or every region records the same IAM changes and bills them again.
   * @default false
   */
  readonly includeGlobalResourceTypes?: boolean;
  /**
   * How often a configuration snapshot is delivered.
   * @default 'TwentyFour_Hours'
   */
  readonly snapshotFrequency?: SnapshotFrequency;
  /**
   * CONTINUOUS records every change; DAILY records once a day (cheaper, coarser).
   * @default 'CONTINUOUS'
   */
  readonly recordingFrequency?: 'CONTINUOUS' | 'DAILY';
  /**
   * KMS key (or alias) ARN Config encrypts deliveries with.
   * @default - the bucket's default encryption applies
   */
  readonly kmsKeyArn?: string;
  /**
   * Resources the delivery channel waits for besides the recorder: Config checks on creation that it
   * may write to the bucket, so where the bucket is made in the same apply (the log-archive account),
   * pass its bucket policy and KMS key.
   * @default - only the recorder
   */
  readonly dependsOn?: readonly ITerraformDependable[];
  /**
   * The recorder (and delivery channel) the account already runs in this region (`adopt.configRecorders`):
   * AWS allows one of each per account and region, so they keep their names and are imported (recorder,
   * its status and the channel, each by name) instead of created. A recorder without a channel gets a new
   * channel named `default`.
   * @default - nothing exists: recorder and channel are created, both named `default`
   * @see https://docs.aws.amazon.com/config/latest/developerguide/configlimits.html
   */
  readonly adopt?: AdoptedConfigRecorderProps;
}

/** Names of an existing recorder and delivery channel. */
export interface AdoptedConfigRecorderProps {
  /** Name of the existing configuration recorder. */
  readonly recorder: string;
  /**
   * Name of the existing delivery channel.
   * @default - the region has no channel: one named `default` is created
   */
  readonly deliveryChannel?: string;
}

/** Name of a recorder or delivery channel the landing zone creates. */
export const DEFAULT_CONFIG_NAME = 'default';

/**
 * AWS Config in one region of one account: a recorder of all supported resource types, a delivery
 * channel to the central log bucket, and the recorder switched on (after the channel exists, as
 * Config requires). An adopted recorder and channel keep their names and are imported; the import ids are
 * the names (recorder, recorder status: the recorder's name; channel: its name), as the provider documents:
 * @see https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html
 * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/config_configuration_recorder#import
 * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/config_configuration_recorder_status#import
 * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/config_delivery_channel#import
 */
export class ConfigRecorder extends Construct {
  readonly recorder: ConfigConfigurationRecorder;
  readonly deliveryChannel: ConfigDeliveryChannel;
  readonly status: ConfigConfigurationRecorderStatus;

  constructor(scope: Construct, id: string, props: ConfigRecorderProps) {
    super(scope, id);
    const { provider, adopt } = props;
    this.recorder = new ConfigConfigurationRecorder(this, 'Recorder', {
      provider,
      name: adopt?.recorder ?? DEFAULT_CONFIG_NAME,
      roleArn: props.roleArn,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: props.includeGlobalResourceTypes ?? false },
      recordingMode: { recordingFrequency: props.recordingFrequency ?? 'CONTINUOUS' },
    });
    this.deliveryChannel = new ConfigDeliveryChannel(this, 'DeliveryChannel', {
      provider,
      name: adopt?.deliveryChannel ?? DEFAULT_CONFIG_NAME,
      s3BucketName: props.bucketName,
      s3KeyPrefix: props.keyPrefix,
      s3KmsKeyArn: props.kmsKeyArn,
      snapshotDeliveryProperties: { deliveryFrequency: props.snapshotFrequency ?? 'TwentyFour_Hours' },
      dependsOn: [this.recorder, ...(props.dependsOn ?? [])],
    });
    this.status = new ConfigConfigurationRecorderStatus(this, 'Status', {
      provider,
      name: this.recorder.name,
      isEnabled: true,
      dependsOn: [this.deliveryChannel],
    });
    if (adopt) {
      this.recorder.importFrom(adopt.recorder, provider);
      this.status.importFrom(adopt.recorder, provider);
      if (adopt.deliveryChannel) this.deliveryChannel.importFrom(adopt.deliveryChannel, provider);
    }
  }
}
