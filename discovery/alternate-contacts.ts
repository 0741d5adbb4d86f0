import { AccountClient, GetAlternateContactCommand } from '@aws-sdk/client-account';
import { ALTERNATE_CONTACT_TYPES } from '../config/schema/adopt';
import type { AccountSession } from './aws/session';
import { GLOBAL_REGION } from './iam-roles';
import { read } from './read';

export type AlternateContactType = (typeof ALTERNATE_CONTACT_TYPES)[number];

/**
 * The alternate contact types set on the account (GetAlternateContact per type, with the account's own
 * credentials; ResourceNotFoundException: not set).
 * @see https://docs.aws.amazon.com/accounts/latest/reference/API_GetAlternateContact.html
 */
export async function readAlternateContacts(session: AccountSession): Promise<AlternateContactType[]> {
  const client = session.client(AccountClient, GLOBAL_REGION);
  const found: AlternateContactType[] = [];
  for (const type of ALTERNATE_CONTACT_TYPES) {
    const set = await read(GLOBAL_REGION, async () => Boolean((await client.send(new GetAlternateContactCommand({ AlternateContactType: type })))?.AlternateContact), ['ResourceNotFoundException'], false);
    if (set) found.push(type);
  }
  return found;
}
