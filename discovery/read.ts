import { isOneOf, RegionDisabledError, regionDisabled } from './aws/errors';

/**
 * One read call: the "not there" answers in `absent` give `whenAbsent` (absent is not a failure), an opt-in region
 * that is not enabled for the account becomes a RegionDisabledError, anything else is thrown as it came.
 */
export async function read<T>(region: string, call: () => Promise<T>, absent: readonly string[], whenAbsent: T): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (isOneOf(e, absent)) return whenAbsent;
    if (regionDisabled(e)) throw new RegionDisabledError(region, e);
    throw e;
  }
}

export { allPages } from './aws/pages';
