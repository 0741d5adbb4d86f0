import type { Command } from 'commander';
import { githubTrustOf } from '../../config/ci-subjects';
import type { LandingZoneConfig } from '../../config/schema';
import { UserError } from '../../lib/user-error';
import { checkGitHub, configureGitHub, formatCheck } from '../ci/github';
import { GITHUB_API_URL, GitHubApi, githubToken } from '../ci/github-api';
import { configFileOf, CONFIG_OPTION, loadConfigOrFail } from '../lib/config';
import { runAction } from '../lib/run-action';

interface GitHubOptions {
  readonly config?: string;
  readonly apiUrl: string;
}

/** The GitHub trust of the config, or a UserError when the config has no GitHub CI. */
function trustOf(config: LandingZoneConfig) {
  const trust = githubTrustOf(config);
  if (!trust) throw new UserError(`ci.provider is ${config.ci.provider}: lz ci github needs ci.provider: github and ci.repository (docs/github-actions.md)`);
  return trust;
}

function setUp(opts: GitHubOptions) {
  const { config } = loadConfigOrFail(configFileOf(opts.config));
  const trust = trustOf(config);
  return { trust, api: new GitHubApi(githubToken(process.env), opts.apiUrl) };
}

/** `lz ci github configure|check [--config file] [--api-url url]` */
export function register(program: Command): void {
  const ci = program.command('ci').description('The CI\'s own settings that the landing zone\'s roles rely on (docs/github-actions.md).');
  const github = ci
    .command('github')
    .description('The GitHub repository of ci.repository: its OIDC subject claim template and the apply environment\'s protection.')
    .addHelpText('after', '\nToken: GITHUB_TOKEN or GH_TOKEN, of a repository administrator.');
  const apiOption = ['--api-url <url>', `GitHub REST API (GitHub Enterprise Server: https://<host>/api/v3)`, GITHUB_API_URL] as const;

  github
    .command('configure')
    .description(
      'Set the repository\'s OIDC subject claim template (repo, context, job_workflow_ref) and the apply environment\'s protection (deployments from ci.branch only, ci.applyReviewers), then check them.',
    )
    .option(...CONFIG_OPTION)
    .option(...apiOption)
    .action(
      runAction(async (opts: GitHubOptions) => {
        const { trust, api } = setUp(opts);
        for (const line of await configureGitHub(api, trust)) console.log(`✓ ${line}`);
        const result = await checkGitHub(api, trust);
        console.log(formatCheck(result, trust));
        if (result.differences.length > 0) process.exitCode = 1;
      }),
    );

  github
    .command('check')
    .description('Read the repository\'s OIDC subject claim template and the apply environment\'s protection back; exit 1 naming each difference from what the CI roles trust.')
    .option(...CONFIG_OPTION)
    .option(...apiOption)
    .action(
      runAction(async (opts: GitHubOptions) => {
        const { trust, api } = setUp(opts);
        const result = await checkGitHub(api, trust);
        console.log(formatCheck(result, trust));
        if (result.differences.length > 0) process.exitCode = 1;
      }),
    );
}
