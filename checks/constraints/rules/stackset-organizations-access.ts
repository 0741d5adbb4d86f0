import { address } from '../../../lib/stack-json';
import { verdict, type CheckContext, type Evidence } from '../../checklist/types';
import { evidenceOf, find, type FoundResource } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { accountLabel, accountOf, managementKey, waitsFor } from '../resources';
import { organizationOf, trustedPrincipals } from '../organization';
import { STACKSETS_PRINCIPAL } from '../../../config/delegated-administrators';


/** A resource that activates CloudFormation's own organizations access (ActivateOrganizationsAccess), in the given stack. */
function activationIn(ctx: CheckContext, stack: string): FoundResource | undefined {
  const slr = find(ctx, 'aws_iam_service_linked_role', [stack]).find((r) => r.body.aws_service_name === 'stacksets.cloudformation.amazonaws.com');
  if (slr) return slr;
  for (const type of Object.keys(ctx.stacks[stack]?.resource ?? {})) {
    const hit = find(ctx, type, [stack]).find((r) => /activate-organizations-access|ActivateOrganizationsAccess/.test(JSON.stringify(r.body)));
    if (hit) return hit;
  }
  return undefined;
}

/**
 * Service-managed StackSets: the management account (or a StackSets delegated administrator with
 * call_as = DELEGATED_ADMIN) needs CloudFormation's trusted access with Organizations activated
 * (ActivateOrganizationsAccess, which creates the AWSServiceRoleForCloudFormationStackSetsOrgAdmin
 * role), not only the Organizations trusted-access principal; the StackSet has to wait for both.
 */
export const stackSetOrganizationsAccess: ConstraintRule = {
  id: 'stackset-organizations-access',
  title: "Service-managed StackSets: CloudFormation's organizations access activated first, from the management account",
  sources: [
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-orgs-activate-trusted-access.html',
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ActivateOrganizationsAccess.html',
  ],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const principals = trustedPrincipals(ctx);
    const org = organizationOf(ctx);
    for (const set of find(ctx, 'aws_cloudformation_stack_set').filter((s) => s.body.permission_model === 'SERVICE_MANAGED')) {
      const at = `${set.stack}: aws_cloudformation_stack_set.${set.name}`;
      const before = problems.length;
      if (principals && !principals.has(STACKSETS_PRINCIPAL)) problems.push(`${at}: ${STACKSETS_PRINCIPAL} is not in the organization's aws_service_access_principals`);
      const callAs = set.body.call_as ?? 'SELF';
      const account = accountOf(ctx, set);
      if (callAs === 'SELF' && account !== managementKey(ctx)) {
        problems.push(`${at}: call_as SELF from ${accountLabel(ctx, account)}; service-managed StackSets are created by the management account (or call_as DELEGATED_ADMIN from a registered delegated administrator)`);
      }
      const activation = activationIn(ctx, set.stack);
      if (!activation) {
        problems.push(
          `${at}: nothing activates CloudFormation's trusted access with Organizations (ActivateOrganizationsAccess, role AWSServiceRoleForCloudFormationStackSetsOrgAdmin); the Organizations principal alone is not enough`,
        );
      } else if (!waitsFor(ctx, set, activation)) {
        problems.push(`${at}: does not depend on ${address(activation.type, activation.name)}, which activates CloudFormation's organizations access`);
      }
      if (org && org.stack === set.stack && !waitsFor(ctx, set, org)) problems.push(`${at}: does not depend on the organization (${address(org.type, org.name)})`);
      if (problems.length === before) evidence.push(evidenceOf(set, `after ${activation ? address(activation.type, activation.name) : '?'}`));
    }
    return verdict(evidence, problems);
  },
};
