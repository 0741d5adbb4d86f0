import { EC2_OPTION_ATTRIBUTE, ec2AttributesOf } from '../../../policies/behaviour';
import type { BaselineBehaviourSetting, BehaviourSetting, BehaviourSettingId } from '../../../config/takeover';
import { attribute, attributeChanges, changedAttributes, constantArgument, creates, describeChanges, knownResources, managedChanges, referencedResource, updates, withoutIndex } from '../changes';
import type { ResourceChange, Values } from '../plan-json';
import { policyKey } from '../context';
import { organizationNames } from './policy-detached';
import { finding, type Finding, type GateContext, type PlanRule, type StackPlan } from '../types';

/** Account-level resources that carry a baseline behaviour setting, and the arguments that are the setting. */
const ACCOUNT_RESOURCES: Readonly<Record<string, { readonly setting: BaselineBehaviourSetting; readonly id: BehaviourSettingId; readonly arguments: readonly string[] }>> = {
  aws_ec2_instance_metadata_defaults: {
    setting: 'instanceMetadata',
    id: 'account-imds-defaults',
    arguments: ['http_tokens', 'http_put_response_hop_limit', 'http_endpoint', 'instance_metadata_tags'],
  },
  aws_s3_account_public_access_block: {
    setting: 's3BlockPublicAccess',
    id: 'account-s3-public-access-block',
    arguments: ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'],
  },
};

/** The EC2 behaviour settings by the `ec2_attributes` key that declares them. */
const EC2_SETTING_BY_ATTRIBUTE = new Map(Object.entries(EC2_OPTION_ATTRIBUTE).map(([option, key]) => [key, option]));

/** The value a declarative policy document gives one EC2 attribute (undefined when it declares none or is not JSON). */
function ec2Attribute(content: unknown, key: string): unknown {
  if (typeof content !== 'string') return undefined;
  try {
    return (JSON.parse(content) as { ec2_attributes?: Record<string, unknown> }).ec2_attributes?.[key];
  } catch {
    return undefined;
  }
}

/** A declared EC2 attribute as a reviewer reads it: `internet_gateway_block.mode = block_ingress, ...`; `not declared`. */
function showAttribute(value: unknown): string {
  if (value === undefined) return 'not declared';
  const out: string[] = [];
  const walk = (v: unknown, path: string[]) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, inner] of Object.entries(v)) walk(inner, k.startsWith('@@') ? path : [...path, k]);
    } else {
      out.push(`${path.join('.') || 'value'} = ${typeof v === 'string' ? v : JSON.stringify(v)}`);
    }
  };
  walk(value, []);
  return out.join(', ');
}

/** The EC2 settings a document declares, by setting id. */
function ec2Settings(ctx: GateContext, content: unknown): BehaviourSettingId[] {
  if (typeof content !== 'string') return [];
  return ec2AttributesOf(content).flatMap((key) => {
    const option = EC2_SETTING_BY_ATTRIBUTE.get(key);
    const setting = [...ctx.settings.values()].find((s) => s.guardrail?.option === option);
    return option && setting ? [setting.id] : [];
  });
}

/**
 * The settings a policy carries: what the config's guardrails say it carries and, for a declarative EC2 policy other
 * than the config's own custom documents, the attributes its document in the plan declares (before or after).
 */
function settingsOfPolicy(ctx: GateContext, type: string, name: string, contents: readonly unknown[]): BehaviourSettingId[] {
  const key = policyKey(type, name);
  if (ctx.customEc2Policies.has(key)) return [];
  const carried = new Set<BehaviourSettingId>(ctx.behaviourByPolicy.get(key) ?? []);
  if (type === 'DECLARATIVE_POLICY_EC2') for (const content of contents) for (const id of ec2Settings(ctx, content)) carried.add(id);
  return [...carried];
}

/** Why the setting needs the config's word, and how to give it. */
function needsWord(setting: BehaviourSetting): string {
  return `${setting.effect}. The organization is adopted (organization.id) and the config does not set it: to turn it on, write ${setting.enable}`;
}

/** Findings for a create or update of an organization policy that carries behaviour settings. */
function policyFindings(ctx: GateContext, p: StackPlan, rc: ResourceChange): Finding[] {
  const type = attribute(rc, 'type') ?? '';
  const name = (rc.change.after?.name ?? rc.change.before?.name) as string | undefined;
  if (!name) return [];
  const contentUnknown = rc.change.after_unknown?.content === true;
  const before = rc.change.before?.content;
  const after = rc.change.after?.content;
  const created = creates(rc);
  return settingsOfPolicy(ctx, type, name, [before, after])
    .filter((id) => !ctx.explicitlySet.has(id))
    .flatMap((id) => {
      const setting = ctx.settings.get(id)!;
      const option = setting.guardrail?.option;
      let change: string;
      if (option && type === 'DECLARATIVE_POLICY_EC2' && !contentUnknown) {
        const key = EC2_OPTION_ATTRIBUTE[option];
        const was = created ? undefined : ec2Attribute(before, key);
        const now = ec2Attribute(after, key);
        if (JSON.stringify(was) === JSON.stringify(now)) return [];
        change = `${key}: ${showAttribute(was)} → ${showAttribute(now)}`;
      } else {
        if (!created && !contentUnknown && !attributeChanges(rc, 'content')) return [];
        change = contentUnknown ? 'content known only after apply' : created ? 'a new policy' : 'its content changes';
      }
      const verb = created ? 'creates' : 'changes';
      return [finding('behaviour-setting-changed', p.stack, rc.address, `${verb} policy ${name} with ${setting.what} (${change}): ${needsWord(setting)}`, { detail: id })];
    });
}

