import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import type { AccountSession } from './aws/session';
import { read } from './read';

/** IAM is global; its endpoint is reached through us-east-1. */
export const GLOBAL_REGION = 'us-east-1';

/** The AWS Config service-linked role (created by AWS Config; the stacks adopt it). */
export const CONFIG_SERVICE_LINKED_ROLE = 'AWSServiceRoleForConfig';

/** Whether the account has the IAM role `name` (GetRole; NoSuchEntity: no). */
export async function roleExists(session: AccountSession, name: string): Promise<boolean> {
  const client = session.client(IAMClient, GLOBAL_REGION);
  return read(GLOBAL_REGION, async () => Boolean((await client.send(new GetRoleCommand({ RoleName: name })))?.Role), ['NoSuchEntityException', 'NoSuchEntity'], false);
}
