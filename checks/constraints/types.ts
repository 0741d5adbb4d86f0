import type { CheckContext, CheckResult } from '../checklist/types';

/**
 * One constraint AWS documents for a service, as a pure function over the synthesized stacks:
 * what AWS (or the provider, at plan time) refuses on a first apply, or silently does differently.
 * Unlike the seed 004 checklist, every rule cites the AWS page it comes from.
 */
export interface ConstraintRule {
  /** Stable id, e.g. `inspector-enabler-accounts`. */
  readonly id: string;
  /** The constraint, in one line. */
  readonly title: string;
  /** The AWS (or Terraform provider) pages that document it; shown in `lz check` output. */
  readonly sources: readonly string[];
  readonly check: (ctx: CheckContext) => CheckResult;
}
