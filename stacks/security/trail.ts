import type { Construct } from 'constructs';
import { OrganizationEventDataStore, OrganizationTrail } from '../../constructs/logging';
import { eventDataStoreName, logBucketName, organizationTrailName } from '../../lib/naming';
import type { SecurityContext } from './context';
import { adoptedOrganizationTrailArn } from './adopted-trail';

/** The organization trail into the log archive, and the optional CloudTrail Lake event data store. */
export function addOrganizationTrail(scope: Construct, ctx: SecurityContext, logKeyArn: string): OrganizationTrail {
  const { trail } = ctx.config.logging;
  const provider = ctx.providerIn(ctx.homeRegion);
  const organizationTrail = new OrganizationTrail(scope, 'OrganizationTrail', {
    provider,
    trailName: organizationTrailName(ctx.naming),
    bucketName: logBucketName(ctx.naming),
    kmsKeyArn: logKeyArn,
    s3DataEvents: trail.s3DataEvents,
    lambdaDataEvents: trail.lambdaDataEvents,
  });
  const adopted = adoptedOrganizationTrailArn(ctx.config);
  if (adopted) organizationTrail.resource.importFrom(adopted, provider);
  if (trail.lake.enabled) {
    new OrganizationEventDataStore(scope, 'EventDataStore', {
      provider,
      name: eventDataStoreName(ctx.naming),
      retentionDays: trail.lake.retentionDays,
    });
  }
  return organizationTrail;
}
