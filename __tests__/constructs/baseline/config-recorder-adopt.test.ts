import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { ConfigRecorder } from '../../../constructs/baseline';
import { onlyResource } from '../../harness/synth';
import { synthWith } from './helpers';

// ConfigRecorder `adopt`: the existing recorder (and channel) keep their names and are imported by name through
// the construct's provider; an adopted recorder without a channel gets a new channel named default.
describe('ConfigRecorder adopting an existing recorder', () => {
  const synth = (adopt: { recorder: string; deliveryChannel?: string }) =>
    synthWith((scope) => {
      const member = new AwsProvider(scope, 'member', { alias: 'member-eu-west-1', region: 'eu-west-1' });
      new ConfigRecorder(scope, 'Config', { provider: member, roleArn: 'arn:aws:iam::222222222222:role/r', bucketName: 'logs', keyPrefix: 'config', adopt });
    });

  it('imports recorder, status and channel by their names through the member provider', () => {
    const json = synth({ recorder: 'corp', deliveryChannel: 'corp-channel' });
    expect(onlyResource(json, 'aws_config_configuration_recorder').name).toBe('corp');
    expect(onlyResource(json, 'aws_config_delivery_channel').name).toBe('corp-channel');
    expect((json.import ?? []).map((i) => [i.to.split('.')[0], i.id, i.provider]).sort()).toEqual([
      ['aws_config_configuration_recorder', 'corp', 'aws.member-eu-west-1'],
      ['aws_config_configuration_recorder_status', 'corp', 'aws.member-eu-west-1'],
      ['aws_config_delivery_channel', 'corp-channel', 'aws.member-eu-west-1'],
    ]);
  });

  it('creates the missing channel as default, importing only recorder and status', () => {
    const json = synth({ recorder: 'corp' });
    expect(onlyResource(json, 'aws_config_delivery_channel').name).toBe('default');
    expect((json.import ?? []).map((i) => i.to.split('.')[0]).sort()).toEqual(['aws_config_configuration_recorder', 'aws_config_configuration_recorder_status']);
  });
});
