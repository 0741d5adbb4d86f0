import type { Rule } from './rule';
import { planGuardrails } from '../../policies/plan';

/**
 * Organization policy quotas (policies/quotas.ts) before any Terraform is written: document size and
 * policies per target, after automatic packing. Reports what packing cannot solve.
 */
export const checkGuardrailQuotas: Rule = (config) => [...planGuardrails(config).problems];
