import type { Rule } from './rule';
import type { Problem, PathSegment } from '../problems';
import { show } from '../problems';
import type { AdoptConfig, LandingZoneConfig } from '../schema';
import { governedRegions, securityRegions } from '../model';
import { controlTowerOwnsConfig } from '../brownfield';
import { effectiveBaseline, managementBaseline, type EffectiveBaseline } from '../effective-baseline';
import { accountBudgetName, namingOf, organizationBudgetName, organizationTrailName } from '../../lib/naming';

/** One account's `adopt`, with what the checks need to know about the account. */
interface Adopter {
  /** Config path of the `adopt` section. */
  readonly path: readonly PathSegment[];
  /** Account name as messages say it. */
  readonly label: string;
  /** Config account name (`management` for the management account). */
  readonly name: string;
  readonly adopt: AdoptConfig;
  readonly baseline: EffectiveBaseline;
  /** Where the account's baseline values are set, for the fix in a message. */
  readonly baselinePath: string;
  /** The budget the landing zone makes in the account, if any. */
  readonly budget?: string;
  readonly isManagement: boolean;
}

/**
 * `adopt` (accounts[].adopt, organization.adopt) describes what an existing account already runs, so that
 * synthesis imports it instead of creating a second. Every entry must name something the landing zone
 * manages in a place it manages it, or the import has no resource to go to (and the entry would be read
 * as adopted when nothing is):
 * - an account with `adopt` has an `id` (an account created in this run runs nothing yet);
 * - Config recorders, account analyzers and EBS defaults are in governed regions; GuardDuty detectors and
 *   Security Hub in security regions;
 * - a recorder is adopted only where the baseline runs Config (baseline.config.enabled) or Control Tower owns
 *   it (a record then), an analyzer only where the baseline makes an account analyzer;
 * - budgets are the landing zone's own names (`<account>-monthly-cost`, the management account's
 *   `<org>-organization-monthly-cost`) and the budget is on;
 * - a trail of the management account named like the landing zone's organization trail is that organization
 *   trail (organization, multi-Region, home region; it is then imported), or creating ours would fail on the name.
 * @see https://docs.aws.amazon.com/config/latest/developerguide/configlimits.html
 */
export const checkAdopt: Rule = (config) => {
  const problems: Problem[] = [];
  config.accounts.forEach((account, i) => {
    if (!account.adopt) return;
    const path: PathSegment[] = ['accounts', i, 'adopt'];
    if (!account.id) {
      problems.push({
        path,
        message: `${account.name} has no id, so the landing zone creates it and nothing can exist in it yet; set accounts[${i}].id to the existing account's id (lz import writes both), or remove adopt`,
      });
      return;
    }
    const baseline = effectiveBaseline(config, account.name);
    problems.push(
      ...checkAdopter(config, {
        path,
        label: account.name,
        name: account.name,
        adopt: account.adopt,
        baseline,
        baselinePath: `accounts[${i}].baseline`,
        budget: baseline.budget.enabled ? accountBudgetName(account.name) : undefined,
        isManagement: false,
      }),
    );
  });
  const adopt = config.organization.adopt;
  if (adopt) {
    problems.push(
      ...checkAdopter(config, {
        path: ['organization', 'adopt'],
        label: 'the management account',
        name: 'management',
        adopt,
        baseline: managementBaseline(config),
        baselinePath: 'baseline',
        budget: config.baseline.management.enabled ? organizationBudgetName({ orgName: config.organization.name }) : undefined,
        isManagement: true,
      }),
    );
  }
  return problems;
};

