import { Construct } from 'constructs';
import { LandingZoneStack, type LandingZoneStackProps } from './landing-zone-stack';
import type { TargetAccount } from '../constructs/core/providers';
import { managementBaseline, type EffectiveBaseline } from '../config/effective-baseline';
import { addConfig } from './baseline/config';
import { addHardening } from './baseline/hardening';

/** Name the management account goes by in the baseline (it has no entry in `accounts`). */
export const MANAGEMENT_ACCOUNT_NAME = 'management';

/**
 * The management account's own baseline (seed 004: AWS Config in every account and every governed
 * region, delivered to the log-archive bucket), with the stack's own credentials (the management
 * account's; no access role): Config recorder, delivery channel and rules, and the per-region hardening
 * (stacks/baseline/). Its values are the top-level `baseline` (managementBaseline). The billing alarm,
 * budget and alternate contacts stay in the management stack (stacks/management/hygiene.ts).
 * A stack of its own so the management stack keeps only the organization, and so it applies after the
 * log-archive stack that creates the bucket its delivery channels write to.
 */
export class ManagementBaselineStack extends LandingZoneStack {
  /** The management account's effective baseline. */
  readonly baseline: EffectiveBaseline;

  constructor(scope: Construct, id: string, props: LandingZoneStackProps) {
    super(scope, id, props);
    const { config } = props;
    const account: TargetAccount = { name: MANAGEMENT_ACCOUNT_NAME, id: config.organization.managementAccountId };
    this.baseline = managementBaseline(config);
    const ctx = { stack: this, scope: new Construct(this, 'Baseline'), account, baseline: this.baseline, providerIn: (region: string) => this.providerForRegion(region) };
    addConfig(ctx);
    addHardening(ctx, { skipAlternateContacts: true });
  }
}
