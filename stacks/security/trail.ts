import type { Construct } from 'constructs';
import { adoptedOrganizationTrailArn, landingZoneTrail, landingZoneTrailName } from '../../config/organization-trail';
import { ForgottenTrail, OrganizationEventDataStore, OrganizationTrail } from '../../constructs/logging';
import { eventDataStoreName, logBucketName } from '../../lib/naming';
import type { SecurityContext } from './context';

/**
 * The organization trail into the log archive (unless another trail records the management events:
 * config/organization-trail.ts landingZoneTrail), and the optional CloudTrail Lake event data store, which ingests the
 * organization's events by itself and so is made in Control Tower mode too. While another trail is the only one, a
 * trail the landing zone made before is forgotten, not destroyed (ForgottenTrail). An existing organization trail taken
 * over (adopt.trails[].takeOver) keeps its name and is imported. The log-archive buckets stay either way
 * (prevent_destroy).
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
          trailName: landingZoneTrailName(ctx.config),
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
