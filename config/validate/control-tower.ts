import type { Rule } from './rule';
import type { Problem } from '../problems';
import { didYouMean, show } from '../problems';
import { CONTROL_TOWER } from '../schema/control-tower';
import { allOuPaths } from '../model';
import { controlTowerEnrolled, controlTowerOwnsConfig, inRegisteredOu } from '../brownfield';
import { effectiveGuardrails } from '../../policies/effective';
import { closedAccountMessage } from './closed-target';

/**
 * Control Tower mode (the `controlTower` section) against the rest of the config:
 * - every registered OU is an OU of the config, listed once;
 * - Control Tower's home region is one of its governed regions (it always governs its home region);
 * - every region the landing zone governs is one Control Tower governs. Control Tower's mandatory control
 *   AWS-GR_CONFIG_CHANGE_PROHIBITED denies Config recorder and delivery channel changes to everyone but its
 *   execution role in every region of an enrolled account, and Control Tower runs its recorders only in its
 *   governed regions: in any other region an enrolled account would have no recorder at all, and the
 *   landing zone could not make one;
 * - no adopted Config recorder in an enrolled account for a region Control Tower governs (Control Tower owns
 *   that recorder; the baseline leaves it alone, so the entry would adopt something nobody manages);
 * - no guardrail named like Control Tower's own SCPs (aws-guardrails-*): those belong to Control Tower;
 * - the CI roles are not Control Tower's execution role (the guardrails exempt it; the plan role must be read-only
 *   and the plan identity is denied the execution role).
 * @see https://docs.aws.amazon.com/controltower/latest/userguide/mandatory-controls.html
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/mandatory-controls.html
 * @see https://docs.aws.amazon.com/controltower/latest/userguide/region-how.html
 * @see https://docs.aws.amazon.com/controltower/latest/userguide/config-faqs.html
 */
export const checkControlTower: Rule = (config) => {
  const ct = config.controlTower;
  if (!ct) return [];
  const problems: Problem[] = [];
  const ous = allOuPaths(config);

  ct.registeredOus.forEach((ou, i) => {
    const path = ['controlTower', 'registeredOus', i];
    const first = ct.registeredOus.indexOf(ou);
    if (first !== i) problems.push({ path, message: `${show(ou)} is already listed at registeredOus[${first}]; list each OU once` });
    else if (!ous.includes(ou)) {
      problems.push({
        path,
        message: `OU ${show(ou)} is not in organizationalUnits${didYouMean(ou, ous) || '; add it to organizationalUnits, or remove it here if Control Tower does not govern it'}`,
      });
    }
  });

  if (!ct.governedRegions.includes(ct.homeRegion)) {
    problems.push({
      path: ['controlTower', 'homeRegion'],
      message: `${show(ct.homeRegion)} is not one of controlTower.governedRegions (${ct.governedRegions.join(', ')}); Control Tower always governs its home region: add it to governedRegions`,
    });
  }

  config.organization.governedRegions.forEach((region, i) => {
    if (ct.governedRegions.includes(region)) return;
    problems.push({
      path: ['organization', 'governedRegions', i],
      message:
        `${show(region)} is not governed by Control Tower (controlTower.governedRegions: ${ct.governedRegions.join(', ')}): Control Tower runs no Config recorder there in enrolled accounts, ` +
        `and its mandatory control AWS-GR_CONFIG_CHANGE_PROHIBITED lets nobody but ${ct.executionRoleName} make one; ` +
        `add ${region} to the governed Regions in Control Tower's landing zone settings and to controlTower.governedRegions, or remove it from organization.governedRegions`,
    });
  });

  (ct.enrolledAccounts ?? []).forEach((name, i) => {
    const path = ['controlTower', 'enrolledAccounts', i];
    const account = config.accounts.find((a) => a.name === name);
    const first = ct.enrolledAccounts!.indexOf(name);
    if (first !== i) problems.push({ path, message: `${show(name)} is already listed at enrolledAccounts[${first}]; list each account once` });
    else if (!account) {
      const closed = closedAccountMessage(config, name, 'and a closed account is enrolled nowhere; remove it here');
      problems.push({ path, message: closed ?? `${show(name)} is not an account of this file${didYouMean(name, config.accounts.map((a) => a.name)) || '; run lz import again'}` });
    } else if (!account.id) {
      problems.push({ path, message: `${show(name)} has no id: the landing zone creates it, and CreateAccount does not enroll an account in Control Tower; remove it here (it gets the landing zone's own recorder)` });
    } else if (!inRegisteredOu(config, account)) {
      problems.push({ path, message: `${show(name)} is in OU ${show(account.ou)}, which is not in controlTower.registeredOus; Control Tower enrolls accounts of registered OUs only: add the OU there or remove the account here` });
    }
  });

  config.accounts.forEach((account, i) => {
    if (!controlTowerEnrolled(config, account)) return;
    for (const region of Object.keys(account.adopt?.configRecorders ?? {})) {
      if (!controlTowerOwnsConfig(config, account, region)) continue;
      problems.push({
        path: ['accounts', i, 'adopt', 'configRecorders', region],
        message:
          `account ${show(account.name)} is enrolled in Control Tower (OU ${show(account.ou)} is in controlTower.registeredOus${ct.enrolledAccounts ? ' and the account in controlTower.enrolledAccounts' : ''}) and ${region} is a Control Tower governed region, ` +
          `so Control Tower owns this recorder (${CONTROL_TOWER.recorder}) and the landing zone leaves it alone; drop this entry`,
      });
    }
  });

  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase(); // IAM role names are case-insensitive
  for (const key of ['planRoleName', 'applyRoleName'] as const) {
    if (!same(config.ci[key], ct.executionRoleName)) continue;
    problems.push({
      path: ['ci', key],
      message: `${show(config.ci[key])} is controlTower.executionRoleName, Control Tower's execution role in enrolled accounts; name the CI role differently, e.g. "${key === 'planRoleName' ? 'LandingZonePlan' : 'LandingZoneApply'}"`,
    });
  }

  for (const g of effectiveGuardrails(config)) {
    if (g.kind !== 'scp' || !g.name.startsWith(CONTROL_TOWER.scpPrefix)) continue;
    // The name comes from `name`, else from the file name (catalogue names never start with the prefix).
    const entry = g.path ? config.guardrails.scp[g.path[2] as number] : undefined;
    problems.push({
      path: g.path ? [...g.path, entry?.name ? 'name' : 'file'] : ['guardrails', 'scp'],
      message: `${show(g.name)} starts with ${CONTROL_TOWER.scpPrefix}, the prefix of Control Tower's own SCPs, which the landing zone never manages; give the policy another name`,
    });
  }
  return problems;
};
