import type { PathSegment } from '../../config/problems';
import { show } from '../../config/problems';
import { resourceTypeProblem } from '../../config/validate/guardrail-options';
import { assigned, checkRoot, entries, list, object, setting, walkManagement, type ManagementType } from './management-grammar';
import { isObject, PAGES, see, type DocumentFinding } from './types';

/**
 * Tag policies (`TAG_POLICY`): under `tags`, one entry per tag key (the policy key, case-insensitive) with `tag_key` (the
 * compliant capitalization, single-valued, so `@@assign` only), `tag_value` (allowed values, one `*` wildcard each) and
 * `enforced_for` / `report_required_tag_for` (resource types "service:type", "service:ALL_SUPPORTED" or
 * "service:*"; never "*" for every service).
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_example-tag-policies.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_supported-resources-enforcement.html
 */
const TYPE: ManagementType = { label: 'tag policy', root: 'tags', operators: ['@@assign', '@@append', '@@remove'], page: PAGES.tag };

/** Tag keys: up to 128 letters, digits, spaces and _.:/=+-@, not starting with aws: (tagging rules). */
const TAG_KEY = /^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;

const tagKey = (value: string) => (TAG_KEY.test(value) ? undefined : `is not a tag key: up to 128 letters, digits, spaces and _.:/=+-@, not starting with "aws:"${see(PAGES.tag)}`);
const tagValue = (value: string) =>
  (value.match(/\*/g) ?? []).length > 1 ? `has more than one "*"; a tag value takes one wildcard (e.g. "*@example.com")${see(PAGES.tag)}` : undefined;
const resourceType = (value: string) => {
  if (value === '*' || value.startsWith('*:')) return `names every service; enforcement takes a service and a resource type, e.g. "ec2:instance" or "ec2:*"${see(PAGES.tagEnforcement)}`;
  const problem = resourceTypeProblem(value);
  return problem ? `${problem.replace(/^"[^"]*" /, '')}${see(PAGES.tagEnforcement)}` : undefined;
};

export const TAGS_SPEC = entries(
  'tag key',
  object({
    tag_key: setting(tagKey),
    tag_value: list(tagValue),
    enforced_for: list(resourceType),
    report_required_tag_for: list(resourceType),
  }),
);

export function checkTagDocument(doc: Record<string, unknown>): DocumentFinding[] {
  const out = checkRoot(TYPE, doc);
  if (doc.tags === undefined) return out;
  out.push(...walkManagement(TYPE, TAGS_SPEC, doc.tags, ['tags']));
  if (!isObject(doc.tags)) return out;
  for (const [policyKey, entry] of Object.entries(doc.tags)) {
    if (!isObject(entry)) continue;
    const key = assigned(entry.tag_key);
    const at: PathSegment[] = ['tags', policyKey, 'tag_key', '@@assign'];
    if (key !== undefined && key.toLowerCase() !== policyKey.toLowerCase()) {
      out.push({ at, message: `${show(key)} does not match its policy key ${show(policyKey)}; the policy key is the tag key in any case: write ${show(key.toLowerCase())} as the policy key, or make tag_key ${show(policyKey)} with the capitalization you want${see(PAGES.tag)}` });
    }
  }
  return out;
}
