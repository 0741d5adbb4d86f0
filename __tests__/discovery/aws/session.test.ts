import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { organizationsClient } from '../../../discovery/aws/organizations';
import { AccountSession } from '../../../discovery/aws/session';

/** The retry strategy the client resolves: adaptive (client-side rate limiting on throttling), 6 attempts. */
async function expectAdaptiveRetries(client: OrganizationsClient | GuardDutyClient): Promise<void> {
  const strategy = (await client.config.retryStrategy()) as unknown as { mode: string; maxAttemptsProvider: () => Promise<number> };
  expect(strategy.constructor.name).toBe('AdaptiveRetryStrategy');
  expect(strategy.mode).toBe('adaptive');
  expect(await strategy.maxAttemptsProvider()).toBe(6);
}

/** lz import's SDK clients retry throttled calls adaptively: Organizations throttles the whole organization's callers together. */
describe('discovery SDK clients retry adaptively', () => {
  it('makes the Organizations client with adaptive retries', async () => {
    const client = organizationsClient();
    try {
      expect(client).toBeInstanceOf(OrganizationsClient);
      await expectAdaptiveRetries(client);
    } finally {
      client.destroy();
    }
  });

  it('makes every client of an account session with adaptive retries, once per service and region', async () => {
    const session = new AccountSession('222222222222', 'OrganizationAccountAccessRole', { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' });
    try {
      const client = session.client(GuardDutyClient, 'eu-west-1');
      expect(session.client(GuardDutyClient, 'eu-west-1')).toBe(client);
      await expectAdaptiveRetries(client);
      expect(await client.config.region()).toBe('eu-west-1');
    } finally {
      session.close();
    }
  });
});
