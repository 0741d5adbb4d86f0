import type { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { LandingZoneStack } from '../landing-zone-stack';
import type { TargetAccount } from '../../constructs/core/providers';
import type { EffectiveBaseline } from '../../config/effective-baseline';

/** What the account baseline's family helpers build from. */
export interface BaselineContext {
  /** The stack whose providers reach the account (and whose config is read). */
  readonly stack: LandingZoneStack;
  /** Where the baseline's constructs go: the workload stack itself, or a `Baseline` construct in a core account's stack. */
  readonly scope: Construct;
  /** The account the baseline is for. */
  readonly account: TargetAccount;
  /** The account's effective baseline (config/effective-baseline.ts). */
  readonly baseline: EffectiveBaseline;
  /**
   * The provider that reaches the account in `region`: `stack.providerFor(account, region)` (the access
   * role) for a member account, `stack.providerForRegion(region)` (the stack's own credentials) for the
   * management account.
   */
  readonly providerIn: (region: string) => AwsProvider;
}
