import type { LandingZoneConfig } from '../config/schema';
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
