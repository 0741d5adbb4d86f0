import { verdict, type CheckContext, type Evidence } from '../../checklist/types';
import { MAX_POLICIES_PER_TARGET, MAX_POLICY_SIZE, RESERVED_PER_TARGET } from '../../../policies/quotas';
import { POLICY_KINDS, POLICY_TYPE } from '../../../policies/kinds';
import { organizationPolicies } from '../../checklist/policies';
import type { ConstraintRule } from '../types';
import { ouPathOf } from '../organization';
import { find, isRootTarget } from '../../checklist/resources';

/** How the config names a target (`Root`, an OU path, an account name) from its id expression in the output. */
function targetName(ctx: CheckContext, targetId: string): string | undefined {
  if (isRootTarget(targetId)) return 'Root';
  const ou = ouPathOf(ctx, targetId);
  if (ou !== undefined) return ou;
  const account = /aws_organizations_account\.([A-Za-z0-9_-]+)\.id/.exec(targetId)?.[1] ?? /cross-stack-output-aws_organizations_account([A-Za-z0-9_-]+?)id\}/.exec(targetId)?.[1];
  const found = account ? find(ctx, 'aws_organizations_account').find((a) => a.name === account) : undefined;
  return found ? String(found.body.name) : undefined;
}

/**
 * AWS Organizations quotas on the policies as synthesized (the guardrail planner enforces them on
 * the config; this is the proof on the output): document size per policy type, and policies of
 * one type attached directly to one target, counting the AWS-managed FullAWSAccess /
 * RCPFullAWSAccess that stay attached, Control Tower's SCPs on registered OUs, and the policies attached outside the
 * landing zone (guardrails.existing; an adopted one, imported into the output, is counted once).
 */
export const organizationPolicyLimits: ConstraintRule = {
  id: 'organization-policy-limits',
  title: 'Organization policies: document size and policies per target within the Organizations quotas',
  sources: ['https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html', 'https://docs.aws.amazon.com/controltower/latest/userguide/limits.html'],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const policies = organizationPolicies(ctx);
    const targets = new Map<string, string[]>();
    // Existing policies the output adopts (imported into an aws_organizations_policy): counted as the output's own where it attaches them.
    const adopted = new Map(Object.entries(ctx.stacks).flatMap(([, stack]) => (stack.import ?? []).filter((i) => i.to.startsWith('aws_organizations_policy.')).map((i) => [String(i.id), i.to.slice('aws_organizations_policy.'.length)] as const)));
    for (const p of policies) {
      const kind = POLICY_KINDS.find((k) => POLICY_TYPE[k] === p.type);
      if (!kind) continue;
      const content = String(bodyAt(ctx, p.stack, p.address)?.content ?? '');
      const max = MAX_POLICY_SIZE[kind].value;
      if (content.length > max) problems.push(`${p.stack}: ${p.address} (${p.name}) is ${content.length} characters; a ${p.type} holds at most ${max}`);
      for (const a of p.attachments) {
        const key = `${p.type}|${a.targetId}`;
        targets.set(key, [...(targets.get(key) ?? []), p.name]);
      }
    }
    for (const [key, names] of targets) {
      const [type, target] = key.split('|');
      const kind = POLICY_KINDS.find((k) => POLICY_TYPE[k] === type);
      if (!kind) continue;
      const max = MAX_POLICIES_PER_TARGET[kind].value;
      // Control Tower's controls attach their own SCPs (aws-guardrails-*) to each registered OU.
      const ou = kind === 'scp' && ctx.controlTower ? ouPathOf(ctx, target) : undefined;
      const controlTower = ou !== undefined && ctx.controlTower!.registeredOus.includes(ou) ? ctx.controlTower!.scpsPerRegisteredOu : 0;
      const name = targetName(ctx, target);
      const existing = (ctx.existingPolicies ?? []).filter((e) => e.type === type && name !== undefined && e.targets.includes(name) && !(adopted.has(e.id) && policies.some((p) => p.address.endsWith(`.${adopted.get(e.id)}`) && p.attachments.some((a) => a.targetId === target))));
      const used = names.length + RESERVED_PER_TARGET[kind] + controlTower + existing.length;
      if (used > max) {
        problems.push(
          `${names.length} ${type} attached to ${target} (${names.join(', ')})${RESERVED_PER_TARGET[kind] ? ' plus the AWS-managed one' : ''}` +
            `${controlTower ? ` plus ${controlTower} of Control Tower's (registered OU ${ou})` : ''}` +
            `${existing.length ? ` plus ${existing.length} attached outside the landing zone (${existing.map((e) => e.name).join(', ')})` : ''}; a target takes at most ${max}`,
        );
      }
    }
    if (problems.length === 0 && policies.length > 0) {
      evidence.push({ stack: policies[0].stack, address: policies[0].address, note: `${policies.length} policies, ${targets.size} (type, target) attachments within quota` });
    }
    return verdict(evidence, problems);
  },
};

/** The raw body of a resource by address in a stack. */
function bodyAt(ctx: CheckContext, stack: string, addr: string): Record<string, any> | undefined {
  const [type, name] = [addr.slice(0, addr.indexOf('.')), addr.slice(addr.indexOf('.') + 1)];
  return ctx.stacks[stack]?.resource?.[type]?.[name];
}
