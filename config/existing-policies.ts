import type { ExistingPolicyConfig, LandingZoneConfig } from './schema';
import { ROOT_TARGET } from './schema';
import { POLICY_KINDS } from '../policies/kinds';

/*
 * Policies that exist in the organization outside the landing zone (guardrails.existing, written by lz import):
 * never detached or changed, counted against the per-target quotas, and adopted where a guardrail entry names one
 * by `id`.
 */

/** The existing policy with this id. */
export function existingPolicy(config: LandingZoneConfig, id: string): ExistingPolicyConfig | undefined {
  return config.guardrails.existing.find((p) => p.id === id);
}

/** Ids of the existing policies a guardrail entry adopts. */
export function adoptedPolicyIds(config: LandingZoneConfig): Set<string> {
  const ids = new Set<string>();
  for (const kind of POLICY_KINDS) {
    for (const entry of config.guardrails[kind]) if (entry.id && entry.enabled) ids.add(entry.id);
  }
  return ids;
}

/**
 * The literal id of a target (Root, an OU path, an account name) where an existing policy is attached: the import id
 * of the attachment an adopted policy keeps. Undefined when the policy is not attached there, or the id is not in the
 * config (a root id needs organization.rootId, an OU organization.ouIds, an account its id; the meaning checks say so).
 */
export function existingTargetId(config: LandingZoneConfig, policyId: string, target: string): string | undefined {
  const policy = existingPolicy(config, policyId);
  if (!policy?.targets.includes(target)) return undefined;
  return literalTargetId(config, target);
}

/** The literal id of a target, where the config knows it. */
export function literalTargetId(config: LandingZoneConfig, target: string): string | undefined {
  if (target === ROOT_TARGET) return config.organization.rootId;
  const account = config.accounts.find((a) => a.name === target);
  if (account) return account.id;
  return config.organization.ouIds[target];
}

/**
 * Existing policies of `type` attached directly to `target` that stay outside the landing zone's count there: all of
 * them but those a guardrail adopts and attaches to that same target (those are counted as the landing zone's).
 */
export function existingPoliciesAt(config: LandingZoneConfig, type: string, target: string, adoptedHere: ReadonlySet<string> = new Set()): ExistingPolicyConfig[] {
  return config.guardrails.existing.filter((p) => p.type === type && p.targets.includes(target) && !adoptedHere.has(p.id));
}
