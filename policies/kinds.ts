/**
 * The kinds of organization policy the guardrails manage: the config section of each and the
 * policy type AWS Organizations knows it by.
 */

export const POLICY_KINDS = ['scp', 'rcp', 'declarative', 'tag', 'aiOptOut', 'backup'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** `type` of aws_organizations_policy and of the organization's enabled_policy_types. */
export const POLICY_TYPE: Record<PolicyKind, string> = {
  scp: 'SERVICE_CONTROL_POLICY',
  rcp: 'RESOURCE_CONTROL_POLICY',
  declarative: 'DECLARATIVE_POLICY_EC2',
  tag: 'TAG_POLICY',
  aiOptOut: 'AISERVICES_OPT_OUT_POLICY',
  backup: 'BACKUP_POLICY',
};

/** Short words used in messages and construct ids. */
export const KIND_LABEL: Record<PolicyKind, string> = {
  scp: 'SCP',
  rcp: 'RCP',
  declarative: 'declarative policy',
  tag: 'tag policy',
  aiOptOut: 'AI opt-out policy',
  backup: 'backup policy',
};

/** IAM-grammar kinds (Version + Statement); the others use the management-policy grammar (@@assign). */
export function isIamGrammar(kind: PolicyKind): boolean {
  return kind === 'scp' || kind === 'rcp';
}
