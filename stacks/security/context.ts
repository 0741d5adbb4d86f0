import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { LandingZoneConfig } from '../../config/schema';
import type { TargetAccount } from '../../constructs/core/providers';
import type { NamingInput } from '../../lib/naming';

/** What every security-stack family helper works with. */
export interface SecurityContext {
  readonly config: LandingZoneConfig;
  readonly naming: NamingInput;
  /** The security account. */
  readonly account: TargetAccount;
  readonly homeRegion: string;
  /** Regions of the regional services, home first. */
  readonly regions: readonly string[];
  /** `security.regions: all`: aggregators cover every region, present and future. */
  readonly allRegions: boolean;
  /** Provider of the security account in `region`. */
  providerIn(region: string): AwsProvider;
}
