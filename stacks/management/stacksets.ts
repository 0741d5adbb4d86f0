import type { ManagementStack } from '../management-stack';

/** Service-managed CloudFormation StackSets from `stackSets`. Issue 7 fills this in. */
export function addStackSets(_stack: ManagementStack): void {}
