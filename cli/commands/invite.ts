import type { Command } from 'commander';
import type { LandingZoneConfig } from '../../config/schema';
import { loadConfigFile } from '../../config/load';
import { configFileOf, CONFIG_OPTION } from '../lib/config';
import { UserError } from '../../lib/user-error';
import { runAction } from '../lib/run-action';

/** IAM role names (CreateRole RoleName): 1-64 of letters, digits and +=,.@_-. */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** `lz invite --account-id ID [--notes TEXT]` */
export function register(program: Command): void {
  program
    .command('invite')
    .description('Invite an existing AWS account into the organization (run with the management account\'s credentials).')
    .requiredOption('--account-id <id>', '12-digit id of the account to invite')
    .option('--notes <text>', 'message shown to the account owner with the invitation')
    .option('--access-role-name <name>', 'role Terraform assumes in member accounts (default: organization.accessRoleName of the config, else OrganizationAccountAccessRole)')
    .option(...CONFIG_OPTION)
    .addHelpText(
      'after',
      '\nThe provider cannot send invitations, so this sends the handshake with the AWS SDK.\nThen accept it from the member account (lz accept), and add id: to the account in the config to adopt it.',
    )
    .action(
      runAction(async (opts: { accountId: string; notes?: string; accessRoleName?: string; config?: string }) => {
        if (opts.accessRoleName !== undefined && !ROLE_NAME.test(opts.accessRoleName)) {
          throw new UserError(`--access-role-name ${JSON.stringify(opts.accessRoleName)} is not an IAM role name (1-64 of letters, digits and +=,.@_-).`);
        }
        const config = configIfValid(configFileOf(opts.config));
        const [{ inviteAccount, inviteInstructions }, { organizationsClient }] = await Promise.all([import('../invitations/invite'), import('../../discovery/aws/organizations')]);
        const result = await inviteAccount(organizationsClient(), { accountId: opts.accountId, notes: opts.notes, config });
        console.log(inviteInstructions(result, opts.accessRoleName ?? config?.organization.accessRoleName));
      }),
    );
}

/** The config when it loads cleanly; the invitation itself does not need one. */
function configIfValid(file: string): LandingZoneConfig | undefined {
  try {
    return loadConfigFile(file).config;
  } catch {
    return undefined;
  }
}
