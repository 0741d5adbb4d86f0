import { ListInstancesCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import type { AccountSession } from './aws/session';
import { RegionDisabledError } from './aws/errors';
import { read } from './read';

/**
 * The region of the organization's IAM Identity Center instance (ListInstances in the management account, region
 * by region, home region first), or undefined when none of `regions` has one.
 * @see https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_ListInstances.html
 */
export async function findIdentityCenterRegion(session: AccountSession, regions: readonly string[]): Promise<string | undefined> {
  for (const region of regions) {
    const client = session.client(SSOAdminClient, region);
    let instances;
    try {
      instances = await read(region, async () => (await client.send(new ListInstancesCommand({})))?.Instances ?? [], [], []);
    } catch (e) {
      if (e instanceof RegionDisabledError) continue; // not enabled for the management account: no instance there
      throw e;
    }
    if (instances.some((i) => !i.OwnerAccountId || i.OwnerAccountId === session.accountId)) return region;
  }
  return undefined;
}
