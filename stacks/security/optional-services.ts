import { DetectiveOrganization, InspectorOrganization, MacieOrganization, type SecurityMemberAccount } from '../../constructs/security';
import type { TerraformStack } from '../../lib/cdktf';
import type { SecurityContext } from './context';
import { exportInput, exportsAccountStackInputs } from '../accounts/inputs';

/**
 * Detective, Inspector and Macie in every security region, each when switched on, with every existing
 * member account the management stack holds enrolled (their organization auto-enable covers only accounts that join
 * later); the account stacks enrol theirs, with the behavior graph ARNs this exports (stacks/accounts/inputs.ts).
 */
export function addOptionalServices(stack: TerraformStack, ctx: SecurityContext, members: readonly SecurityMemberAccount[]): void {
  const { detective, inspector, macie } = ctx.config.security;
  const exportGraphs = exportsAccountStackInputs(ctx.config);
  for (const region of ctx.regions) {
    const provider = ctx.providerIn(region);
    if (detective.enabled) {
      const graph = new DetectiveOrganization(stack, `Detective-${region}`, { provider, members });
      if (exportGraphs) exportInput(stack, 'detective-graph-arn', region, graph.graphArn);
    }
    if (inspector.enabled) {
      new InspectorOrganization(stack, `Inspector-${region}`, {
        provider,
        resourceTypes: inspector.resourceTypes,
        administratorAccountId: ctx.account.id,
        members,
      });
    }
    if (macie.enabled) new MacieOrganization(stack, `Macie-${region}`, { provider, administratorAccountId: ctx.account.id, members });
  }
}
