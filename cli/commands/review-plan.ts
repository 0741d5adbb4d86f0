import type { Command } from 'commander';
import { formatHuman, formatJson, formatMarkdown, gateContext, HOW_TO_MAKE_ONE, readPlans, reviewPlans } from '../../checks/plan-gate';
import { UserError } from '../../lib/user-error';
import { configFileOf, CONFIG_OPTION, loadConfigOrFail } from '../lib/config';
import { runAction } from '../lib/run-action';

const FORMATS = { human: formatHuman, markdown: formatMarkdown, json: formatJson } as const;

/** `lz review-plan <plan.json|folder>... [--config file] [--format human|markdown|json]` */
export function register(program: Command): void {
  program
    .command('review-plan')
    .description(
      'The plan gate: read every stack\'s plan (terraform show -json) and refuse destroy, replace, forget of what is in use, disabled policy types, removed trusted access or delegated administrators, detached policies, behaviour settings the config did not turn on, and changes to the trail, Config and the access role.',
    )
    .argument('<plans...>', 'plan files named <stack-id>.json, or folders of them')
    .option(...CONFIG_OPTION)
    .option('--format <format>', 'human, markdown (the pull-request comment) or json', 'human')
    .addHelpText(
      'after',
      `\nPlans: ${HOW_TO_MAKE_ONE}.\nEvery finding has an id <rule>/<stack>/<address>[/<detail>]; list it in reviewPlan.acknowledge with a reason to let it through.\nExit code 1 when a finding is not acknowledged (docs/operations.md, "The plan gate").`,
    )
    .action(
      runAction(async (paths: string[], opts: { config?: string; format: string }) => {
        const format = FORMATS[opts.format as keyof typeof FORMATS];
        if (!format) throw new UserError(`--format ${opts.format} is not one of ${Object.keys(FORMATS).join(', ')}`);
        const plans = readPlans(paths);
        const { config } = loadConfigOrFail(configFileOf(opts.config));
        const result = reviewPlans(plans, gateContext(config));
        console.log(format(result));
        if (!result.pass) process.exitCode = 1;
      }),
    );
}
