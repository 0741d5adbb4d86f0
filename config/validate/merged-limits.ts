import type { Rule } from './rule';
import type { Problem } from '../problems';
import { builtInTags, defaultTags } from '../default-tags';

/** Tags AWS allows on one resource (Organizations accounts, Identity Center permission sets, and every other taggable resource). */
export const MAX_TAGS_PER_RESOURCE = 50;
/**
 * AWS managed and customer managed policies one permission set may have, together.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html
 */
export const MAX_POLICIES_PER_PERMISSION_SET = 20;

const TAGGING_PAGE = 'https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html';

/**
 * Limits that hold for what a resource finally gets, not for one map of the config. The schema checks each tag map
 * (at most 50) and each policy list alone; the synthesized resources get more:
 * - every taggable resource carries the providers' default tags: organization.tags plus the built-in managed-by and
 *   landing-zone (config/default-tags.ts);
 * - the provider merges a resource's own tags with the default tags, so an account (accounts[].tags) and a permission
 *   set (identityCenter.permissionSets[].tags) get the union of the keys;
 * - a permission set's AWS managed and customer managed policies count together against Identity Center's 20.
 * Over a limit, AWS refuses the create or tag call at apply (TooManyTagsException, ValidationException).
 * @see https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html
 * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs#default_tags-configuration-block
 */
export const checkMergedLimits: Rule = (config) => {
  const problems: Problem[] = [];
  const defaults = defaultTags(config);
  const builtIn = Object.keys(builtInTags(config));
  const ownMax = MAX_TAGS_PER_RESOURCE - builtIn.filter((k) => !(k in config.organization.tags)).length;
  const defaultCount = Object.keys(defaults).length;
  if (defaultCount > MAX_TAGS_PER_RESOURCE) {
    problems.push({
      path: ['organization', 'tags'],
      message:
        `has ${Object.keys(config.organization.tags).length} tags, and every resource also gets the landing zone's own ${builtIn.join(' and ')} through the providers' default tags: ` +
        `${defaultCount} in all, over the ${MAX_TAGS_PER_RESOURCE} AWS allows on a resource (${TAGGING_PAGE}), so every tagged resource would be refused; keep at most ${ownMax}`,
    });
  }
  const merged = (own: Record<string, string>) => {
    const keys = new Set([...Object.keys(defaults), ...Object.keys(own)]);
    return keys.size;
  };
  const tooMany = (own: Record<string, string>, what: string, path: (string | number)[], page: string) => {
    if (defaultCount > MAX_TAGS_PER_RESOURCE) return; // said once, at organization.tags
    const total = merged(own);
    if (total <= MAX_TAGS_PER_RESOURCE) return;
    const shared = Object.keys(own).filter((k) => k in defaults).length;
    problems.push({
      path,
      message:
        `has ${Object.keys(own).length} tags${shared ? ` (${shared} of them also default tags)` : ''}, and the provider adds the ${defaultCount} default tags (organization.tags and the landing zone's ${builtIn.join(', ')}): ` +
        `the ${what} would get ${total}, over the ${MAX_TAGS_PER_RESOURCE} AWS allows (${page}); remove ${total - MAX_TAGS_PER_RESOURCE} here or from organization.tags`,
    });
  };
  config.accounts.forEach((account, i) => tooMany(account.tags, 'account', ['accounts', i, 'tags'], 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html'));
  if (config.identityCenter.enabled) {
    config.identityCenter.permissionSets.forEach((set, i) => {
      tooMany(set.tags, 'permission set', ['identityCenter', 'permissionSets', i, 'tags'], TAGGING_PAGE);
      const policies = set.managedPolicies.length + set.customerManagedPolicies.length;
      if (policies > MAX_POLICIES_PER_PERMISSION_SET) {
        problems.push({
          path: ['identityCenter', 'permissionSets', i],
          message:
            `has ${set.managedPolicies.length} AWS managed and ${set.customerManagedPolicies.length} customer managed policies, ${policies} in all; IAM Identity Center allows ${MAX_POLICIES_PER_PERMISSION_SET} per permission set, both kinds together ` +
            `(https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html); move ${policies - MAX_POLICIES_PER_PERMISSION_SET} of them into the inline policy or a customer managed policy that combines them`,
        });
      }
    });
  }
  return problems;
};
