import type { ManagementStack } from '../management-stack';

/** The management account's own alternate contacts, budget and billing alarm. Issue 7 fills this in. */
export function addManagementAccountHygiene(_stack: ManagementStack): void {}
