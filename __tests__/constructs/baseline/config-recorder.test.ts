import { ConfigRecorder, ConfigServiceLinkedRole, configServiceLinkedRoleArn } from '../../../constructs/baseline';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { onlyResource } from '../../harness/synth';
import { synthWith } from './helpers';

describe('ConfigRecorder', () => {
  it('defaults to continuous recording without global resources and daily snapshots, and orders recorder → channel → status', () => {
    const json = synthWith((scope, provider) => {
      const role = new ConfigServiceLinkedRole(scope, 'Role', { provider });
      new ConfigRecorder(scope, 'Config', { provider, roleArn: role.roleArn, bucketName: 'logs', keyPrefix: 'config' });
    });
    const recorder = onlyResource(json, 'aws_config_configuration_recorder');
    expect(recorder).toEqual(
      expect.objectContaining({
        name: 'default',
        recording_group: { all_supported: true, include_global_resource_types: false },
        recording_mode: { recording_frequency: 'CONTINUOUS' },
      }),
    );
    const channel = onlyResource(json, 'aws_config_delivery_channel');
    expect(channel).toEqual(expect.objectContaining({ s3_bucket_name: 'logs', s3_key_prefix: 'config', snapshot_delivery_properties: { delivery_frequency: 'TwentyFour_Hours' } }));
    expect(channel.s3_kms_key_arn).toBeUndefined();
    expect(channel.depends_on).toEqual([expect.stringMatching(/^aws_config_configuration_recorder\.Config_Recorder_/)]);
    expect(onlyResource(json, 'aws_config_configuration_recorder_status').depends_on).toEqual([expect.stringMatching(/^aws_config_delivery_channel\.Config_DeliveryChannel_/)]);
    expect(onlyResource(json, 'aws_iam_service_linked_role').aws_service_name).toBe('config.amazonaws.com');
  });

  it('passes a KMS key and the global-resource switch through', () => {
    const json = synthWith((scope, provider) => {
      new ConfigRecorder(scope, 'Config', {
        provider,
        roleArn: configServiceLinkedRoleArn('123456789012'),
        bucketName: 'logs',
        keyPrefix: 'config',
        includeGlobalResourceTypes: true,
        kmsKeyArn: 'arn:aws:kms:us-east-1:210987654321:alias/acme-logs',
        snapshotFrequency: 'Six_Hours',
      });
    });
    expect(onlyResource(json, 'aws_config_configuration_recorder').role_arn).toBe('arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig');
    expect(onlyResource(json, 'aws_config_configuration_recorder').recording_group.include_global_resource_types).toBe(true);
    expect(onlyResource(json, 'aws_config_delivery_channel').s3_kms_key_arn).toBe('arn:aws:kms:us-east-1:210987654321:alias/acme-logs');
  });

  it('makes the delivery channel wait for the given resources too (a bucket policy made in the same stack)', () => {
    const json = synthWith((scope, provider) => {
      const bucket = new S3Bucket(scope, 'Bucket', { provider, bucket: 'logs' });
      const policy = new S3BucketPolicy(scope, 'BucketPolicy', { provider, bucket: bucket.id, policy: '{}' });
      new ConfigRecorder(scope, 'Config', { provider, roleArn: configServiceLinkedRoleArn('123456789012'), bucketName: 'logs', keyPrefix: 'config', dependsOn: [policy] });
    });
    expect(onlyResource(json, 'aws_config_delivery_channel').depends_on).toEqual([
      expect.stringMatching(/^aws_config_configuration_recorder\.Config_Recorder_/),
      expect.stringMatching(/^aws_s3_bucket_policy\.BucketPolicy$/),
    ]);
  });
});
