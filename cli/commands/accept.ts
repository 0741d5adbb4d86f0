import type { Command } from 'commander';
import { runAction } from '../lib/run-action';

/** `lz accept --handshake-id ID` */
export function register(program: Command): void {
  program
    .command('accept')
    .description('Accept an invitation to join the organization (run with the INVITED account\'s credentials).')
    .requiredOption('--handshake-id <id>', 'handshake id printed by lz invite (h-...)')
    .addHelpText('after', '\nAfterwards add id: to the account in landing-zone.yaml and run npm run synth to adopt it (docs/accounts.md).')
    .action(
      runAction(async (opts: { handshakeId: string }) => {
        const [{ acceptInvitation }, { organizationsClient }] = await Promise.all([import('../invitations/accept'), import('../../discovery/aws/organizations')]);
        const result = await acceptInvitation(organizationsClient(), opts.handshakeId);
        const who = result.accountId ? `Account ${result.accountId}` : 'The account';
        const org = result.organizationId ? ` ${result.organizationId}` : '';
        console.log(`${who} joined the organization${org} (handshake ${result.handshakeId} ${result.state}).`);
        if (result.accountId) console.log(`Now add id: "${result.accountId}" to the account in landing-zone.yaml and run npm run synth.`);
      }),
    );
}
