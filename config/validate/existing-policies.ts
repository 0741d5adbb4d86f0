import type { Rule } from './rule';
import type { PathSegment, Problem } from '../problems';
import { didYouMean, show } from '../problems';
import { ROOT_TARGET, type LandingZoneConfig } from '../schema';
import { allOuPaths } from '../model';
import { existingPolicy, literalTargetId } from '../existing-policies';
import { POLICY_KINDS, POLICY_TYPE } from '../../policies/kinds';
import { planGuardrails } from '../../policies/plan';
import { closedAccountMessage } from './closed-target';

/**
 * Policies that exist outside the landing zone (guardrails.existing) and the guardrail entries that adopt one (`id`):
 * - each existing policy is listed once, and attached only to targets of this file (Root, an OU path, an account name);
 * - a policy the landing zone would create with the name and type of an existing one must adopt it: AWS refuses a
 *   second policy of the same name (CreatePolicy: DuplicatePolicyException);
 * - an `id` names an existing policy of the entry's type, once, on an adopted organization; the policy must stay a
 *   policy of its own (packing it into an lz-* document would leave the existing one as it is), and where it is
 *   attached already the target's literal id must be known to import the attachment (organization.rootId, ouIds, the
 *   account's id).
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreatePolicy.html
 * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/organizations_policy_attachment#import
 */
export const checkExistingPolicies: Rule = (config) => {
  const problems: Problem[] = [];
  const ous = allOuPaths(config);
  const targets = [ROOT_TARGET, ...ous, ...config.accounts.map((a) => a.name)];
  const firstById = new Map<string, number>();
  config.guardrails.existing.forEach((p, i) => {
    const path: PathSegment[] = ['guardrails', 'existing', i];
    const first = firstById.get(p.id);
    if (first !== undefined) problems.push({ path: [...path, 'id'], message: `${show(p.id)} is already listed at guardrails.existing[${first}]; list each policy once with all its targets` });
    else firstById.set(p.id, i);
    p.targets.forEach((t, j) => {
      if (targets.includes(t)) return;
      problems.push({
        path: [...path, 'targets', j],
        message: closedAccountMessage(config, t, 'and its attachments went with it; remove the target (or run lz import again)') ?? `${show(t)} is not Root, an OU of organizationalUnits or an account of this file${didYouMean(t, targets) || '; run lz import again, or remove the target'}`,
      });
    });
  });
  problems.push(...checkAdoptions(config), ...checkCollisions(config));
  return problems;
};

/** Guardrail entries with `id`. */
function checkAdoptions(config: LandingZoneConfig): Problem[] {
  const problems: Problem[] = [];
  const adoptedBy = new Map<string, string>();
  const planned = planGuardrails(config).policies;
  for (const kind of POLICY_KINDS) {
    config.guardrails[kind].forEach((entry, i) => {
      if (!entry.id || !entry.enabled) return;
      const path: PathSegment[] = ['guardrails', kind, i, 'id'];
      const here = `guardrails.${kind}[${i}]`;
      const existing = existingPolicy(config, entry.id);
      if (!config.organization.id) {
        problems.push({ path, message: `adopts an existing policy, but the organization is created by the landing zone (no organization.id), so no policy exists yet; remove id` });
        return;
      }
      if (!existing) {
        problems.push({ path, message: `${show(entry.id)} is not a policy of guardrails.existing; run lz import to record the organization's policies (with their attachments), or remove id` });
        return;
      }
      if (existing.type !== POLICY_TYPE[kind]) {
        problems.push({ path, message: `${show(entry.id)} (${existing.name}) is a ${existing.type}, not a ${POLICY_TYPE[kind]}; move the entry to the section of its type, or remove id` });
        return;
      }
      const other = adoptedBy.get(entry.id);
      if (other) {
        problems.push({ path, message: `${show(entry.id)} is already adopted by ${other}; a policy can be adopted once` });
        return;
      }
      adoptedBy.set(entry.id, here);
      const policy = planned.find((p) => p.adoptId === entry.id);
      if (!policy) {
        problems.push({
          path,
          message: `${show(entry.id)} (${existing.name}) would be packed into lz-${kind}-* documents at every target to stay within the quota, so the existing policy could not be taken over; attach fewer policies at those targets, or remove id`,
        });
        return;
      }
      for (const target of policy.targets) {
        if (!existing.targets.includes(target) || literalTargetId(config, target) !== undefined) continue;
        const what = target === ROOT_TARGET ? 'organization.rootId (lz import writes it)' : config.accounts.some((a) => a.name === target) ? `the id of account ${show(target)}` : `organization.ouIds[${show(target)}]`;
        problems.push({ path, message: `${existing.name} is attached to ${target} already; importing that attachment needs ${what}` });
      }
    });
  }
  return problems;
}

/** Existing policies that a policy of the landing zone would collide with. */
function checkCollisions(config: LandingZoneConfig): Problem[] {
  const problems: Problem[] = [];
  const ours = planGuardrails(config).policies.filter((p) => !p.adoptId);
  config.guardrails.existing.forEach((p, i) => {
    const clash = ours.find((o) => o.type === p.type && o.name === p.name);
    if (!clash) return;
    problems.push({
      path: ['guardrails', 'existing', i, 'name'],
      message:
        `a ${p.type} named ${show(p.name)} exists already (${p.id}) and the landing zone makes one of the same name, which AWS refuses (DuplicatePolicyException); ` +
        `adopt it with id: ${p.id} on the guardrail entry that makes ${show(p.name)} (lz import does), or give that entry another name`,
    });
  });
  return problems;
}
