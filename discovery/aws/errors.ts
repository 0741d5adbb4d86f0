/*
 * How discovery reads an AWS error: "not there" (the thing does not exist: absent, not a failure), "region not
 * enabled for this account" (an opt-in region), or a real failure with a short reason for the report.
 */

/** Name of an SDK error (`name` of ServiceException and of plain errors), or its `Code`. */
export function errorName(e: unknown): string {
  const err = e as { name?: string; Code?: string; code?: string };
  return err?.name && err.name !== 'Error' ? err.name : (err?.Code ?? err?.code ?? err?.name ?? '');
}

/** HTTP status of an SDK error, when it has one. */
export function httpStatus(e: unknown): number | undefined {
  return (e as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

/** One line for a person: `Name: message`. */
export function reason(e: unknown): string {
  const name = errorName(e);
  const message = ((e as { message?: string })?.message ?? String(e)).split('\n')[0];
  return name && !message.startsWith(name) ? `${name}: ${message}` : message || name || 'unknown error';
}

/**
 * Errors an opt-in region answers when it is not enabled for the account: the credentials are not known there.
 * EC2 says AuthFailure or OptInRequired, most JSON services UnrecognizedClientException, query services
 * InvalidClientTokenId.
 * @see https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html
 */
export const REGION_DISABLED_ERRORS: readonly string[] = ['UnrecognizedClientException', 'InvalidClientTokenId', 'AuthFailure', 'OptInRequired'];

/** Whether the error says that the region is not enabled for the account. */
export function regionDisabled(e: unknown): boolean {
  return REGION_DISABLED_ERRORS.includes(errorName(e));
}

/** Whether the error is one of `names` (the service's "not there" answers). */
export function isOneOf(e: unknown, names: readonly string[]): boolean {
  return names.includes(errorName(e));
}

/** Thrown by a reader when the region is not enabled for the account; the account reader records it once. */
export class RegionDisabledError extends Error {
  constructor(readonly region: string, override readonly cause: unknown) {
    super(`region ${region} is not enabled for the account (${reason(cause)})`);
    this.name = 'RegionDisabledError';
  }
}
