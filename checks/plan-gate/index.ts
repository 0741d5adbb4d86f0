import {
  behaviourSettingChanged,
  delegatedAdministratorRemoved,
  destroy,
  forget,
  importUpdated,
  policyDetached,
  policyTypeDisabled,
  protectedResourceChanged,
  replace,
  trustedAccessRemoved,
} from './rules';
import type { AcknowledgedFinding, Finding, FindingRule, GateContext, GateResult, PlanRule, StackPlan, StackVerdict } from './types';

export { gateContext } from './context';
export { readPlans, parsePlan, HOW_TO_MAKE_ONE } from './read';
export { formatHuman, formatMarkdown, formatJson } from './format';
export type { AcknowledgedFinding, Finding, GateContext, GateResult, StackPlan, StackVerdict, UnusedAcknowledgement } from './types';

/** Every rule of the plan gate, in the order their findings are listed. */
export const PLAN_RULES: readonly PlanRule[] = [
  destroy,
  replace,
  forget,
  policyTypeDisabled,
  trustedAccessRemoved,
  delegatedAdministratorRemoved,
  policyDetached,
  behaviourSettingChanged,
  protectedResourceChanged,
  importUpdated,
];

/** Rules whose specific reason replaces the generic destroy / replace finding of the same resource. */
const SPECIFIC: readonly FindingRule[] = ['delegated-administrator-removed', 'policy-detached'];

/** The findings of every rule, without duplicates, the specific reasons replacing the generic destroy / replace. */
export function findings(plans: readonly StackPlan[], ctx: GateContext, rules: readonly PlanRule[] = PLAN_RULES): Finding[] {
  const all = rules.flatMap((rule) => rule(plans, ctx));
  const specific = new Set(all.filter((f) => SPECIFIC.includes(f.rule)).map((f) => `${f.stack}\u0000${f.address}`));
  const seen = new Set<string>();
  return all.filter((f) => {
    if ((f.rule === 'destroy' || f.rule === 'replace') && specific.has(`${f.stack}\u0000${f.address}`)) return false;
    if (seen.has(f.id)) return false;
    seen.add(f.id);
    return true;
  });
}

/** Reviews the plans: every finding per stack, the config's acknowledgements applied. */
export function reviewPlans(plans: readonly StackPlan[], ctx: GateContext): GateResult {
  const found = findings(plans, ctx);
  const acknowledgements = new Map(ctx.acknowledgements.map((a) => [a.change, a]));
  const used = new Set<string>();
  const stacks = plans.map((p): StackVerdict => {
    const own = found.filter((f) => f.stack === p.stack);
    const refused: Finding[] = [];
    const acknowledged: AcknowledgedFinding[] = [];
    for (const f of own.filter((x) => x.severity === 'refuse')) {
      const ack = acknowledgements.get(f.id);
      if (ack) {
        used.add(f.id);
        acknowledged.push({ ...f, acknowledged: { reason: ack.reason, index: ack.index } });
      } else {
        refused.push(f);
      }
    }
    const n = refused.length;
    return {
      stack: p.stack,
      file: p.file,
      pass: n === 0,
      verdict: n === 0 ? 'PASS' : `FAIL ${n} finding${n === 1 ? '' : 's'}`,
      findings: refused,
      acknowledged,
      notices: own.filter((x) => x.severity === 'notice'),
    };
  });
  const unusedAcknowledgements = ctx.acknowledgements
    .filter((a) => !used.has(a.change))
    .map((a) => ({
      index: a.index,
      change: a.change,
      message: `reviewPlan.acknowledge[${a.index}] "${a.change}" matches no finding of these plans: remove it once its change is applied, or copy the id again from this output`,
    }));
  return { pass: stacks.every((s) => s.pass), stacks, unusedAcknowledgements };
}
