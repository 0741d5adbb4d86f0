import type { Rule } from './rule';
import { checkLockout } from '../../checks/lockout/check';

/**
 * Guardrails that deny the landing zone itself: every SCP and RCP that reaches a member account is evaluated against the
 * requests the access role (or Control Tower's execution role), the read-only plan role, the pipeline roles and the
 * StackSet execution roles make there (checks/lockout). A match is refused before Terraform: applied, the policy
 * would break every later apply (or plan) of the accounts it reaches.
 */
export const checkGuardrailLockout: Rule = (config) => checkLockout(config);
