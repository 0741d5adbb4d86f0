import type { Rule } from './rule';
import type { Problem } from '../problems';
import { adoptedOrganization, BEHAVIOUR_SETTINGS } from '../takeover';

/**
 * On an adopted organization (organization.id), the EC2 declarative policy declares only the settings the config
 * writes (config/takeover.ts). An ec2-block-public-access entry that writes none would be an empty policy: say which
 * options turn what on instead of attaching a document that declares nothing.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_declarative_syntax.html
 */
export const checkTakeoverSettings: Rule = (config) => {
  if (!adoptedOrganization(config)) return [];
  const problems: Problem[] = [];
  const options = BEHAVIOUR_SETTINGS.filter((s) => s.guardrail?.policy === 'ec2-block-public-access' && s.guardrail.option);
  config.guardrails.declarative.forEach((entry, i) => {
    if (entry.policy !== 'ec2-block-public-access' || !entry.enabled) return;
    if (options.some((s) => entry.options?.[s.guardrail!.option!] !== undefined)) return;
    problems.push({
      path: ['guardrails', 'declarative', i],
      message:
        `declares nothing on this adopted organization: each EC2 setting applies only where its option is written, so that existing VPCs, AMIs, snapshots and instances keep working until you choose; ` +
        `write the ones to turn on: ${options.map((s) => `options.${s.guardrail!.option} (${s.effect})`).join('; ')}; or remove the entry`,
    });
  });
  return problems;
};
