import type { Rule } from './rule';
import type { PathSegment, Problem } from '../problems';
import { formatPath } from '../problems';
import type { AccountConfig, LandingZoneConfig } from '../schema';
import { ROOT_TARGET } from '../schema';
import { resolveBaseline } from '../effective-baseline';
import { controlTowerOwnsConfig } from '../brownfield';
import { governedRegions } from '../model';
import { isInOu } from '../identity';
import { parseTemplate } from '../stacksets-loader';

const SLR_PAGE = 'https://docs.aws.amazon.com/config/latest/developerguide/using-service-linked-roles.html';

/** Whether a StackSet of the config creates AWS Config's service-linked role in `account`. */
function stackSetMakesRole(config: LandingZoneConfig, account: AccountConfig): boolean {
  return config.stackSets.some((stackSet) => {
    if (!stackSet.templateBody || !stackSet.targets.some((t) => t === ROOT_TARGET || isInOu(account, t))) return false;
    const { template } = parseTemplate(stackSet.templateBody);
    return Object.values(template?.Resources ?? {}).some((r) => {
      const resource = r as { Type?: unknown; Properties?: { AWSServiceName?: unknown } };
      return resource?.Type === 'AWS::IAM::ServiceLinkedRole' && resource.Properties?.AWSServiceName === 'config.amazonaws.com';
    });
  });
}

/**
 * `createServiceLinkedRole: false` points an account's Config recorders at AWSServiceRoleForConfig and leaves the role
 * alone, so the role must exist. In an account the landing zone creates (no `id`) nothing can have made it, unless a
 * StackSet deploys an AWS::IAM::ServiceLinkedRole for config.amazonaws.com to the account's OU: there the recorders
 * would name a role that does not exist and PutConfigurationRecorder fails. (An existing account may have the role from
 * earlier Config use, which no record shows; there the setting is the person's word. Where Control Tower owns every
 * recorder of the account, the landing zone makes none and the setting is unused.) The default, true, creates the role
 * where it is missing and adopts it where it exists.
 * @see https://docs.aws.amazon.com/config/latest/developerguide/using-service-linked-roles.html
 */
export const checkConfigServiceLinkedRole: Rule = (config) => {
  const bySource = new Map<string, { path: readonly PathSegment[]; accounts: string[] }>();
  const regions = governedRegions(config);
  for (const account of config.accounts) {
    if (account.id !== undefined) continue;
    const { values, explained } = resolveBaseline(config, account.name);
    if (!values.config.enabled || values.config.createServiceLinkedRole) continue;
    if (regions.every((r) => controlTowerOwnsConfig(config, account, r)) || stackSetMakesRole(config, account)) continue;
    const path = explained.find((row) => row.setting === 'config.createServiceLinkedRole')?.sourcePath;
    if (!path) continue;
    const key = formatPath(path);
    const entry = bySource.get(key) ?? { path, accounts: [] };
    entry.accounts.push(account.name);
    bySource.set(key, entry);
  }
  return [...bySource.values()].map(({ path, accounts }): Problem => ({
    path,
    message:
      `false leaves AWS Config's service-linked role AWSServiceRoleForConfig to exist already, but the landing zone creates ${accounts.join(', ')} (no id), and nothing else makes the role there ` +
      `(no StackSet deploys an AWS::IAM::ServiceLinkedRole for config.amazonaws.com to ${accounts.length === 1 ? 'it' : 'them'}): the recorders would name a role that does not exist and PutConfigurationRecorder fails (${SLR_PAGE}); ` +
      `set createServiceLinkedRole: true (the default creates the role where it is missing and adopts it where it exists)${path[0] === 'baseline' ? ', and false only on existing accounts that have the role (accounts[].baseline.config.createServiceLinkedRole)' : ''}`,
  }));
};
