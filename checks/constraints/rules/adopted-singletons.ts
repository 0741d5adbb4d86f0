import { verdict, type Evidence } from '../../checklist/types';
import { address, type StackJson } from '../../../lib/stack-json';
import { hasExpression } from '../sizes';
import type { ConstraintRule } from '../types';

/** An import block as cdktf writes it. */
interface ImportBlock {
  readonly to: string;
  readonly id: string;
  readonly provider?: string;
  readonly for_each?: unknown;
}

/**
 * The name an import id must carry for the resource types adopted by name: a recorder, its status and a
 * delivery channel are imported by name, an analyzer by its name, a budget as `<account id>:<name>`, a trail
 * by its ARN (`...:trail/<name>`). The name is what AWS has; a resource with another name would be replaced
 * (every one of these names forces a new resource), and for Config a second recorder or channel is refused.
 */
const NAME_KEYED: Readonly<Record<string, { readonly attribute: string; readonly idFor: (name: string) => RegExp; readonly form: string }>> = {
  aws_config_configuration_recorder: { attribute: 'name', idFor: (n) => exact(n), form: 'the recorder name' },
  aws_config_configuration_recorder_status: { attribute: 'name', idFor: (n) => exact(n), form: 'the recorder name' },
  aws_config_delivery_channel: { attribute: 'name', idFor: (n) => exact(n), form: 'the channel name' },
  aws_accessanalyzer_analyzer: { attribute: 'analyzer_name', idFor: (n) => exact(n), form: 'the analyzer name' },
  aws_budgets_budget: { attribute: 'name', idFor: (n) => new RegExp(`^\\d{12}:${escape(n)}$`), form: '<account id>:<budget name>' },
  aws_cloudtrail: { attribute: 'name', idFor: (n) => new RegExp(`^arn:[^:]+:cloudtrail:[a-z0-9-]+:\\d{12}:trail/${escape(n)}$`), form: 'the trail ARN' },
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function exact(text: string): RegExp {
  return new RegExp(`^${escape(text)}$`);
}

/** The literal value of `attribute`, following one `${type.name.attribute}` reference in the same stack (a recorder status names its recorder). */
function literalAttribute(stack: StackJson, body: Record<string, any>, attribute: string): string | undefined {
  const value = body[attribute];
  if (typeof value !== 'string') return undefined;
  if (!hasExpression(value)) return value;
  const m = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z_]+)\}$/.exec(value);
  const target = m ? stack.resource?.[m[1]]?.[m[2]]?.[m[3]] : undefined;
  return typeof target === 'string' && !hasExpression(target) ? target : undefined;
}

/**
 * Adoption by import (accounts[].adopt, organization.adopt): every import block lands on a resource of its
 * stack, through that resource's own provider (the provider alias decides the account and Region the import
 * reads), and for what AWS keeps by name (Config recorder and delivery channel, one each per account and
 * Region; analyzers; budgets; trails) the resource carries the name the import id names. Otherwise the plan
 * fails on the import, reads another account, or replaces the adopted resource (a recorder cannot be renamed:
 * PutConfigurationRecorder with a new name while one exists fails with
 * MaxNumberOfConfigurationRecordersExceededException). Two recorders or channels per account and Region are
 * counted by one-per-account-region.
 */
export const adoptedSingletons: ConstraintRule = {
  id: 'adopted-singletons',
  title: 'Adopted resources: each import block targets a resource of its stack, through its provider, under the name AWS has',
  sources: [
    'https://docs.aws.amazon.com/config/latest/developerguide/configlimits.html',
    'https://docs.aws.amazon.com/config/latest/APIReference/API_PutConfigurationRecorder.html',
    'https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/config_configuration_recorder#import',
  ],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    for (const stackId of Object.keys(ctx.stacks).sort()) {
      const stack = ctx.stacks[stackId];
      for (const block of (stack.import ?? []) as readonly ImportBlock[]) {
        const dot = block.to.indexOf('.');
        const [type, name] = [block.to.slice(0, dot), block.to.slice(dot + 1)];
        const at = `${stackId}: import to ${block.to}`;
        const body = stack.resource?.[type]?.[name];
        if (!body) {
          problems.push(`${at}: no such resource in the stack; Terraform refuses an import whose target is not configured`);
          continue;
        }
        const before = problems.length;
        const resourceProvider = typeof body.provider === 'string' ? body.provider : 'aws';
        if (block.provider !== undefined && block.provider !== resourceProvider) {
          problems.push(`${at}: imports through ${block.provider} but the resource uses ${resourceProvider}; Terraform refuses an import whose provider is not its target's (and it would read another account or Region)`);
        }
        const keyed = NAME_KEYED[type];
        const id = String(block.id);
        if (keyed && block.for_each === undefined && !hasExpression(id)) {
          const resourceName = literalAttribute(stack, body, keyed.attribute);
          if (resourceName !== undefined && !keyed.idFor(resourceName).test(id)) {
            problems.push(
              `${at}: imports ${JSON.stringify(id)} but the resource's ${keyed.attribute} is ${JSON.stringify(resourceName)} (the id is ${keyed.form}); the adopted resource would be replaced, give the resource the existing name`,
            );
          }
        }
        if (problems.length === before) evidence.push({ stack: stackId, address: address(type, name), note: `imports ${JSON.stringify(id)}` });
      }
    }
    return verdict(evidence, problems);
  },
};
