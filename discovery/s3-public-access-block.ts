import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import type { AccountSession } from './aws/session';
import { read } from './read';

/**
 * S3 Control puts the account id in front of the host (`<account>.s3-control.<region>.amazonaws.com`), also in
 * front of a custom endpoint (AWS_ENDPOINT_URL). An emulator on an IP address cannot take that prefix (the URL is
 * invalid), so with a custom endpoint the requests go to that endpoint as it is; AWS itself is unaffected.
 */
export function s3ControlExtras(env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  const custom = env.AWS_ENDPOINT_URL_S3_CONTROL ?? env.AWS_ENDPOINT_URL;
  return custom ? { endpointProvider: () => ({ url: new URL(custom) }) } : {};
}

/**
 * Whether the account has an S3 account-level public access block (GetPublicAccessBlock;
 * NoSuchPublicAccessBlockConfiguration: none). The setting is account-wide; it is read in `region`.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_GetPublicAccessBlock.html
 */
export async function readS3PublicAccessBlock(session: AccountSession, region: string): Promise<boolean> {
  const client = session.client(S3ControlClient, region, s3ControlExtras());
  return read(
    region,
    async () => Boolean((await client.send(new GetPublicAccessBlockCommand({ AccountId: session.accountId })))?.PublicAccessBlockConfiguration),
    ['NoSuchPublicAccessBlockConfiguration', 'NoSuchPublicAccessBlockConfigurationException'],
    false,
  );
}
