import type { Construct } from 'constructs';
import { DetectiveOrganization, InspectorOrganization, MacieOrganization, type SecurityMemberAccount } from '../../constructs/security';
import type { SecurityContext } from './context';

/**
 * Detective, Inspector and Macie in every security region, each when switched on, with every existing
 * member account enrolled (their organization auto-enable covers only accounts that join later).
 */
export function addOptionalServices(scope: Construct, ctx: SecurityContext, members: readonly SecurityMemberAccount[]): void {
  const { detective, inspector, macie } = ctx.config.security;
  for (const region of ctx.regions) {
    const provider = ctx.providerIn(region);
    if (detective.enabled) new DetectiveOrganization(scope, `Detective-${region}`, { provider, members });
    if (inspector.enabled) {
      new InspectorOrganization(scope, `Inspector-${region}`, {
        provider,
        resourceTypes: inspector.resourceTypes,
        administratorAccountId: ctx.account.id,
        members,
      });
    }
    if (macie.enabled) new MacieOrganization(scope, `Macie-${region}`, { provider, administratorAccountId: ctx.account.id, members });
  }
}