interface PolicyFacts {
  readonly name: string;
  readonly type: string;
  readonly content: unknown;
}

/** The organization policies of a plan set, once: by stack and configuration address, and by policy id. */
interface PolicyIndex {
  readonly byAddress: ReadonlyMap<string, ReadonlyMap<string, PolicyFacts>>;
  readonly byId: ReadonlyMap<string, PolicyFacts>;
}

function factsOf(values: Values | null | undefined): PolicyFacts | undefined {
  return values && typeof values.name === 'string' ? { name: values.name, type: String(values.type ?? ''), content: values.content } : undefined;
}

function policyIndex(plans: readonly StackPlan[]): PolicyIndex {
  const byAddress = new Map<string, Map<string, PolicyFacts>>();
  const byId = new Map<string, PolicyFacts>();
  for (const p of plans) {
    const own = new Map<string, PolicyFacts>();
    for (const r of knownResources(p).filter((x) => x.type === 'aws_organizations_policy')) {
      const facts = factsOf(r.values);
      if (!facts) continue;
      own.set(withoutIndex(r.address), facts);
      if (typeof r.values?.id === 'string') byId.set(r.values.id, facts);
    }
    // The planned change wins: a policy created in this plan has no id yet, and its name and content are in `after`.
    for (const rc of managedChanges(p).filter((x) => x.type === 'aws_organizations_policy')) {
      const facts = factsOf(rc.change.after ?? rc.change.before);
      if (facts) own.set(withoutIndex(rc.address), facts);
    }
    byAddress.set(p.stack, own);
  }
  return { byAddress, byId };
}

/** The policy an attachment attaches: through the configuration's reference of policy_id, else its constant id. */
function attachedPolicy(policies: PolicyIndex, p: StackPlan, rc: ResourceChange): PolicyFacts | undefined {
  const ref = referencedResource(p, rc, 'policy_id');
  if (ref !== undefined) return policies.byAddress.get(p.stack)?.get(ref);
  const id = constantArgument(p, rc, 'policy_id') ?? rc.change.after?.policy_id;
  return typeof id === 'string' ? policies.byId.get(id) : undefined;
}

/** Findings for a create of an attachment of a policy that carries behaviour settings. */
function attachmentFindings(ctx: GateContext, policies: PolicyIndex, p: StackPlan, rc: ResourceChange, targets: ReadonlyMap<string, string>): Finding[] {
  const policy = attachedPolicy(policies, p, rc);
  if (!policy) return [];
  const targetId = rc.change.after?.target_id;
  const target = typeof targetId === 'string' ? (targets.get(targetId) ?? targetId) : (referencedResource(p, rc, 'target_id') ?? 'its target');
  return settingsOfPolicy(ctx, policy.type, policy.name, [policy.content])
    .filter((id) => !ctx.explicitlySet.has(id))
    .map((id) => {
      const setting = ctx.settings.get(id)!;
      return finding('behaviour-setting-changed', p.stack, rc.address, `attaches policy ${policy.name} with ${setting.what} to ${target}: ${needsWord(setting)}`, { detail: id });
    });
}

/** Findings for a create or update of an account-level setting (IMDS defaults, S3 account public access block). */
function accountFindings(ctx: GateContext, p: StackPlan, rc: ResourceChange): Finding[] {
  const resource = ACCOUNT_RESOURCES[rc.type];
  const changed = creates(rc) ? resource.arguments.filter((a) => rc.change.after?.[a] !== undefined) : changedAttributes(rc).filter((a) => resource.arguments.includes(a));
  if (!creates(rc) && changed.length === 0) return [];
  const account = ctx.accountStacks.get(p.stack);
  const source = account?.settings[resource.setting] ?? 'not-set';
  if (source !== 'not-set') return [];
  const setting = ctx.settings.get(resource.id)!;
  const where = account ? `account ${account.account}, which existed before the takeover` : `stack ${p.stack}, which works in no account of the config`;
  const what = changed.length > 0 ? ` (${describeChanges(rc, changed)})` : '';
  return [
    finding(
      'behaviour-setting-changed',
      p.stack,
      rc.address,
      `${creates(rc) ? 'sets' : 'changes'} ${setting.what}${what} in ${where}: ${setting.effect}. The config does not set baseline.${resource.setting} for it: to turn it on, write ${setting.enable}`,
      { detail: resource.id },
    ),
  ];
}

/**
 * On an organization the landing zone took over (organization.id), the settings of config/takeover.ts (region deny,
 * RCPs, VPC / AMI / snapshot block public access, IMDS defaults, the S3 account public access block) change what
 * accounts that have run for years may do; the landing zone leaves them off until the config turns each one on
 * (config/takeover.ts explicitlySet; for an account, a baseline value written at any layer). A plan that creates,
 * changes or attaches one without that word is refused. On a new organization they are the secure defaults.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_declarative.html
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa.html
 * @see https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyInstanceMetadataDefaults.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
 */
export const behaviourSettingChanged: PlanRule = (plans, ctx) => {
  if (!ctx.adoptedOrganization) return [];
  const { targets } = organizationNames(plans);
  const policies = policyIndex(plans);
  return plans.flatMap((p) =>
    managedChanges(p).flatMap((rc) => {
      if (!creates(rc) && !updates(rc)) return [];
      if (rc.type === 'aws_organizations_policy') return policyFindings(ctx, p, rc);
      if (rc.type === 'aws_organizations_policy_attachment' && creates(rc)) return attachmentFindings(ctx, policies, p, rc, targets);
      if (ACCOUNT_RESOURCES[rc.type]) return accountFindings(ctx, p, rc);
      return [];
    }),
  );
};
