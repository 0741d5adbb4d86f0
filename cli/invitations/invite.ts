/**
 * Sending an invitation to join the organization (lz invite). Loaded when the command runs, so other commands
 * start without the AWS SDK.
 */
import { DescribeAccountCommand, InviteAccountToOrganizationCommand, type OrganizationsClient } from '@aws-sdk/client-organizations';
import { explainOrganizationsError } from '../../discovery/aws/organizations';
import type { LandingZoneConfig } from '../../config/schema';
import { UserError } from '../../lib/user-error';
import { DEFAULT_ACCESS_ROLE } from '../../config/schema/organization';

export interface InviteOptions {
  /** 12-digit id of the existing account to invite. */
  readonly accountId: string;
  /**
   * Text shown to the account's owner with the invitation.
   * @default - no notes
   */
  readonly notes?: string;
  /**
   * The landing zone's config, when it loads: the invitation is refused for what `lz validate`
   * would then refuse (the management account, a closed account, an account already adopted).
   * @default - no config checks
   */
  readonly config?: LandingZoneConfig;
}

export interface InviteResult {
  readonly handshakeId: string;
  readonly accountId: string;
  readonly state: string;
  readonly expires?: Date;
}

/**
 * Sends an invitation (handshake) to an existing account from the management account (seed 000,
 * "inviting an account"). Terraform cannot do this: the provider has no handshake resource.
 * Refuses an account that is already a member of this organization.
 */
export async function inviteAccount(client: OrganizationsClient, options: InviteOptions): Promise<InviteResult> {
  const { accountId } = options;
  if (!/^\d{12}$/.test(accountId)) throw new UserError(`"${accountId}" is not a 12-digit AWS account id.`);
  const context = `inviting account ${accountId}`;
  const { config } = options;
  if (config && accountId === config.organization.managementAccountId) {
    throw new UserError(`Account ${accountId} is the management account of this landing zone (organization.managementAccountId); it is not invited and not listed under accounts.`);
  }
  const closed = config?.closedAccounts.find((c) => c.id === accountId);
  if (closed) {
    throw new UserError(`Account ${accountId} is the closed account "${closed.name}" (closedAccounts); a closed account is not invited back. Use a new account.`);
  }
  const adoptedAt = config?.accounts.findIndex((a) => a.id === accountId) ?? -1;

  try {
    const existing = await client.send(new DescribeAccountCommand({ AccountId: accountId }));
    const name = existing.Account?.Name ? ` (${existing.Account.Name})` : '';
    if (config && adoptedAt >= 0) {
      throw new UserError(`Account ${accountId}${name} is already a member of this organization and adopted as accounts[${adoptedAt}] (${config.accounts[adoptedAt].name}); nothing to do.`);
    }
    throw new UserError(
      `Account ${accountId}${name} is already a member of this organization; nothing to invite. Add id: "${accountId}" to the account in landing-zone.yaml to adopt it.`,
    );
  } catch (e) {
    if (e instanceof UserError) throw e;
    // AccountNotFoundException: not a member yet, which is what we want.
    if ((e as { name?: string }).name !== 'AccountNotFoundException') throw explainOrganizationsError(e, context);
  }

  try {
    const out = await client.send(
      new InviteAccountToOrganizationCommand({ Target: { Type: 'ACCOUNT', Id: accountId }, Notes: options.notes }),
    );
    const handshake = out.Handshake;
    if (!handshake?.Id) throw new UserError(`Failed ${context}: AWS returned no handshake id.`);
    return { handshakeId: handshake.Id, accountId, state: handshake.State ?? 'OPEN', expires: handshake.ExpirationTimestamp };
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw explainOrganizationsError(e, context);
  }
}

/** What to tell the person after a successful invitation. */
export function inviteInstructions(result: InviteResult, accessRoleName = DEFAULT_ACCESS_ROLE): string {
  const expires = result.expires ? ` It expires ${result.expires.toISOString()}.` : '';
  return [
    `Invited account ${result.accountId}: handshake ${result.handshakeId} (${result.state}).${expires}`,
    '',
    'Next, in the invited account:',
    `  1. Accept: with that account's credentials run   lz accept --handshake-id ${result.handshakeId}`,
    '     (or Organizations console of the account > Invitations > Accept).',
    `  2. Create the role ${accessRoleName} there, trusting the management account, with AdministratorAccess:`,
    '     invited accounts do not get it automatically (only created accounts do); see docs/accounts.md.',
    `  3. Add it under accounts in landing-zone.yaml: a name (2-40 lowercase letters, digits and hyphens), its root e-mail`,
    `     as AWS has it (used by no other account), an ou from organizationalUnits, and id: "${result.accountId}".`,
    '     Then lz validate and npm run synth: an import block adopts it into Terraform instead of creating a new account.',
  ].join('\n');
}
