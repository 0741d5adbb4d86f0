import type { Command } from 'commander';
import { governedRegions } from '../../config/model';
import { CHECKLIST, formatChecklist, runChecklist, type ChecklistRow, type CheckContext } from '../../checks/checklist';
import { configFileOf, CONFIG_OPTION, loadConfigOrFail } from '../lib/config';
import { readSynthOutput, synthesizeToMemory } from '../lib/synth-output';
import { controlTowerFacts } from '../../checks/checklist/control-tower';
import { deferredSettings, formatTakeover, takeoverReport } from '../../checks/checklist/takeover';
import { runAction } from '../lib/run-action';

/** checks/constraints on first use (the rules are only needed when lz check runs). */
function loadConstraints(): typeof import('../../checks/constraints') {
  return require('../../checks/constraints') as typeof import('../../checks/constraints');
}

/** `lz check [--config file] [--out cdktf.out] [--format json]` */
export function register(program: Command): void {
  program
    .command('check')
    .description(
      'Evaluate the seed 004 target-state checklist and the AWS service constraints on the synthesized stacks: one row per item, pass / fail with evidence or the AWS page.',
    )
    .option(...CONFIG_OPTION)
    .option('--out <dir>', 'check an existing synthesized folder (e.g. cdktf.out) instead of synthesizing the config')
    .option('--format <format>', 'human or json', 'human')
    .addHelpText(
      'after',
      `\nChecklist items: ${CHECKLIST.map((r) => r.id).join(', ')} (docs/checklist.md).\nAWS service constraints: what AWS or the provider refuses on a first apply, each citing its AWS page (docs/aws-constraints.md).\nEvidence is the stack id and the Terraform address of the resource. Exit code 1 when an item fails or a constraint is violated.`,
    )
    .action(
      runAction(async (opts: { config?: string; out?: string; format: string }) => {
        const { config } = loadConfigOrFail(configFileOf(opts.config));
        const output = opts.out ? readSynthOutput(opts.out) : synthesizeToMemory(config);
        const takeover = takeoverReport(config);
        const ctx: CheckContext = {
          stacks: output.stacks,
          governedRegions: governedRegions(config),
          managementAccountId: config.organization.managementAccountId,
          controlTower: controlTowerFacts(config),
          deferred: deferredSettings(takeover),
          existingPolicies: config.guardrails.existing,
        };
        const rows: ChecklistRow[] = runChecklist(ctx);
        const { runConstraints, formatConstraints } = loadConstraints();
        const constraints = runConstraints(ctx);
        const pass = rows.every((r) => r.status === 'pass') && constraints.every((r) => r.status === 'pass');
        if (opts.format === 'json') console.log(JSON.stringify({ pass, items: rows, constraints, leftOffOnTakeover: takeover }, null, 2));
        else {
          const left = takeover.length > 0 ? `\n\nLeft off on takeover\n\n${formatTakeover(takeover)}` : '';
          console.log(`Seed 004 target-state checklist\n\n${formatChecklist(rows)}\n\nAWS service constraints\n\n${formatConstraints(constraints)}${left}`);
        }
        if (!pass) process.exitCode = 1;
      }),
    );
}
