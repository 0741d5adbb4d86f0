import { assign, type Assign } from '../management-document';

export interface EnforcedTagOptions {
  /** Allowed values; omitted: any value. */
  readonly values?: readonly string[];
  /** Resource types where noncompliant tagging operations are blocked; omitted: reported only. */
  readonly enforcedFor?: readonly string[];
}

export interface TagPolicyOptions {
  /** Tag keys with their exact capitalization. */
  readonly tags: Readonly<Record<string, EnforcedTagOptions>>;
}

export const TAG_POLICY_DEFAULTS: TagPolicyOptions = { tags: { CostCenter: {} } };

export interface TagPolicyDocument {
  readonly tags: Record<
    string,
    { tag_key: Assign<string>; tag_value?: Assign<string[]>; enforced_for?: Assign<string[]> }
  >;
}

/**
 * Standardizes tag keys (capitalization), optionally their values, and blocks noncompliant tagging
 * on the resource types listed in `enforcedFor`, so cost allocation and ownership tags stay usable.
 * Denies nothing else.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_example-tag-policies.html
 */
export function tagPolicy(options: TagPolicyOptions = TAG_POLICY_DEFAULTS): TagPolicyDocument {
  const tags: TagPolicyDocument['tags'] = {};
  for (const [key, t] of Object.entries(options.tags)) {
    tags[key.toLowerCase()] = {
      tag_key: assign(key),
      ...(t.values ? { tag_value: assign([...t.values]) } : {}),
      ...(t.enforcedFor ? { enforced_for: assign([...t.enforcedFor]) } : {}),
    };
  }
  return { tags };
}
