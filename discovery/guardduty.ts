import { GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import type { AccountSession } from './aws/session';
import { read } from './read';

/**
 * The account's GuardDuty detector id in the region (ListDetectors; GuardDuty allows one detector per account
 * and region), or undefined.
 * @see https://docs.aws.amazon.com/guardduty/latest/APIReference/API_ListDetectors.html
 */
export async function readGuardDutyDetector(session: AccountSession, region: string): Promise<string | undefined> {
  const client = session.client(GuardDutyClient, region);
  const ids = await read(region, async () => (await client.send(new ListDetectorsCommand({})))?.DetectorIds ?? [], [], []);
  return ids[0];
}
