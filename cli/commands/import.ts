import type { Command } from 'commander';
import { SKIPPABLE } from '../../discovery/skippable';
import { DEFAULT_CONCURRENCY } from '../../discovery/pool';
import { DEFAULT_ACCESS_ROLE } from '../../config/schema/organization';
import type { ImportFlags } from '../import/actions';
import { runAction } from '../lib/run-action';

/** `lz import [--output file] [--log-archive NAME] [--security NAME] ...`, or `lz import --account NAME`. */
export function register(program: Command): void {
  program
    .command('import')
    .description(
      'Adopt an existing organization: read OUs, accounts and policies, and what every account already runs (Config, GuardDuty, Security Hub, trails, ...) and Control Tower, then write a landing-zone.yaml with their ids and adopt sections.',
    )
    .option('-o, --output <file>', 'file to write (- for standard output)', 'landing-zone.yaml')
    .option('--log-archive <name>', 'the existing account to use as the log-archive account (default: the one whose name contains "log")')
    .option('--security <name>', 'the existing account to use as the security account (default: the one whose name contains "security" or "audit")')
    .option('--name <name>', 'organization.name for physical names (default: from the management account name)')
    .option('--home-region <region>', 'organization.homeRegion (default: Control Tower\'s home region when it is found, else $AWS_REGION or us-east-1)')
    .option('--regions <list>', 'organization.governedRegions, comma separated (default: the regions Control Tower governs, else the home region)')
    .option('--state-bucket <bucket>', 'use S3 state in this bucket (default: local state)')
    .option('--access-role <name>', 'organization.accessRoleName: the role assumed in member accounts', DEFAULT_ACCESS_ROLE)
    .option('--no-policies', 'do not read existing organization policies (guardrails.existing is not written)')
    .option('--no-discovery', 'read only the organization: no account services, no Control Tower (no adopt sections)')
    .option('--concurrency <n>', 'accounts read at once', String(DEFAULT_CONCURRENCY))
    .option('--skip <list>', `reads to leave out, comma separated (their entries are not written): ${SKIPPABLE.join(', ')}`)
    .option('--account <name|id>', 'discover one account of an existing config (its name or id under accounts, or "management"): rewrite its adopt section and refresh the organization\'s records (rootId, policy types, existing policies, delegated administrators)')
    .option('-c, --config <file>', 'with --account: the config to update (default: $LZ_CONFIG or landing-zone.yaml)')
    .option('--force', 'overwrite the output file')
    .addHelpText(
      'after',
      [
        '',
        'Run with the management account\'s credentials: organizations Describe*/List*, sts:AssumeRole into the access role',
        '(or AWSControlTowerExecution) of every account, controltower List*/Get*, sso:ListInstances, and the delegated',
        'administrator lists of guardduty, securityhub, macie2, inspector2 and detective. Accounts that cannot be',
        'reached and regions not enabled are listed in the file\'s header and on stderr (exit code 1); the file is still written.',
        'Then: lz validate, npm run synth, and a plan that shows imports and in-place changes only (docs/operations.md,',
        '"Taking over an existing organization"). For an account added later: lz import --account <name> [--config file].',
      ].join('\n'),
    )
    .action(
      runAction(async (opts: ImportFlags, command: Command) => {
        const { importAccountAction, importOrganizationAction } = await import('../import/actions');
        if (opts.account) return importAccountAction(opts, command.getOptionValueSource('output') === 'cli');
        return importOrganizationAction(opts);
      }),
    );
}
