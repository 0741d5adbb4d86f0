import type { Rule } from './rule';
import type { PathSegment, Problem } from '../problems';
import { didYouMean, show } from '../problems';
import { parseTemplate, type ParsedTemplate } from '../stacksets-loader';
import type { StackSetConfig } from '../schema';

const CREATE_STACK_SET = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStackSet.html';

/**
 * IAM resource types that need CAPABILITY_IAM or CAPABILITY_NAMED_IAM, as CreateStackSet lists them, and the property
 * that gives each a custom name (which needs CAPABILITY_NAMED_IAM).
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStackSet.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/control-access-with-iam.html#using-iam-capabilities
 */
const IAM_RESOURCES: Readonly<Record<string, string | undefined>> = {
  'AWS::IAM::AccessKey': undefined,
  'AWS::IAM::Group': 'GroupName',
  'AWS::IAM::InstanceProfile': 'InstanceProfileName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
  'AWS::IAM::Policy': undefined,
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::User': 'UserName',
  'AWS::IAM::UserToGroupAddition': undefined,
};

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Whether a name property certainly sets a name: a literal, or a function that yields one (not Fn::If, which may give AWS::NoValue). */
const setsName = (value: unknown) => value !== undefined && !(isObject(value) && 'Fn::If' in value);

/** Whether the template references a macro anywhere: a top-level Transform or an Fn::Transform. */
function macros(template: ParsedTemplate): string[] {
  const found: string[] = [];
  const top = template.Transform;
  if (top !== undefined) found.push(...(Array.isArray(top) ? top : [top]).map((t) => (typeof t === 'string' ? t : isObject(t) ? String(t.Name ?? 'a macro') : 'a macro')));
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isObject(v)) {
      for (const [k, child] of Object.entries(v)) {
        if (k === 'Fn::Transform') found.push(isObject(child) && typeof child.Name === 'string' ? child.Name : 'a macro');
        walk(child);
      }
    }
  };
  walk(template.Resources);
  return [...new Set(found)];
}

/**
 * A StackSet's template, its parameters and its capabilities agree, as CloudFormation checks them when the StackSet
 * or its stack instances are created:
 * - every `parameters` entry is a parameter the template declares (CloudFormation refuses undeclared ones), and every
 *   declared parameter without a Default has a value (else no stack instance can be created);
 * - IAM resources need CAPABILITY_IAM or CAPABILITY_NAMED_IAM, IAM resources with a custom name (RoleName, UserName,
 *   GroupName, ManagedPolicyName, InstanceProfileName) CAPABILITY_NAMED_IAM (InsufficientCapabilities);
 * - no macro: StackSets with service-managed permissions (all of the landing zone's) do not support macros, the
 *   AWS::Serverless and AWS::Include transforms included, even with CAPABILITY_AUTO_EXPAND.
 * Templates that could not be read are reported by the loader (config/stacksets-loader.ts) and skipped here.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStackSet.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/parameters-section-structure.html
 */
export const checkStackSetTemplates: Rule = (config) => config.stackSets.flatMap((stackSet, i) => {
  if (stackSet.templateBody === undefined) return [];
  const { template } = parseTemplate(stackSet.templateBody);
  return template ? templateProblems(stackSet, template, ['stackSets', i]) : [];
});

function templateProblems(stackSet: StackSetConfig, template: ParsedTemplate, at: PathSegment[]): Problem[] {
  const problems: Problem[] = [];
  const source = stackSet.template !== undefined ? 'template' : 'templateBody';
  const where = stackSet.template !== undefined ? `template ${show(stackSet.template)}` : 'the templateBody';
  const declared = isObject(template.Parameters) ? template.Parameters : {};
  const names = Object.keys(declared);

  for (const key of Object.keys(stackSet.parameters)) {
    if (key in declared) continue;
    const known = names.length > 0 ? `it declares ${names.join(', ')}` : 'it declares no Parameters';
    problems.push({
      path: [...at, 'parameters', key],
      message: `is not a parameter of ${where} (${known}), and CloudFormation refuses a parameter the template does not declare${didYouMean(key, names) || '; remove it or declare it in the template'} (${CREATE_STACK_SET})`,
    });
  }
  const missing = names.filter((n) => !(n in stackSet.parameters) && !(isObject(declared[n]) && 'Default' in declared[n]));
  if (missing.length > 0) {
    problems.push({
      path: [...at, 'parameters'],
      message:
        `misses ${missing.join(', ')}, which ${where} declares without a Default, so no stack instance can be created (CloudFormation: "Parameters: [${missing.join(', ')}] must have values"); ` +
        `give ${missing.length === 1 ? 'it a value' : 'them values'} here, e.g. parameters: { ${missing.map((m) => `${m}: ...`).join(', ')} }, or a Default in the template`,
    });
  }

  const iam: { id: string; type: string; named?: string }[] = [];
  for (const [id, resource] of Object.entries(template.Resources)) {
    if (!isObject(resource) || typeof resource.Type !== 'string' || !(resource.Type in IAM_RESOURCES)) continue;
    const nameKey = IAM_RESOURCES[resource.Type];
    const properties = isObject(resource.Properties) ? resource.Properties : {};
    iam.push({ id, type: resource.Type, ...(nameKey && setsName(properties[nameKey]) ? { named: nameKey } : {}) });
  }
  const has = (c: string) => stackSet.capabilities.includes(c as never);
  const named = iam.filter((r) => r.named);
  if (named.length > 0 && !has('CAPABILITY_NAMED_IAM')) {
    problems.push({
      path: [...at, 'capabilities'],
      message:
        `lacks CAPABILITY_NAMED_IAM: ${where} gives IAM resources custom names (${named.map((r) => `${r.id} ${r.named}`).join(', ')}), and CloudFormation refuses them without it (InsufficientCapabilities, ${CREATE_STACK_SET}); ` +
        `add CAPABILITY_NAMED_IAM to capabilities, or let CloudFormation name the resources`,
    });
  } else if (iam.length > 0 && !has('CAPABILITY_IAM') && !has('CAPABILITY_NAMED_IAM')) {
    problems.push({
      path: [...at, 'capabilities'],
      message:
        `lacks CAPABILITY_IAM: ${where} has IAM resources (${iam.map((r) => `${r.id} ${r.type}`).join(', ')}), and CloudFormation refuses them without it (InsufficientCapabilities, ${CREATE_STACK_SET}); add CAPABILITY_IAM to capabilities`,
    });
  }

  const used = macros(template);
  if (used.length > 0) {
    problems.push({
      path: [...at, source],
      message:
        `${where} uses ${used.map((m) => show(m)).join(', ')}, a macro; StackSets with service-managed permissions (the landing zone's) do not support macros, AWS::Serverless and AWS::Include included, even with CAPABILITY_AUTO_EXPAND (${CREATE_STACK_SET}); ` +
        `write its resources out in plain CloudFormation (for a stack that runs the template, aws cloudformation get-template --template-stage Processed prints it expanded)`,
    });
  }
  return problems;
}
