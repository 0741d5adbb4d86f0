import type { LandingZoneConfig } from '../../config/schema';
import { AWS_REGIONS } from '../../config/regions';
import { governedRegions } from '../../config/model';

/**
 * Regions where the security account runs the regional services (GuardDuty, Security Hub linking,
 * Access Analyzer, Config rules, Detective, Inspector, Macie), home region first:
 * the governed regions, or every commercial region with `security.regions: all` (seed 004).
 * The management stack registers the delegated administrators in these same regions.
 */
export function securityRegions(config: LandingZoneConfig): string[] {
  const governed = governedRegions(config);
  if (config.security.regions === 'governed') return governed;
  return [...governed, ...AWS_REGIONS.filter((r) => !governed.includes(r))];
}
