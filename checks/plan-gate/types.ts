import type { BaselineBehaviourSetting, BehaviourSetting, BehaviourSettingId } from '../../config/takeover';
import type { OrganizationPolicyType } from '../../config/schema';
import type { PlanJson } from './plan-json';

/** One stack's plan: the stack id (the file name without `.json`), where it was read from, and the document. */
export interface StackPlan {
  readonly stack: string;
  readonly file: string;
  readonly plan: PlanJson;
}

/** Finding kinds: the first segment of a finding id. */
export type FindingRule =
  | 'destroy'
  | 'replace'
  | 'forget'
  | 'policy-type-disabled'
  | 'trusted-access-removed'
  | 'delegated-administrator-removed'
  | 'policy-detached'
  | 'behaviour-setting-changed'
  | 'protected-resource-changed'
  | 'import-updated'
  | 'acknowledgement-unused';

/**
 * What a rule reports about one resource change. `refuse` fails the plan unless the config acknowledges it; a
 * `notice` is shown and never fails it.
 */
export interface Finding {
  /** `<rule>/<stack>/<address>[/<detail>]`: what reviewPlan.acknowledge[].change names. */
  readonly id: string;
  readonly rule: FindingRule;
  readonly stack: string;
  readonly address: string;
  readonly detail?: string;
  /** Why, written for the reviewer of the pull request. */
  readonly message: string;
  readonly severity: 'refuse' | 'notice';
}

/** A rule: a pure function of every plan of the set and the config's facts. */
export type PlanRule = (plans: readonly StackPlan[], ctx: GateContext) => Finding[];

/** Where an account's baseline behaviour setting comes from, for the account a stack works in. */
export type AccountSettingSource =
  /** written in the config (any layer): the config's explicit word. */
  | 'explicit'
  /** the built-in default, on an account that did not exist before the landing zone (nothing runs there to break). */
  | 'default-on-new-account'
  /** not written: on an existing account the built-in default must not apply. */
  | 'not-set';

/** One acknowledged change of the config (reviewPlan.acknowledge[index]). */
export interface Acknowledgement {
  readonly change: string;
  readonly reason: string;
  readonly index: number;
}

/** An existing organization policy the landing zone did not make (guardrails.existing). */
export interface ExistingPolicy {
  readonly id: string;
  readonly name: string;
  readonly type: OrganizationPolicyType;
}

/** The facts of the config the rules judge a plan by (checks/plan-gate/context.ts builds it). */
export interface GateContext {
  /** organization.id is set: the organization existed before the landing zone, and takeover rules apply. */
  readonly adoptedOrganization: boolean;
  /**
   * Organization-wide behaviour settings (config/takeover.ts) each policy carries, by `<type>/<name>`: the config's
   * planned policies, and the catalogue guardrails under their own names.
   */
  readonly behaviourByPolicy: ReadonlyMap<string, readonly BehaviourSettingId[]>;
  /**
   * The config's own declarative EC2 documents (custom, not the catalogue entry), by `<type>/<name>`: what they
   * declare is the config's explicit word. For every other declarative EC2 policy the gate reads the settings from
   * the document in the plan.
   */
  readonly customEc2Policies: ReadonlySet<string>;
  /** The organization-wide behaviour settings the config sets explicitly (config/takeover.ts explicitlySet). */
  readonly explicitlySet: ReadonlySet<BehaviourSettingId>;
  /** Every behaviour setting, by id. */
  readonly settings: ReadonlyMap<BehaviourSettingId, BehaviourSetting>;
  /** guardrails.existing, by policy id. */
  readonly existingPolicies: ReadonlyMap<string, ExistingPolicy>;
  /** Ids of closedAccounts (accounts Terraform may forget). */
  readonly closedAccountIds: ReadonlySet<string>;
  /**
   * By stack id: names of the accounts that move from that stack to another one (config/account-stacks.ts), which
   * it forgets while the other imports them, in a later wave of the same apply.
   */
  readonly movedAccounts: ReadonlyMap<string, ReadonlySet<string>>;
  /** Roles Terraform assumes in member accounts (config/brownfield.ts accessRoleNames). */
  readonly accessRoleNames: readonly string[];
  /**
   * By stack id (`workload-<name>`, `log-archive`, `security`, `management-baseline`): the account it works in and
   * where that account's baseline behaviour settings come from. A stack not listed works in no known account.
   */
  readonly accountStacks: ReadonlyMap<string, { readonly account: string; readonly settings: Readonly<Record<BaselineBehaviourSetting, AccountSettingSource>> }>;
  readonly acknowledgements: readonly Acknowledgement[];
}

/** A finding the config acknowledges: it passes, with the reason. */
export interface AcknowledgedFinding extends Finding {
  readonly acknowledged: { readonly reason: string; readonly index: number };
}

/** The verdict on one stack's plan. */
export interface StackVerdict {
  readonly stack: string;
  readonly file: string;
  readonly pass: boolean;
  /** `PASS` or `FAIL 2 findings`. */
  readonly verdict: string;
  /** Findings that refuse the plan. */
  readonly findings: readonly Finding[];
  readonly acknowledged: readonly AcknowledgedFinding[];
  readonly notices: readonly Finding[];
}

/** An acknowledgement of the config that matches no finding of the plans. */
export interface UnusedAcknowledgement {
  readonly index: number;
  readonly change: string;
  readonly message: string;
}

export interface GateResult {
  readonly pass: boolean;
  readonly stacks: readonly StackVerdict[];
  readonly unusedAcknowledgements: readonly UnusedAcknowledgement[];
}

/** A finding id: `<rule>/<stack>/<address>[/<detail>]`. */
export function findingId(rule: FindingRule, stack: string, address: string, detail?: string): string {
  return [rule, stack, address, ...(detail === undefined ? [] : [detail])].join('/');
}

/** Builds a finding with its id. */
export function finding(
  rule: FindingRule,
  stack: string,
  address: string,
  message: string,
  options: { readonly detail?: string; readonly severity?: Finding['severity'] } = {},
): Finding {
  return { id: findingId(rule, stack, address, options.detail), rule, stack, address, ...(options.detail === undefined ? {} : { detail: options.detail }), message, severity: options.severity ?? 'refuse' };
}
