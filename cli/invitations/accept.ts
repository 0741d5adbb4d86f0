/**
 * Accepting an invitation with the invited account's credentials (lz accept). Loaded when the command runs, so
 * other commands start without the AWS SDK.
 */
import { AcceptHandshakeCommand, DescribeHandshakeCommand, type OrganizationsClient } from '@aws-sdk/client-organizations';
import { explainOrganizationsError } from '../../discovery/aws/organizations';
import { UserError } from '../../lib/user-error';

export interface AcceptResult {
  readonly handshakeId: string;
  readonly state: string;
  /** Organization the account joined (o-...), when AWS says. */
  readonly organizationId?: string;
  /** The invited account (the one whose credentials accepted). */
  readonly accountId?: string;
}

/**
 * Accepts an invitation with the INVITED account's credentials. Looks the handshake up first
 * so that a wrong id, wrong credentials or an expired invitation get a clear message.
 */
export async function acceptInvitation(client: OrganizationsClient, handshakeId: string): Promise<AcceptResult> {
  if (!/^h-[0-9a-z]{8,32}$/.test(handshakeId)) throw new UserError(`"${handshakeId}" is not a handshake id; it looks like h-abcd1234ef (printed by lz invite).`);
  const context = `accepting invitation ${handshakeId}`;
  let described;
  try {
    described = (await client.send(new DescribeHandshakeCommand({ HandshakeId: handshakeId }))).Handshake;
  } catch (e) {
    throw explainOrganizationsError(e, context);
  }
  if (described?.Action && described.Action !== 'INVITE') {
    throw new UserError(`Handshake ${handshakeId} is a ${described.Action} request, not an invitation to join; nothing was accepted.`);
  }
  if (described?.State && described.State !== 'OPEN') {
    throw new UserError(`Invitation ${handshakeId} is ${described.State}, no longer open; ask for a new one (lz invite).`);
  }
  try {
    const out = await client.send(new AcceptHandshakeCommand({ HandshakeId: handshakeId }));
    const parties = out.Handshake?.Parties ?? described?.Parties ?? [];
    return {
      handshakeId,
      state: out.Handshake?.State ?? 'ACCEPTED',
      organizationId: parties.find((p) => p.Type === 'ORGANIZATION')?.Id,
      accountId: parties.find((p) => p.Type === 'ACCOUNT')?.Id,
    };
  } catch (e) {
    throw explainOrganizationsError(e, context);
  }
}
