import type { Construct } from 'constructs';
import { OrganizationAccessAnalyzer } from '../../constructs/security';
import { externalAccessAnalyzerName, unusedAccessAnalyzerName } from '../../lib/naming';
import type { SecurityContext } from './context';

/** External-access analyzers in every security region, one unused-access analyzer in the home region. */
export function addAccessAnalyzers(scope: Construct, ctx: SecurityContext): void {
  const settings = ctx.config.security.accessAnalyzer;
  if (!settings.enabled) return;
  for (const region of ctx.regions) {
    new OrganizationAccessAnalyzer(scope, `AccessAnalyzer-${region}`, {
      provider: ctx.providerIn(region),
      analyzerName: externalAccessAnalyzerName(ctx.naming),
    });
  }
  new OrganizationAccessAnalyzer(scope, 'UnusedAccessAnalyzer', {
    provider: ctx.providerIn(ctx.homeRegion),
    analyzerName: unusedAccessAnalyzerName(ctx.naming),
    unusedAccessAgeDays: settings.unusedAccessAgeDays,
  });
}
