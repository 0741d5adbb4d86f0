import type { LandingZoneConfig } from '../config/schema';
import type { PolicyKind } from './kinds';

/**
 * AWS Organizations quotas the guardrails are checked against before any Terraform is written.
 * One place, each figure with its source.
 */

const QUOTAS_PAGE = 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html';
const POLICIES_PAGE = 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies.html';

export interface Quota {
  readonly value: number;
  readonly source: string;
}

/** Maximum size of a policy document, in characters of its minified JSON. */
export const MAX_POLICY_SIZE: Readonly<Record<PolicyKind, Quota>> = {
  scp: { value: 5120, source: QUOTAS_PAGE },
  rcp: { value: 5120, source: QUOTAS_PAGE },
  declarative: { value: 10000, source: QUOTAS_PAGE },
  tag: { value: 10000, source: QUOTAS_PAGE },
  backup: { value: 10000, source: QUOTAS_PAGE },
  aiOptOut: { value: 2500, source: QUOTAS_PAGE },
};

/** Maximum number of policies of one type attached directly to one root, OU or account (inherited ones do not count). */
export const MAX_POLICIES_PER_TARGET: Readonly<Record<PolicyKind, Quota>> = {
  scp: { value: 5, source: QUOTAS_PAGE },
  rcp: { value: 5, source: QUOTAS_PAGE },
  declarative: { value: 10, source: QUOTAS_PAGE },
  tag: { value: 10, source: POLICIES_PAGE },
  backup: { value: 10, source: POLICIES_PAGE },
  aiOptOut: { value: 5, source: POLICIES_PAGE },
};

/**
 * Slots per target taken by AWS-managed policies that stay attached: FullAWSAccess (SCP) and
 * RCPFullAWSAccess (RCP) are attached to every root, OU and account by default and count against
 * the per-target limit; the landing zone keeps them (its SCPs and RCPs are deny lists).
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_strategies.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
 */
export const RESERVED_PER_TARGET: Readonly<Record<PolicyKind, number>> = {
  scp: 1,
  rcp: 1,
  declarative: 0,
  tag: 0,
  backup: 0,
  aiOptOut: 0,
};

/** Policies of one type in an organization. */
export const MAX_POLICIES_PER_ORGANIZATION: Readonly<Record<PolicyKind, Quota>> = {
  scp: { value: 1000, source: QUOTAS_PAGE },
  rcp: { value: 1000, source: QUOTAS_PAGE },
  declarative: { value: 1000, source: QUOTAS_PAGE },
  tag: { value: 1000, source: QUOTAS_PAGE },
  backup: { value: 1000, source: QUOTAS_PAGE },
  aiOptOut: { value: 1000, source: QUOTAS_PAGE },
};

/** OU nesting below the root (config/model.ts MAX_OU_DEPTH enforces it for organizationalUnits). */
export const MAX_OU_NESTING: Quota = { value: 5, source: QUOTAS_PAGE };

/** Policies of a kind that the landing zone may attach to one target. */
export function attachableSlots(kind: PolicyKind): number {
  return MAX_POLICIES_PER_TARGET[kind].value - RESERVED_PER_TARGET[kind];
}

/**
 * Slots Control Tower's own SCPs (aws-guardrails-*, which carry its preventive controls) take on `target`:
 * controlTower.scpsPerRegisteredOu on each OU registered with Control Tower, none elsewhere (Control Tower
 * attaches its control SCPs to registered OUs only, and they count against the same 5 SCPs per target).
 * @see https://docs.aws.amazon.com/controltower/latest/userguide/limits.html
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/controls.html
 */
export function controlTowerSlots(config: LandingZoneConfig, kind: PolicyKind, target: string): number {
  const ct = config.controlTower;
  if (!ct || kind !== 'scp' || !ct.registeredOus.includes(target)) return 0;
  return ct.scpsPerRegisteredOu;
}
