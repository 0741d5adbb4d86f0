import { GetAccountPasswordPolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import type { AccountSession } from './aws/session';
import { GLOBAL_REGION } from './iam-roles';
import { read } from './read';

/**
 * Whether the account has an IAM password policy (GetAccountPasswordPolicy; NoSuchEntity: none).
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountPasswordPolicy.html
 */
export async function readPasswordPolicy(session: AccountSession): Promise<boolean> {
  const client = session.client(IAMClient, GLOBAL_REGION);
  return read(GLOBAL_REGION, async () => Boolean((await client.send(new GetAccountPasswordPolicyCommand({})))?.PasswordPolicy), ['NoSuchEntityException', 'NoSuchEntity'], false);
}
