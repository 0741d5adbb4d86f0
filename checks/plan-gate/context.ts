import type { LandingZoneConfig } from '../../config/schema';
import { workloadStackId } from '../../config/model';
import { accountLayout } from '../../config/account-stacks';
import { accessRoleNames } from '../../config/brownfield';
import { resolveBaseline, resolveManagementBaseline, type ExplainedSetting } from '../../config/effective-baseline';
import { adoptedOrganization, BEHAVIOUR_SETTINGS, existingAccountOnTakeover, explicitlySet, type BaselineBehaviourSetting } from '../../config/takeover';
import { behaviourSettingsOf } from '../../policies/behaviour';
import { planGuardrails } from '../../policies/plan';
import { POLICY_TYPE } from '../../policies/kinds';
import type { AccountSettingSource, GateContext } from './types';

/** The key of behaviourByPolicy: policy names are unique per type only. */
export function policyKey(type: string, name: string): string {
  return `${type}/${name}`;
}

const BASELINE_SETTINGS: readonly BaselineBehaviourSetting[] = ['instanceMetadata', 's3BlockPublicAccess'];

/**
 * Where a baseline behaviour setting of one account comes from: written in the config (an explained row of the
 * setting, or of one of its leaves, has a config path), the built-in default on an account the landing zone made,
 * or nothing the config says.
 */
function settingSource(explained: readonly ExplainedSetting[], setting: BaselineBehaviourSetting, existing: boolean): AccountSettingSource {
  const rows = explained.filter((r) => r.setting === setting || r.setting.startsWith(`${setting}.`));
  if (rows.some((r) => r.sourcePath !== undefined)) return 'explicit';
  return existing ? 'not-set' : 'default-on-new-account';
}

/** The facts of the config that the plan gate judges plans by. */
export function gateContext(config: LandingZoneConfig): GateContext {
  const behaviourByPolicy = new Map<string, readonly string[]>();
  // A catalogue guardrail under its own name carries its settings even where this config plans no such policy (a plan
  // made by other code or another config): the gate still sees what the policy does.
  for (const s of BEHAVIOUR_SETTINGS) {
    if (!s.guardrail || s.guardrail.option) continue;
    const key = policyKey(POLICY_TYPE[s.guardrail.kind], s.guardrail.policy);
    behaviourByPolicy.set(key, [...(behaviourByPolicy.get(key) ?? []), s.id]);
  }
  const customEc2Policies = new Set<string>();
  if (config.guardrails.enabled) {
    for (const policy of planGuardrails(config).policies) {
      if (policy.type === 'DECLARATIVE_POLICY_EC2' && !policy.carries.includes('ec2-block-public-access')) customEc2Policies.add(policyKey(policy.type, policy.name));
      const settings = behaviourSettingsOf(policy);
      if (settings.length > 0) behaviourByPolicy.set(policyKey(policy.type, policy.name), settings);
    }
  }
  const accountStacks = new Map<string, { account: string; settings: Record<BaselineBehaviourSetting, AccountSettingSource> }>();
  const sources = (explained: readonly ExplainedSetting[], existing: boolean) =>
    Object.fromEntries(BASELINE_SETTINGS.map((s) => [s, settingSource(explained, s, existing)])) as Record<BaselineBehaviourSetting, AccountSettingSource>;
  for (const account of config.accounts) {
    const stack = account.role === 'workload' ? workloadStackId(account.name) : account.role;
    accountStacks.set(stack, { account: account.name, settings: sources(resolveBaseline(config, account.name).explained, existingAccountOnTakeover(config, account)) });
  }
  accountStacks.set('management-baseline', {
    account: 'management',
    settings: sources(resolveManagementBaseline(config).explained, existingAccountOnTakeover(config, 'management')),
  });
  return {
    adoptedOrganization: adoptedOrganization(config),
    behaviourByPolicy: behaviourByPolicy as GateContext['behaviourByPolicy'],
    customEc2Policies,
    explicitlySet: new Set(BEHAVIOUR_SETTINGS.filter((s) => s.scope === 'organization' && explicitlySet(config, s)).map((s) => s.id)),
    settings: new Map(BEHAVIOUR_SETTINGS.map((s) => [s.id, s])),
    existingPolicies: new Map(config.guardrails.existing.map((p) => [p.id, { id: p.id, name: p.name, type: p.type }])),
    closedAccountIds: new Set(config.closedAccounts.flatMap((a) => (a.id === undefined ? [] : [a.id]))),
    movedAccounts: movedAccountsByStack(config),
    accessRoleNames: accessRoleNames(config),
    accountStacks,
    acknowledgements: config.reviewPlan.acknowledge.map((a, index) => ({ change: a.change, reason: a.reason, index })),
  };
}

/** Names of the accounts each stack forgets because they move to another stack (config/account-stacks.ts). */
function movedAccountsByStack(config: LandingZoneConfig): Map<string, Set<string>> {
  const moved = new Map<string, Set<string>>();
  for (const [name, placement] of accountLayout(config).placements) {
    if (!placement.movedFrom) continue;
    const from = placement.movedFrom.stack;
    moved.set(from, new Set([...(moved.get(from) ?? []), name]));
  }
  return moved;
}
