import type { LandingZoneConfig } from '../../config/schema';
import { adoptionOf } from '../../config/brownfield';
import { coreAccount } from '../../config/model';
import { namingOf, organizationTrailName } from '../../lib/naming';

/**
 * Import id of an existing organization trail that already has the landing zone's name (an earlier run of the
 * landing zone, or the same naming by hand), as `lz import` recorded it in the management account's or the
 * security account's `adopt.trails`: an organization trail logging every region from the home region. It is
 * imported into the landing zone's organization trail, so the plan shows the import and the in-place changes
 * instead of a create that fails on the name. Organization trails belong to the management account (also when
 * the delegated administrator made them), so the ARN carries the management account id; the provider imports
 * aws_cloudtrail by ARN.
 * Any other trail is a record only (counted against AWS's five trails per Region); the adopt validation refuses
 * a management-account trail of that name that is not such an organization trail.
 * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/cloudtrail#import
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html
 */
export function adoptedOrganizationTrailArn(config: LandingZoneConfig): string | undefined {
  const { homeRegion, managementAccountId } = config.organization;
  const name = organizationTrailName(namingOf(config));
  const security = coreAccount(config, 'security');
  const recorded = [...adoptionOf(config, { name: 'management', id: managementAccountId }).trails, ...adoptionOf(config, security).trails];
  const found = recorded.find((t) => t.name === name && t.organization && t.multiRegion && t.region === homeRegion);
  return found ? `arn:aws:cloudtrail:${homeRegion}:${managementAccountId}:trail/${name}` : undefined;
}
