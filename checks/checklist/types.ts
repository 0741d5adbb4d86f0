import type { StackJson } from '../../lib/stack-json';
import type { BehaviourSettingId } from '../../config/takeover';

/** What every checklist rule reads: the synthesized stacks and a few facts from the config. */
export interface CheckContext {
  /** Parsed cdk.tf.json by stack id. */
  readonly stacks: Readonly<Record<string, StackJson>>;
  /** organization.governedRegions (home region first). */
  readonly governedRegions: readonly string[];
  /**
   * organization.managementAccountId, to tell delegated administrators apart from the management account.
   * @default - delegated administrators are only checked to exist
   */
  readonly managementAccountId?: string;
  /**
   * What AWS Control Tower runs (config `controlTower`, checks/checklist/control-tower.ts): the checklist counts Control
   * Tower's trail and recorders, and says so in the row.
   * @default - no Control Tower: the landing zone's own resources must cover every item
   */
  readonly controlTower?: ControlTowerFacts;
  /**
   * Organization-wide behaviour settings an adopted organization leaves off until the config turns them on
   * (config/takeover.ts): the checklist reports them as warnings with what turning them on does, not as failures.
   * @default - none deferred (a new organization, or every setting written)
   */
  readonly deferred?: ReadonlySet<BehaviourSettingId>;
  /**
   * Policies attached outside the landing zone (guardrails.existing): they take per-target slots too.
   * @default - none
   */
  readonly existingPolicies?: ReadonlyArray<{ readonly id: string; readonly name: string; readonly type: string; readonly targets: readonly string[] }>;
}

/** What Control Tower runs in the organization, besides the synthesized stacks. */
export interface ControlTowerFacts {
  /** Control Tower runs the organization trail (controlTower.organizationTrail). */
  readonly ownsTrail: boolean;
  /**
   * By stack id of an enrolled account (`workload-<name>`, `log-archive`, `security`): the governed regions where
   * Control Tower's Config recorder records that account.
   */
  readonly recordedRegions: Readonly<Record<string, readonly string[]>>;
  /** OU paths registered with Control Tower; its controls' SCPs (aws-guardrails-*) take slots there. */
  readonly registeredOus: readonly string[];
  /** SCPs Control Tower's controls take on each registered OU (controlTower.scpsPerRegisteredOu). */
  readonly scpsPerRegisteredOu: number;
}

/** A resource that proves (or breaks) an item: stack id and Terraform address. */
export interface Evidence {
  readonly stack: string;
  readonly address: string;
  /** Short note on what the resource shows, e.g. "is_multi_region_trail = true". */
  readonly note?: string;
}

export type CheckStatus = 'pass' | 'fail';

/** The verdict of one checklist item. */
export interface CheckResult {
  readonly status: CheckStatus;
  /** Resources that satisfy the item. */
  readonly evidence: readonly Evidence[];
  /** What is missing, written for a person, with the config key that fixes it. Non-empty when failing. */
  readonly problems: readonly string[];
  /** Gaps that do not fail the item (outside what the landing zone manages, or advice). */
  readonly warnings: readonly string[];
}

/** One seed 004 target-state item, as a pure function over the synthesized stacks (cdk-nag style). */
export interface CheckRule {
  /** Stable id, e.g. `organization-trail`. */
  readonly id: string;
  /** The checklist item, as the seed states it. */
  readonly title: string;
  /** Seed 004 target state it belongs to (1-A ... 3). */
  readonly seedItem: string;
  readonly check: (ctx: CheckContext) => CheckResult;
}

/** Builds a result: failing exactly when there are problems. */
export function verdict(evidence: Evidence[], problems: string[], warnings: string[] = []): CheckResult {
  return { status: problems.length === 0 ? 'pass' : 'fail', evidence, problems, warnings };
}

/** Runs one rule; a rule that throws becomes a failing result naming the error, so one broken rule never hides the others. */
export function evaluate(check: (ctx: CheckContext) => CheckResult, ctx: CheckContext): CheckResult {
  try {
    return check(ctx);
  } catch (e) {
    return { status: 'fail', evidence: [], problems: [`the check itself failed: ${(e as Error).message}`], warnings: [] };
  }
}
