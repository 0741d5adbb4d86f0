import { ConfigServiceClient, DescribeConfigurationRecordersCommand, DescribeDeliveryChannelsCommand } from '@aws-sdk/client-config-service';
import type { AccountSession } from './aws/session';
import { read } from './read';

/** The customer managed Config recorder and the delivery channel of one region. */
export interface RegionConfigRecorder {
  /** Name of the customer managed recorder; undefined: none. */
  readonly recorder?: string;
  /** Whether the recorder records all supported resource types (the landing zone sets it to). */
  readonly allSupported?: boolean;
  /** Name of the delivery channel; undefined: none. */
  readonly deliveryChannel?: string;
}

/**
 * DescribeConfigurationRecorders and DescribeDeliveryChannels. Service-linked recorders (a servicePrincipal,
 * recording scope INTERNAL, names AWSConfigurationRecorderFor*) are left out: they belong to another AWS service
 * and do not count against the one customer managed recorder per account and region.
 * @see https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html
 */
export async function readConfigRecorder(session: AccountSession, region: string): Promise<RegionConfigRecorder> {
  const client = session.client(ConfigServiceClient, region);
  const recorders = await read(region, async () => (await client.send(new DescribeConfigurationRecordersCommand({})))?.ConfigurationRecorders ?? [], ['NoSuchConfigurationRecorderException'], []);
  const own = recorders.find((r) => !r.servicePrincipal && r.recordingScope !== 'INTERNAL' && !(r.name ?? '').startsWith('AWSConfigurationRecorderFor'));
  const channels = await read(region, async () => (await client.send(new DescribeDeliveryChannelsCommand({})))?.DeliveryChannels ?? [], ['NoSuchDeliveryChannelException'], []);
  return {
    ...(own?.name ? { recorder: own.name, allSupported: own.recordingGroup?.allSupported ?? true } : {}),
    ...(channels[0]?.name ? { deliveryChannel: channels[0].name } : {}),
  };
}
