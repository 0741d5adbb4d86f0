import { show } from '../problems';
import type { LandingZoneConfig } from '../schema';

/**
 * What to say when a reference names an account that is in closedAccounts: that it is closed, not a did-you-mean to
 * another account (which would point the person at the wrong account), and the fix of the place that names it.
 * Undefined when `name` is no closed account.
 */
export function closedAccountMessage(config: Pick<LandingZoneConfig, 'closedAccounts'>, name: string, fix: string): string | undefined {
  const i = config.closedAccounts.findIndex((c) => c.name === name);
  if (i < 0) return undefined;
  return `account ${show(name)} is closed (closedAccounts[${i}]): Terraform no longer manages it, ${fix}`;
}
