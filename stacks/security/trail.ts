import type { Construct } from 'constructs';
import type { LandingZoneConfig } from '../../config/schema';
import { controlTowerOwnsTrail } from '../../config/brownfield';
import { ForgottenTrail, OrganizationEventDataStore, OrganizationTrail } from '../../constructs/logging';
import { eventDataStoreName, logBucketName, organizationTrailName } from '../../lib/naming';
import type { SecurityContext } from './context';
import { adoptedOrganizationTrailArn } from './adopted-trail';

/**
 * The organization trail the landing zone makes:
 * - `full`: management events (and the data events logging.trail asks for), the seed 004 trail;
 * - `data-events`: AWS Control Tower runs the organization trail (controlTower.organizationTrail), which records
 *   management events only, and logging.trail asks for S3 or Lambda data events: a second organization trail
 *   records just those (a trail may not be changed by anyone but Control Tower, and a second copy of management
 *   events would be billed), into the landing zone's log bucket;
 * - `none`: Control Tower's trail is the organization trail and no data events are asked for.
 * @see https://docs.aws.amazon.com/controltower/latest/userguide/cloudtrail.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html
 */
export function landingZoneTrail(config: LandingZoneConfig): 'full' | 'data-events' | 'none' {
  if (!controlTowerOwnsTrail(config)) return 'full';
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
 * The organization trail into the log archive (unless Control Tower runs it: landingZoneTrail), and the
 * optional CloudTrail Lake event data store, which ingests the organization's events by itself and so is
 * made in Control Tower mode too. While Control Tower runs the only trail, a trail the landing zone made before is
 * forgotten, not destroyed (ForgottenTrail). The log-archive buckets stay either way (prevent_destroy).
 */
export function addOrganizationTrail(scope: Construct, ctx: SecurityContext, logKeyArn: string): OrganizationTrail | undefined {
  const { trail } = ctx.config.logging;
  const provider = ctx.providerIn(ctx.homeRegion);
  const kind = landingZoneTrail(ctx.config);
  if (kind === 'none') new ForgottenTrail(scope, 'OrganizationTrail');
  const organizationTrail =
    kind === 'none'
      ? undefined
      : new OrganizationTrail(scope, 'OrganizationTrail', {
          provider,
          trailName: organizationTrailName(ctx.naming),
          bucketName: logBucketName(ctx.naming),
          kmsKeyArn: logKeyArn,
          s3DataEvents: trail.s3DataEvents,
          lambdaDataEvents: trail.lambdaDataEvents,
          ...(kind === 'data-events' ? { managementEvents: false } : {}),
        });
  const adopted = adoptedOrganizationTrailArn(ctx.config);
  if (adopted && organizationTrail) organizationTrail.resource.importFrom(adopted, provider);
  if (trail.lake.enabled) {
    new OrganizationEventDataStore(scope, 'EventDataStore', {
      provider,
      name: eventDataStoreName(ctx.naming),
      retentionDays: trail.lake.retentionDays,
    });
  }
  return organizationTrail;
}
