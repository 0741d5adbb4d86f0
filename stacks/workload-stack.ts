import type { Construct } from 'constructs';
import { LandingZoneStack, type LandingZoneStackProps } from './landing-zone-stack';
import type { TargetAccount } from '../constructs/core/providers';
import type { AccountConfig } from '../config/schema';
import { effectiveBaseline, type EffectiveBaseline } from '../config/effective-baseline';
import { addAccountBaseline } from './baseline/account-baseline';
import { readAccountId } from './management/account-outputs';

export interface WorkloadStackProps extends LandingZoneStackProps {
  /** The account's entry in the config. */
  readonly accountConfig: AccountConfig;
  /**
   * The account to apply to.
   * @default - the literal id of an adopted account, else the management stack's output for the account,
   *   read from its state; the management stack need not be in the same app
   */
  readonly account?: TargetAccount;
  /**
   * The organization's id, which the account's plan role trusts principals of.
   * @default - organization.id of an adopted organization, else the management stack's output, read from its state
   */
  readonly organizationId?: string;
}

/**
 * A workload account's baseline (docs/baseline.md, stacks/baseline/account-baseline.ts), applied through
 * the access role: billing alarm and budget in us-east-1, AWS Config recorders and rules in every governed
 * region, and account hardening. Values come from the top-level baseline, the account's OU overrides and
 * the account itself (config/effective-baseline.ts).
 */
export class WorkloadStack extends LandingZoneStack {
  /** The effective baseline this stack was built from. */
  readonly baseline: EffectiveBaseline;

  constructor(scope: Construct, id: string, props: WorkloadStackProps) {
    super(scope, id, props);
    const { config, accountConfig } = props;
    // After security (organization-wide services first), then management when the account id is read from it.
    this.dependOn('security');
    const account = props.account ?? { name: accountConfig.name, id: accountConfig.id ?? readAccountId(this, accountConfig.name) };
    this.baseline = effectiveBaseline(config, accountConfig.name);
    addAccountBaseline(this, account, this.baseline, { organizationId: props.organizationId });
  }
}
