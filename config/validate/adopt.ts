import type { Rule } from './rule';
import type { Problem, PathSegment } from '../problems';
import { show } from '../problems';
import type { AdoptConfig, LandingZoneConfig } from '../schema';
import { governedRegions, securityRegions } from '../model';
import { accountBudgetName, namingOf, organizationBudgetName, organizationTrailName } from '../../lib/naming';
import { controlTowerTrail } from '../organization-trail';

/** One account's `adopt`, with what the checks need to know about the account. */
interface Adopter {
  /** Config path of the `adopt` section. */
  readonly path: readonly PathSegment[];
  /** Account name as messages say it. */
  readonly label: string;
  /** Config account name (`management` for the management account). */
  readonly name: string;
  readonly adopt: AdoptConfig;
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
 * - budgets are the landing zone's own names (`<account>-monthly-cost`, the management account's
 *   `<org>-organization-monthly-cost`);
 * - a recorder where the baseline runs no Config, an analyzer where it makes no account analyzer, a budget that is
 *   off: a record of what exists (lz import writes what it finds), imported nowhere; but an account entry that turns
 *   Config off itself while it adopts its recorders contradicts itself (config/validate/adopt-config-off.ts);
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
    problems.push(
      ...checkAdopter(config, {
        path,
        label: account.name,
        name: account.name,
        adopt: account.adopt,
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

  // What exists where the landing zone manages nothing of the kind (Config off for the account, no account analyzer,
  // the budget off) is a record: lz import writes what it finds, and nothing is imported for it.
  for (const region of Object.keys(a.adopt.configRecorders)) {
    if (!governed.includes(region)) problems.push({ path: [...a.path, 'configRecorders', region], message: outsideGoverned(region) });
  }
  for (const region of Object.keys(a.adopt.accessAnalyzers)) {
    if (!governed.includes(region)) problems.push({ path: [...a.path, 'accessAnalyzers', region], message: outsideGoverned(region) });
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
    const managed = a.isManagement ? organizationBudgetName({ orgName: config.organization.name }) : accountBudgetName(a.name);
    if (name === managed) return;
    problems.push({
      path: [...a.path, 'budgets', i],
      message: `${show(name)} is not a budget the landing zone manages for ${a.label} (it manages ${show(managed)}); remove the entry: other budgets are left alone without one`,
    });
  });
  const trailName = organizationTrailName(namingOf(config));
  const home = config.organization.homeRegion;
  a.adopt.trails.forEach((trail, i) => {
    const path = [...a.path, 'trails', i];
    // Organization trails belong to the management account (also when the delegated administrator makes them), so
    // that is where a trail of the same name collides, and where one is taken over or left alone.
    if (trail.takeOver !== undefined && (!a.isManagement || !trail.organization || !trail.managementEvents || trail.name === trailName || controlTowerTrail(trail))) {
      problems.push({
        path: [...path, 'takeOver'],
        message: `takeOver decides about an organization trail of the management account that records management events under a name of its own; ${show(trail.name)} is not one (${!a.isManagement ? `it belongs to ${a.label}` : !trail.organization ? 'not an organization trail' : !trail.managementEvents ? 'data events only' : controlTowerTrail(trail) ? "Control Tower's trail" : "it has the landing zone's own name and is imported as its trail"}); remove takeOver`,
      });
    }
    if (!a.isManagement) return;
    if (trail.name === trailName) {
      if (trail.organization && trail.multiRegion && trail.region === home) return;
      problems.push({
        path,
        message: `trail ${show(trail.name)} has the name of the landing zone's organization trail but is not an organization trail logging every region from ${home} (organization: ${trail.organization}, multiRegion: ${trail.multiRegion}, region: ${trail.region}), so it cannot be adopted as that trail and creating ours would fail on the name; rename or delete the existing trail, or change organization.name`,
      });
      return;
    }
    if (!trail.organization || !trail.managementEvents || controlTowerTrail(trail)) return;
    if (trail.takeOver === undefined) {
      problems.push({
        path,
        message:
          `${show(trail.name)} is an organization trail that records management events; the landing zone never makes a second one (double cost, one of 5 trails per Region), so say what to do with it: ` +
          `takeOver: true makes it the landing zone's organization trail (imported under its name, then delivered to the log archive with the landing zone's settings), takeOver: false leaves it as it is (lz import writes false)`,
      });
    } else if (trail.takeOver && config.controlTower?.organizationTrail) {
      problems.push({ path: [...path, 'takeOver'], message: `Control Tower runs the organization trail (controlTower.organizationTrail), so the landing zone takes no trail over; set takeOver: false` });
    } else if (trail.takeOver && trail.region !== home) {
      problems.push({
        path: [...path, 'takeOver'],
        message: `${show(trail.name)} lives in ${trail.region} and the landing zone's trail is made in organization.homeRegion ${home} (a trail's home Region cannot change); set takeOver: false to leave it as it is`,
      });
    }
  });
  const taken = a.adopt.trails.map((t, i) => ({ t, i })).filter(({ t }) => t.takeOver === true);
  for (const { t, i } of taken.slice(1)) {
    problems.push({ path: [...a.path, 'trails', i, 'takeOver'], message: `${show(taken[0].t.name)} is taken over already (trails[${taken[0].i}]); the landing zone has one organization trail: set takeOver: false on ${show(t.name)}` });
  }
  return problems;
}
