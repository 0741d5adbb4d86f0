import type { Rule } from './rule';
import type { PathSegment, Problem } from '../problems';
import { didYouMean, show } from '../problems';
import { delegatedAdminLimit, landingZoneDelegations } from '../delegated-administrators';
import { closedAccountMessage } from './closed-target';

/**
 * Delegated administrators that exist before the landing zone (organization.delegatedAdministrators, written by lz
 * import) against the ones it makes for the security account:
 * - each names an account of this file, once per service; `regions` only for the services designated per Region
 *   through their own API (GuardDuty, Security Hub, Macie, Inspector, Detective);
 * - a service the landing zone delegates to the security account that AWS lets have only N administrators (one for
 *   GuardDuty, Security Hub, Macie, Inspector, Detective, IAM Identity Center; three for CloudTrail and Config rules;
 *   five for StackSets) and that N other accounts hold already: designating the security account would fail
 *   (ConstraintViolationException DELEGATED_ADMINISTRATOR_EXISTS_FOR_THIS_SERVICE or
 *   MAX_DELEGATED_ADMINISTRATORS_FOR_SERVICE_LIMIT_EXCEEDED); the message names the account and how to move it.
 * Registrations of the security account itself are imported (stacks/management/delegated-admins.ts); the others are
 * left alone.
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_RegisterDelegatedAdministrator.html
 */
export const checkDelegatedAdministrators: Rule = (config) => {
  const problems: Problem[] = [];
  const names = config.accounts.map((a) => a.name);
  // Without exactly one security account the core-accounts rule speaks; the conflicts wait for it.
  const security = config.accounts.find((a) => a.role === 'security');
  const seen = new Map<string, number>();
  const list = config.organization.delegatedAdministrators;
  list.forEach((d, i) => {
    const path: PathSegment[] = ['organization', 'delegatedAdministrators', i];
    const key = `${d.service} ${d.account}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push({ path, message: `${d.account} is already listed for ${d.service} at organization.delegatedAdministrators[${first}]; list it once, with all its Regions` });
    else seen.set(key, i);
    const account = config.accounts.find((a) => a.name === d.account);
    if (!account) {
      const closed = closedAccountMessage(config, d.account, 'so it is the delegated administrator of nothing the landing zone manages; remove the entry (or run lz import again)');
      problems.push({ path: [...path, 'account'], message: closed ?? `${show(d.account)} is not an account of this file${didYouMean(d.account, names) || '; run lz import again'}` });
    } else if (!account.id) {
      problems.push({ path: [...path, 'account'], message: `${show(d.account)} has no id, so the landing zone creates it and it cannot be a delegated administrator yet; set accounts[].id (lz import writes both) or remove the entry` });
    }
    const limit = delegatedAdminLimit(d.service);
    if (d.regions && limit && !limit.perRegion) {
      problems.push({ path: [...path, 'regions'], message: `${limit.label} designates its delegated administrator once for the organization, not per Region; remove regions` });
    }
  });

  for (const delegation of security ? landingZoneDelegations(config) : []) {
    const limit = delegatedAdminLimit(delegation.principal);
    if (!limit) continue;
    // The security account holding it already is imported, not registered again; otherwise it needs a free place.
    if (list.some((d) => d.service === delegation.principal && d.account === security!.name)) continue;
    const others = list.map((d, i) => ({ d, i })).filter(({ d }) => d.service === delegation.principal);
    if (others.length < limit.max) continue;
    for (const { d, i } of others) {
      const id = config.accounts.find((a) => a.name === d.account)?.id ?? '<id>';
      const regions = d.regions && d.regions.length > 0 ? d.regions : [config.organization.homeRegion];
      const commands = limit.perRegion ? regions.map((r) => limit.deregister.replace('<id>', id).replace('<region>', r)) : [limit.deregister.replace('<id>', id)];
      problems.push({
        path: ['organization', 'delegatedAdministrators', i, 'account'],
        message:
          `${d.account} (${id}) is ${limit.label}'s delegated administrator, and AWS allows ${limit.max === 1 ? 'one' : `at most ${limit.max}`} per organization (${limit.source}), so designating the security account ${show(security!.name)} would fail; ` +
          `move it: from the management account run ${commands.map((c) => `\`${c}\``).join(', ')}, then lz import again; or make ${d.account} the security account (role: security); or switch ${limit.label} off in the security section`,
      });
    }
  }
  return problems;
};
