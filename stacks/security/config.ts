import type { Construct } from 'constructs';
import { ConfigOrganizationAggregator } from '../../constructs/security';
import { configAggregatorName } from '../../lib/naming';
import type { SecurityContext } from './context';

/**
 * AWS Config across the organization: one aggregator in the home region, so the security account sees
 * the configuration and compliance of every account. The recorders and rules themselves are in each
 * account's baseline (stacks/baseline/config.ts), which orders every rule after its region's recorder.
 */
export function addConfig(scope: Construct, ctx: SecurityContext): void {
  if (!ctx.config.security.config.enabled) return;
  new ConfigOrganizationAggregator(scope, 'ConfigAggregator', {
    provider: ctx.providerIn(ctx.homeRegion),
    name: configAggregatorName(ctx.naming),
    regions: ctx.allRegions ? 'ALL' : [...ctx.regions],
  });
}
