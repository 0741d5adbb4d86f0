import { mockClient } from 'aws-sdk-client-mock';
import {
  AcceptHandshakeCommand,
  AccessDeniedException,
  AccountNotFoundException,
  DescribeAccountCommand,
  DescribeHandshakeCommand,
  DuplicateHandshakeException,
  HandshakeConstraintViolationException,
  HandshakeNotFoundException,
  InviteAccountToOrganizationCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { Command } from 'commander';
import { register as registerInvite } from '../../../cli/commands/invite';
import { register as registerAccept } from '../../../cli/commands/accept';
import { inviteAccount, inviteInstructions } from '../../../cli/invitations/invite';
import { acceptInvitation } from '../../../cli/invitations/accept';
import { minimalConfig } from '../../harness/config';

const orgs = mockClient(OrganizationsClient);
const client = () => new OrganizationsClient({ region: 'us-east-1' });
const notFound = () => new AccountNotFoundException({ message: 'not found', $metadata: {} });

beforeEach(() => orgs.reset());

describe('lz invite', () => {
  it('sends the handshake for an account that is not a member and says what to do next', async () => {
    orgs.on(DescribeAccountCommand).rejects(notFound());
    orgs.on(InviteAccountToOrganizationCommand).resolves({ Handshake: { Id: 'h-abcd1234ef', State: 'OPEN' } });
    const result = await inviteAccount(client(), { accountId: '222222222222', notes: 'join acme' });
    expect(result).toEqual({ handshakeId: 'h-abcd1234ef', accountId: '222222222222', state: 'OPEN', expires: undefined });
    expect(orgs.commandCalls(InviteAccountToOrganizationCommand)[0].args[0].input).toEqual({
      Target: { Type: 'ACCOUNT', Id: '222222222222' },
      Notes: 'join acme',
    });
    const text = inviteInstructions(result);
    expect(text).toContain('lz accept --handshake-id h-abcd1234ef');
    expect(text).toContain('id: "222222222222"');
    expect(text).toContain('OrganizationAccountAccessRole');
  });

  it('fails for an account that is already a member, without sending anything', async () => {
    orgs.on(DescribeAccountCommand).resolves({ Account: { Id: '222222222222', Name: 'shop-prod' } });
    await expect(inviteAccount(client(), { accountId: '222222222222' })).rejects.toThrow(
      'Account 222222222222 (shop-prod) is already a member of this organization; nothing to invite. Add id: "222222222222" to the account in landing-zone.yaml to adopt it.',
    );
    expect(orgs.commandCalls(InviteAccountToOrganizationCommand)).toHaveLength(0);
  });

  it('never advises what lz validate refuses: the management account, a closed account, an account already adopted', async () => {
    const config = minimalConfig((c) => {
      c.accounts[2].id = '444444444444';
      c.closedAccounts = [{ name: 'old-poc', id: '555555555555' }];
    });
    await expect(inviteAccount(client(), { accountId: '111111111111', config })).rejects.toThrow(
      'Account 111111111111 is the management account of this landing zone (organization.managementAccountId); it is not invited and not listed under accounts.',
    );
    await expect(inviteAccount(client(), { accountId: '555555555555', config })).rejects.toThrow('is the closed account "old-poc" (closedAccounts); a closed account is not invited back');
    orgs.on(DescribeAccountCommand).resolves({ Account: { Id: '444444444444', Name: 'Shop Prod' } });
    await expect(inviteAccount(client(), { accountId: '444444444444', config })).rejects.toThrow('is already a member of this organization and adopted as accounts[2] (shop-prod); nothing to do.');
    expect(orgs.commandCalls(InviteAccountToOrganizationCommand)).toHaveLength(0);
    const steps = inviteInstructions({ handshakeId: 'h-1', accountId: '222222222222', state: 'OPEN' });
    expect(steps).toContain('a name (2-40 lowercase letters, digits and hyphens), its root e-mail');
  });

  it('fails on the handshake limit with the quota advice', async () => {
    orgs.on(DescribeAccountCommand).rejects(notFound());
    orgs.on(InviteAccountToOrganizationCommand).rejects(
      new HandshakeConstraintViolationException({ message: 'limit', Reason: 'HANDSHAKE_RATE_LIMIT_EXCEEDED', $metadata: {} }),
    );
    await expect(inviteAccount(client(), { accountId: '222222222222' })).rejects.toThrow(
      'Failed inviting account 222222222222: the organization sent too many invitations today (the daily handshake limit); try again in 24 hours.',
    );
  });

  it('fails for an account in another organization or over the account quota', async () => {
    orgs.on(DescribeAccountCommand).rejects(notFound());
    orgs.on(InviteAccountToOrganizationCommand).rejectsOnce(
      new HandshakeConstraintViolationException({ message: 'x', Reason: 'ALREADY_IN_AN_ORGANIZATION', $metadata: {} }),
    ).rejectsOnce(new HandshakeConstraintViolationException({ message: 'x', Reason: 'ACCOUNT_NUMBER_LIMIT_EXCEEDED', $metadata: {} }));
    await expect(inviteAccount(client(), { accountId: '222222222222' })).rejects.toThrow(/already a member of another organization; it must leave that organization first/);
    await expect(inviteAccount(client(), { accountId: '222222222222' })).rejects.toThrow(/reached its quota of accounts; request a higher/);
  });

  it('fails on a pending invitation and on missing permissions', async () => {
    orgs.on(DescribeAccountCommand).rejects(notFound());
    orgs.on(InviteAccountToOrganizationCommand).rejectsOnce(new DuplicateHandshakeException({ message: 'dup', $metadata: {} }));
    await expect(inviteAccount(client(), { accountId: '222222222222' })).rejects.toThrow(/an invitation to this account is already open/);
    orgs.on(DescribeAccountCommand).rejects(new AccessDeniedException({ message: 'not authorized to perform organizations:DescribeAccount', $metadata: {} }));
    await expect(inviteAccount(client(), { accountId: '222222222222' })).rejects.toThrow(
      'Failed inviting account 222222222222: access denied (not authorized to perform organizations:DescribeAccount).',
    );
  });

  it('fails on an id that is not 12 digits before calling AWS', async () => {
    await expect(inviteAccount(client(), { accountId: '12345' })).rejects.toThrow('"12345" is not a 12-digit AWS account id.');
    expect(orgs.calls()).toHaveLength(0);
  });
});

describe('lz accept', () => {
  it('accepts an open invitation and reports the organization and account', async () => {
    orgs.on(DescribeHandshakeCommand).resolves({ Handshake: { Id: 'h-abcd1234ef', State: 'OPEN', Action: 'INVITE' } });
    orgs.on(AcceptHandshakeCommand).resolves({
      Handshake: { Id: 'h-abcd1234ef', State: 'ACCEPTED', Parties: [{ Type: 'ORGANIZATION', Id: 'o-abc123defg' }, { Type: 'ACCOUNT', Id: '222222222222' }] },
    });
    expect(await acceptInvitation(client(), 'h-abcd1234ef')).toEqual({
      handshakeId: 'h-abcd1234ef', state: 'ACCEPTED', organizationId: 'o-abc123defg', accountId: '222222222222',
    });
  });

  it('fails with the wrong account\'s credentials (the handshake is not visible)', async () => {
    orgs.on(DescribeHandshakeCommand).rejects(new HandshakeNotFoundException({ message: 'nf', $metadata: {} }));
    await expect(acceptInvitation(client(), 'h-abcd1234ef')).rejects.toThrow(/Run this with credentials of the INVITED account/);
    expect(orgs.commandCalls(AcceptHandshakeCommand)).toHaveLength(0);
  });

  it('fails on an expired invitation and on a handshake limit when accepting', async () => {
    orgs.on(DescribeHandshakeCommand).resolvesOnce({ Handshake: { State: 'EXPIRED', Action: 'INVITE' } }).resolves({ Handshake: { State: 'OPEN', Action: 'INVITE' } });
    await expect(acceptInvitation(client(), 'h-abcd1234ef')).rejects.toThrow('Invitation h-abcd1234ef is EXPIRED, no longer open; ask for a new one (lz invite).');
    orgs.on(AcceptHandshakeCommand).rejects(new HandshakeConstraintViolationException({ message: 'x', Reason: 'ACCOUNT_NUMBER_LIMIT_EXCEEDED', $metadata: {} }));
    await expect(acceptInvitation(client(), 'h-abcd1234ef')).rejects.toThrow(/^Failed accepting invitation h-abcd1234ef: the organization has reached its quota of accounts/);
  });

  it('fails on something that is not a handshake id', async () => {
    await expect(acceptInvitation(client(), '222222222222')).rejects.toThrow('"222222222222" is not a handshake id; it looks like h-abcd1234ef (printed by lz invite).');
  });
});

describe('register()', () => {
  it('adds invite and accept with their required options and help', () => {
    const program = new Command();
    registerInvite(program);
    registerAccept(program);
    const invite = program.commands.find((c) => c.name() === 'invite')!;
    const accept = program.commands.find((c) => c.name() === 'accept')!;
    expect(invite.options.map((o) => o.long)).toEqual(['--account-id', '--notes', '--access-role-name', '--config']);
    expect(invite.options[0].mandatory).toBe(true);
    expect(accept.options.map((o) => o.long)).toEqual(['--handshake-id']);
    expect(invite.helpInformation()).toContain('Invite an existing AWS account into the organization');
  });
});
