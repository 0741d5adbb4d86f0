import type { ManagementStack } from '../management-stack';

/** Organization policies (SCP, RCP, declarative, tag, AI opt-out) and their attachments. Issue 5 fills this in. */
export function addGuardrails(_stack: ManagementStack): void {}
