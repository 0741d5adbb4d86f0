import type { PathSegment } from '../../config/problems';

/**
 * The kinds of policy document the checker knows: the organization policy types of the guardrails, and the inline
 * policy of a permission set (an identity-based IAM policy).
 */
export type DocumentKind = 'scp' | 'rcp' | 'permissionSet' | 'declarative' | 'tag' | 'aiOptOut' | 'backup';

/** One thing wrong in a policy document: where inside it, and a sentence naming the value, the fix and AWS's page. */
export interface DocumentFinding {
  /** JSON path inside the document, e.g. `['Statement', 0, 'Condition', 'StringNotEquals', 'aws:PrincipalArm']`; empty for the whole document. */
  readonly at: readonly PathSegment[];
  /** Written to follow the path: `"allow" is not an Effect; ...`. */
  readonly message: string;
}

/** `Statement[0].Condition.StringNotEquals` (the path inside a document, as people read it). */
export function formatInnerPath(at: readonly PathSegment[]): string {
  return at.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join('');
}

/** The AWS pages each rule cites. */
export const PAGES = {
  grammar: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html',
  version: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html',
  sid: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html',
  effect: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html',
  action: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html',
  resource: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html',
  principal: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
  condition: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html',
  operators: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html',
  multivalued: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html',
  globalKeys: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html',
  serviceKeys: 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
  arns: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html',
  scpSyntax: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html',
  rcpSyntax: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html',
  rcpServices: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html#rcp-supported-services',
  identityPolicies: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetcustom.html',
  managementOperators: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_inheritance_mgmt.html',
  declarative: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_declarative_syntax.html',
  backup: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_backup_syntax.html',
  backupLifecycle: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/API_Lifecycle.html',
  backupContinuous: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/point-in-time-recovery.html',
  backupRule: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupRule.html',
  tag: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_example-tag-policies.html',
  tagEnforcement: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_supported-resources-enforcement.html',
  aiOptOut: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_ai-opt-out_syntax.html',
} as const;

/** ` (https://...)`: the page a message cites, appended to it. */
export function see(page: string): string {
  return ` (${page})`;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
