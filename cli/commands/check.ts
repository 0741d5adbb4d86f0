import type { Command } from 'commander';
import { governedRegions } from '../../config/model';
import { runAction } from '../aws/organizations';
import { CHECKLIST, formatChecklist, runChecklist, type ChecklistRow } from '../check';
import { configFileOf, CONFIG_OPTION, loadConfigOrFail } from '../lib/config';
import { readSynthOutput, synthesizeToMemory } from '../lib/synth-output';

/** `lz check [--config file] [--out cdktf.out] [--format json]` */
export function register(program: Command): void {
  program
    .command('check')
    .description('Evaluate the seed 004 target-state checklist on the synthesized stacks: one row per item, pass / fail with evidence.')
    .option(...CONFIG_OPTION)
    .option('--out <dir>', 'check an existing synthesized folder (e.g. cdktf.out) instead of synthesizing the config')
    .option('--format <format>', 'human or json', 'human')
    .addHelpText(
      'after',
      `\nItems: ${CHECKLIST.map((r) => r.id).join(', ')}.\nEvidence is the stack id and the Terraform address of the resource. Exit code 1 when an item fails.\nThe mapping from items to config keys is in docs/checklist.md.`,
    )
    .action(
      runAction(async (opts: { config?: string; out?: string; format: string }) => {
        const { config } = loadConfigOrFail(configFileOf(opts.config));
        const output = opts.out ? readSynthOutput(opts.out) : synthesizeToMemory(config);
        const rows: ChecklistRow[] = runChecklist({
          stacks: output.stacks,
          governedRegions: governedRegions(config),
          managementAccountId: config.organization.managementAccountId,
        });
        if (opts.format === 'json') console.log(JSON.stringify({ pass: rows.every((r) => r.status === 'pass'), items: rows }, null, 2));
        else console.log(formatChecklist(rows));
        if (rows.some((r) => r.status === 'fail')) process.exitCode = 1;
      }),
    );
}
