import type { Command } from 'commander';
import { explainBaseline, formatExplainedBaseline } from '../../config/effective-baseline';
import { didYouMean } from '../../config/problems';
import { configFileOf, CONFIG_OPTION, loadConfigOrFail } from '../lib/config';
import { UserError } from '../../lib/user-error';
import { runAction } from '../lib/run-action';

/** `lz explain-baseline <account> [--format json]` */
export function register(program: Command): void {
  program
    .command('explain-baseline')
    .description('Show every baseline setting of one account and the config line it came from (top level, OU override, account).')
    .argument('<account>', 'account name from landing-zone.yaml')
    .option(...CONFIG_OPTION)
    .option('--format <format>', 'human or json', 'human')
    .addHelpText('after', '\nExample: lz explain-baseline shop-prod\nLayers and precedence are described in docs/baseline.md.')
    .action(
      runAction(async (account: string, opts: { config?: string; format: string }) => {
        const { config } = loadConfigOrFail(configFileOf(opts.config));
        const names = config.accounts.map((a) => a.name);
        if (!names.includes(account)) throw new UserError(`There is no account "${account}" in the config${didYouMean(account, names)}`);
        const rows = explainBaseline(config, account);
        console.log(opts.format === 'json' ? JSON.stringify(rows, null, 2) : formatExplainedBaseline(rows));
      }),
    );
}
