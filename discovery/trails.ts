import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, type GetEventSelectorsCommandOutput } from '@aws-sdk/client-cloudtrail';
import { reason } from './aws/errors';
import type { AccountSession } from './aws/session';
import { read } from './read';

export interface FoundTrail {
  readonly name: string;
  readonly region: string;
  readonly organization: boolean;
  readonly multiRegion: boolean;
  /** Whether the trail records management events (its event selectors). */
  readonly managementEvents: boolean;
  /** Why the event selectors could not be read; managementEvents is then assumed true. @default - they were read */
  readonly selectorsUnread?: string;
}

/**
 * Whether event selectors record management events: a basic selector with IncludeManagementEvents (true unless
 * written false), or an advanced selector whose eventCategory field equals Management. A trail answers with one kind
 * or the other; no selector at all is the default of a new trail, which records management events.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetEventSelectors.html
 */
export function recordsManagementEvents(out: Pick<GetEventSelectorsCommandOutput, 'EventSelectors' | 'AdvancedEventSelectors'> | undefined): boolean {
  const basic = out?.EventSelectors ?? [];
  const advanced = out?.AdvancedEventSelectors ?? [];
  if (basic.length === 0 && advanced.length === 0) return true;
  if (basic.some((s) => s.IncludeManagementEvents !== false)) return true;
  return advanced.some((s) => (s.FieldSelectors ?? []).some((f) => f.Field === 'eventCategory' && (f.Equals ?? []).includes('Management')));
}

/**
 * The trails whose home region is `region` (DescribeTrails without shadow trails: an organization trail shows in
 * member accounts only as a shadow, and a multi-region trail only in its home region counts), each with whether it
 * records management events (GetEventSelectors). A trail whose selectors cannot be read is taken as recording them,
 * and says why (selectorsUnread).
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DescribeTrails.html
 */
export async function readTrails(session: AccountSession, region: string): Promise<FoundTrail[]> {
  const client = session.client(CloudTrailClient, region);
  const trails = await read(region, async () => (await client.send(new DescribeTrailsCommand({ includeShadowTrails: false })))?.trailList ?? [], [], []);
  const own = trails.filter((t) => t.Name && (t.HomeRegion ?? region) === region);
  return Promise.all(
    own.map(async (t) => {
      const found = { name: t.Name as string, region, organization: t.IsOrganizationTrail ?? false, multiRegion: t.IsMultiRegionTrail ?? false };
      try {
        const selectors = await client.send(new GetEventSelectorsCommand({ TrailName: t.TrailARN ?? t.Name }));
        return { ...found, managementEvents: recordsManagementEvents(selectors) };
      } catch (e) {
        return { ...found, managementEvents: true, selectorsUnread: reason(e) };
      }
    }),
  );
}
