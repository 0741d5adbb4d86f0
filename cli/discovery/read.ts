import { isOneOf, RegionDisabledError, regionDisabled } from '../aws/errors';

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

/** Every page of a paginated call. */
export async function allPages<T>(fetch: (token?: string) => Promise<{ items?: T[]; next?: string }>): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    all.push(...(page.items ?? []));
    token = page.next;
  } while (token);
  return all;
}
