import type { Construct } from 'constructs';
import { DetectiveOrganization, InspectorOrganization, MacieOrganization } from '../../constructs/security';
import type { SecurityContext } from './context';

/** Detective, Inspector and Macie in every security region, each when switched on. */
export function addOptionalServices(scope: Construct, ctx: SecurityContext, memberAccountIds: readonly string[]): void {
  const { detective, inspector, macie } = ctx.config.security;
  for (const region of ctx.regions) {
    const provider = ctx.providerIn(region);
    if (detective.enabled) new DetectiveOrganization(scope, `Detective-${region}`, { provider });
    if (inspector.enabled) {
      new InspectorOrganization(scope, `Inspector-${region}`, {
        provider,
        resourceTypes: inspector.resourceTypes,
        accountIds: [...new Set([ctx.account.id, ...memberAccountIds])],
      });
    }
    if (macie.enabled) new MacieOrganization(scope, `Macie-${region}`, { provider });
  }
}
