import { CloudTrailClient, DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import type { AccountSession } from './aws/session';
import { read } from './read';

export interface FoundTrail {
  readonly name: string;
  readonly region: string;
  readonly organization: boolean;
  readonly multiRegion: boolean;
}

/**
 * The trails whose home region is `region` (DescribeTrails without shadow trails: an organization trail shows in
 * member accounts only as a shadow, and a multi-region trail only in its home region counts).
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DescribeTrails.html
 */
export async function readTrails(session: AccountSession, region: string): Promise<FoundTrail[]> {
  const client = session.client(CloudTrailClient, region);
  const trails = await read(region, async () => (await client.send(new DescribeTrailsCommand({ includeShadowTrails: false })))?.trailList ?? [], [], []);
  return trails
    .filter((t) => t.Name && (t.HomeRegion ?? region) === region)
    .map((t) => ({ name: t.Name as string, region, organization: t.IsOrganizationTrail ?? false, multiRegion: t.IsMultiRegionTrail ?? false }));
}
