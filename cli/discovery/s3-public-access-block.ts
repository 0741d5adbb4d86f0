import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import type { AccountSession } from '../aws/session';
import { read } from './read';

/**
 * Whether the account has an S3 account-level public access block (GetPublicAccessBlock;
 * NoSuchPublicAccessBlockConfiguration: none). The setting is account-wide; it is read in `region`.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_GetPublicAccessBlock.html
 */
export async function readS3PublicAccessBlock(session: AccountSession, region: string): Promise<boolean> {
  const client = session.client(S3ControlClient, region);
  return read(
    region,
    async () => Boolean((await client.send(new GetPublicAccessBlockCommand({ AccountId: session.accountId })))?.PublicAccessBlockConfiguration),
    ['NoSuchPublicAccessBlockConfiguration', 'NoSuchPublicAccessBlockConfigurationException'],
    false,
  );
}
