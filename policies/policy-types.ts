import type { LandingZoneConfig } from '../config/schema';
import { PROVIDER_POLICY_TYPES } from '../config/schema/policy-types';
import { effectiveGuardrails } from './effective';
import { POLICY_KINDS, POLICY_TYPE } from './kinds';

/**
 * Organization policy types the guardrails use, for the organization's `enabled_policy_types`
 * (e.g. SERVICE_CONTROL_POLICY, RESOURCE_CONTROL_POLICY, DECLARATIVE_POLICY_EC2, TAG_POLICY,
 * AISERVICES_OPT_OUT_POLICY, BACKUP_POLICY), in a stable order. A type must be enabled at the
 * root before a policy of that type can be attached.
 */
export function policyTypesInUse(config: LandingZoneConfig): string[] {
  const kinds = new Set(effectiveGuardrails(config).map((g) => g.kind));
  return POLICY_KINDS.filter((k) => kinds.has(k)).map((k) => POLICY_TYPE[k]);
}

/** The policy types the organization keeps enabled, split by whether the pinned provider can write them. */
export interface EnabledPolicyTypes {
  /** Sorted; what aws_organizations_organization.enabled_policy_types lists. */
  readonly types: readonly string[];
  /**
   * Types the organization keeps that the pinned provider cannot write (config/schema/policy-types.ts): while there is
   * one, the list is not Terraform's to manage (it would disable them), and the landing zone enables its own types itself.
   */
  readonly outsideProvider: readonly string[];
}

/**
 * Every policy type the organization keeps enabled: the guardrails' own, organization.additionalPolicyTypes (types
 * enabled outside the landing zone, written by lz import) and the types of the policies that exist outside it
 * (guardrails.existing). enabled_policy_types is authoritative, and disabling a type detaches every policy of it
 * across the organization, so a type in use anywhere stays.
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_DisablePolicyType.html
 */
export function enabledPolicyTypes(config: LandingZoneConfig): EnabledPolicyTypes {
  const all = new Set<string>([...policyTypesInUse(config), ...config.organization.additionalPolicyTypes, ...config.guardrails.existing.map((p) => p.type)]);
  const writable = new Set<string>(PROVIDER_POLICY_TYPES);
  return {
    types: [...all].filter((t) => writable.has(t)).sort(),
    outsideProvider: [...all].filter((t) => !writable.has(t)).sort(),
  };
}
