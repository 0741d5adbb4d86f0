import { DescribeHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { AccountSession } from './aws/session';
import { read } from './read';

/**
 * Whether Security Hub is enabled in the region (DescribeHub). An account that is not subscribed answers
 * InvalidAccessException (or ResourceNotFoundException): not enabled.
 * @see https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_DescribeHub.html
 */
export async function readSecurityHub(session: AccountSession, region: string): Promise<boolean> {
  const client = session.client(SecurityHubClient, region);
  return read(region, async () => Boolean((await client.send(new DescribeHubCommand({})))?.HubArn), ['InvalidAccessException', 'ResourceNotFoundException'], false);
}
