import type { AdoptedTrailConfig, LandingZoneConfig } from './schema';
import { CONTROL_TOWER } from './schema/control-tower';
import { adoptionOf, controlTowerOwnsTrail } from './brownfield';
import { namingOf, organizationTrailName } from '../lib/naming';

/*
 * The organization trail: who runs the one trail that records the organization's management events. AWS lets an
 * organization have several organization trails, but a second one recording management events doubles the bill
 * (only the first copy of management events is free) and takes one of the five trails per Region, so the landing
 * zone never makes a second: Control Tower's (controlTower.organizationTrail) or an existing one left alone
 * (adopt.trails[].takeOver: false) takes its place, and one taken over (takeOver: true) becomes the landing zone's
 * under its own name.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html
 * @see https://aws.amazon.com/cloudtrail/pricing/
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/WhatIsCloudTrail-Limits.html
 */

/** The management account's recorded trails (organization trails belong to it, also when the delegated administrator made them). */
function managementTrails(config: LandingZoneConfig): readonly AdoptedTrailConfig[] {
  return adoptionOf(config, { name: 'management', id: config.organization.managementAccountId }).trails;
}

/** Control Tower's own trail (aws-controltower-*): Control Tower keeps it; never adopted nor counted as the organization's. */
export function controlTowerTrail(trail: AdoptedTrailConfig): boolean {
  return trail.name.startsWith(CONTROL_TOWER.resourcePrefix);
}

/**
 * Organization trails of the management account that record management events, other than the landing zone's own
 * name and Control Tower's: each needs a decision (`takeOver`), which config/validate/adopt.ts requires.
 */
export function otherOrganizationTrails(config: LandingZoneConfig): AdoptedTrailConfig[] {
  const own = organizationTrailName(namingOf(config));
  return managementTrails(config).filter((t) => t.organization && t.managementEvents && t.name !== own && !controlTowerTrail(t));
}

/** The existing organization trail the landing zone takes over (takeOver: true), if any. */
export function takenOverTrail(config: LandingZoneConfig): AdoptedTrailConfig | undefined {
  return otherOrganizationTrails(config).find((t) => t.takeOver === true);
}

/** An existing organization trail recording management events that is left alone (takeOver: false), if any. */
export function keptOrganizationTrail(config: LandingZoneConfig): AdoptedTrailConfig | undefined {
  return takenOverTrail(config) ? undefined : otherOrganizationTrails(config).find((t) => t.takeOver === false);
}

/** Name of the landing zone's organization trail: the one it takes over keeps its name. */
export function landingZoneTrailName(config: LandingZoneConfig): string {
  return takenOverTrail(config)?.name ?? organizationTrailName(namingOf(config));
}

/**
 * ARN of the landing zone's organization trail: an organization trail belongs to the management account (also when
 * the delegated administrator makes it) and lives in the home region, so this is the `aws:SourceArn` CloudTrail sends
 * to the log bucket and the log key, and the `aws:cloudtrail:arn` encryption context of its log files. The name is
 * landingZoneTrailName's: a taken-over trail keeps its own (validation requires it to live in the home region).
 *
 * It is the one trail that writes into the log archive in every mode of landingZoneTrail: `full` and `data-events`
 * make it; with `none` it exists only when the landing zone made it before Control Tower or a kept trail took over
 * (ForgottenTrail leaves it running until someone deletes it). Control Tower's trail and a trail left alone
 * (`takeOver: false`) deliver to their own buckets and are never named.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-create-and-update-an-organizational-trail-by-using-the-aws-cli.html
 */
export function landingZoneTrailArn(config: LandingZoneConfig): string {
  const { homeRegion, managementAccountId } = config.organization;
  return `arn:aws:cloudtrail:${homeRegion}:${managementAccountId}:trail/${landingZoneTrailName(config)}`;
}

/**
 * The organization trail the landing zone makes:
 * - `full`: management events (and the data events logging.trail asks for), the seed 004 trail;
 * - `data-events`: another trail records the organization's management events (Control Tower's, or an existing one
 *   left alone) and logging.trail asks for S3 or Lambda data events: a second organization trail records just those,
 *   into the landing zone's log bucket;
 * - `none`: another trail records the management events and no data events are asked for.
 */
export function landingZoneTrail(config: LandingZoneConfig): 'full' | 'data-events' | 'none' {
  if (!controlTowerOwnsTrail(config) && !keptOrganizationTrail(config)) return 'full';
  const { s3DataEvents, lambdaDataEvents } = config.logging.trail;
  return s3DataEvents || lambdaDataEvents ? 'data-events' : 'none';
}

/**
 * Whether the security account makes an organization-wide CloudTrail resource (a trail or a CloudTrail Lake
 * event data store), so it must be CloudTrail's delegated administrator.
 */
export function makesOrganizationCloudTrail(config: LandingZoneConfig): boolean {
  return landingZoneTrail(config) !== 'none' || config.logging.trail.lake.enabled;
}

/**
 * Import id of the existing organization trail that becomes the landing zone's: one that already has the landing
 * zone's name (an earlier run, or the same naming by hand) and is an organization trail logging every region from the
 * home region, or the one taken over (takeOver: true). Organization trails belong to the management account (also when
 * the delegated administrator made them), so the ARN carries the management account id; the provider imports
 * aws_cloudtrail by ARN. Any other trail is a record only (counted against AWS's five trails per Region).
 * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/cloudtrail#import
 */
export function adoptedOrganizationTrailArn(config: LandingZoneConfig): string | undefined {
  const { homeRegion, managementAccountId } = config.organization;
  const taken = takenOverTrail(config);
  if (taken) return `arn:aws:cloudtrail:${taken.region}:${managementAccountId}:trail/${taken.name}`;
  const name = organizationTrailName(namingOf(config));
  const security = config.accounts.find((a) => a.role === 'security');
  const recorded = [...managementTrails(config), ...(security ? adoptionOf(config, security).trails : [])];
  const found = recorded.find((t) => t.name === name && t.organization && t.multiRegion && t.region === homeRegion);
  return found ? `arn:aws:cloudtrail:${homeRegion}:${managementAccountId}:trail/${name}` : undefined;
}