function checkAdopter(config: LandingZoneConfig, a: Adopter): Problem[] {
  const problems: Problem[] = [];
  const governed = governedRegions(config);
  const security = securityRegions(config);
  const notIn = (regions: readonly string[], which: string, fix: string) => (region: string) =>
    `${show(region)} is not one of the ${which} (${regions.join(', ')}); ${fix}`;
  const outsideGoverned = notIn(governed, 'governed regions', 'the landing zone manages nothing there: add the region to organization.governedRegions, or remove the entry');
  const outsideSecurity = notIn(security, 'security regions', 'the security services do not run there: add the region to organization.governedRegions (or set security.regions: all), or remove the entry');

  for (const [region, recorder] of Object.entries(a.adopt.configRecorders)) {
    const path = [...a.path, 'configRecorders', region];
    if (!governed.includes(region)) problems.push({ path, message: outsideGoverned(region) });
    else if (!a.baseline.config.enabled && !controlTowerOwnsConfig(config, a.name, region)) {
      problems.push({
        path,
        message: `recorder ${show(recorder?.recorder)} is adopted but the baseline runs no AWS Config for ${a.label} (${a.baselinePath}.config.enabled is false), so there is nothing to import it into; turn Config on for the account, or remove the entry`,
      });
    }
  }
  for (const [region, name] of Object.entries(a.adopt.accessAnalyzers)) {
    const path = [...a.path, 'accessAnalyzers', region];
    if (!governed.includes(region)) problems.push({ path, message: outsideGoverned(region) });
    else if (!a.baseline.accountAccessAnalyzer) {
      problems.push({
        path,
        message: `analyzer ${show(name)} is adopted but the baseline makes no account analyzer for ${a.label} (${a.baselinePath}.accessAnalyzer resolves to off: ${a.baseline.accessAnalyzer === 'never' ? 'it is never' : 'the organization analyzer covers the account'}); set ${a.baselinePath}.accessAnalyzer: always to manage it, or remove the entry to leave it alone`,
      });
    }
  }
  a.adopt.ebsEncryptionByDefault.forEach((region, i) => {
    if (!governed.includes(region)) problems.push({ path: [...a.path, 'ebsEncryptionByDefault', i], message: outsideGoverned(region) });
  });
  for (const region of Object.keys(a.adopt.guardDutyDetectors)) {
    if (!security.includes(region)) problems.push({ path: [...a.path, 'guardDutyDetectors', region], message: outsideSecurity(region) });
  }
  a.adopt.securityHub.forEach((region, i) => {
    if (!security.includes(region)) problems.push({ path: [...a.path, 'securityHub', i], message: outsideSecurity(region) });
  });
  a.adopt.budgets.forEach((name, i) => {
    const path = [...a.path, 'budgets', i];
    if (name === a.budget) return;
    const managed = a.isManagement ? organizationBudgetName({ orgName: config.organization.name }) : accountBudgetName(a.name);
    problems.push({
      path,
      message:
        name === managed
          ? `${show(name)} is adopted but the landing zone makes no budget for ${a.label} (${a.isManagement ? 'baseline.management.enabled' : `${a.baselinePath}.budget.enabled`} is false); turn the budget on, or remove the entry`
          : `${show(name)} is not a budget the landing zone manages for ${a.label} (it manages ${show(managed)}); remove the entry: other budgets are left alone without one`,
    });
  });
  const trailName = organizationTrailName(namingOf(config));
  a.adopt.trails.forEach((trail, i) => {
    // Organization trails belong to the management account (also when the delegated administrator makes them), so
    // that is where a trail of the same name collides.
    if (trail.name !== trailName || !a.isManagement) return;
    const home = config.organization.homeRegion;
    if (trail.organization && trail.multiRegion && trail.region === home) return;
    problems.push({
      path: [...a.path, 'trails', i],
      message: `trail ${show(trail.name)} has the name of the landing zone's organization trail but is not an organization trail logging every region from ${home} (organization: ${trail.organization}, multiRegion: ${trail.multiRegion}, region: ${trail.region}), so it cannot be adopted as that trail and creating ours would fail on the name; rename or delete the existing trail, or change organization.name`,
    });
  });
  return problems;
}
