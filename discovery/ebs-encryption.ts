import { EC2Client, GetEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import type { AccountSession } from './aws/session';
import { read } from './read';

/**
 * Whether EBS encryption by default is on in the region.
 * @see https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_GetEbsEncryptionByDefault.html
 */
export async function readEbsEncryptionByDefault(session: AccountSession, region: string): Promise<boolean> {
  const client = session.client(EC2Client, region);
  return read(region, async () => (await client.send(new GetEbsEncryptionByDefaultCommand({})))?.EbsEncryptionByDefault ?? false, [], false);
}
