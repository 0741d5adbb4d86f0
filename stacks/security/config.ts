import type { Construct } from 'constructs';
import { ConfigOrganizationAggregator, OrganizationConfigRules } from '../../constructs/security';
import { governedRegions } from '../../config/model';
import { configAggregatorName } from '../../lib/naming';
import type { SecurityContext } from './context';

/**
 * AWS Config across the organization: one aggregator in the home region, and the organization rules in
 * every governed region (where the account baselines record; account-wide rules in the home region only).
 */
export function addConfig(scope: Construct, ctx: SecurityContext): void {
  const settings = ctx.config.security.config;
  if (!settings.enabled) return;
  new ConfigOrganizationAggregator(scope, 'ConfigAggregator', {
    provider: ctx.providerIn(ctx.homeRegion),
    name: configAggregatorName(ctx.naming),
    regions: ctx.allRegions ? 'ALL' : [...ctx.regions],
  });
  if (settings.rules.length === 0) return;
  for (const region of governedRegions(ctx.config)) {
    new OrganizationConfigRules(scope, `ConfigRules-${region}`, {
      provider: ctx.providerIn(region),
      rules: settings.rules,
      homeRegion: region === ctx.homeRegion,
    });
  }
}
