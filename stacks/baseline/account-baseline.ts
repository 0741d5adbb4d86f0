import type { Construct } from 'constructs';
import type { ITerraformDependable } from '../../lib/cdktf';
import type { LandingZoneStack } from '../landing-zone-stack';
import type { TargetAccount } from '../../constructs/core/providers';
import type { EffectiveBaseline } from '../../config/effective-baseline';
import { addBillingGuards } from './billing';
import { addConfig } from './config';
import { addHardening } from './hardening';
import { addPlanRole } from './plan-role';
import { readOrganizationId } from '../management/account-outputs';

export interface AccountBaselineOptions {
  /**
   * Where the baseline's constructs go. A core account's stack passes a `Baseline` construct so the
   * baseline's ids (e.g. `AccessAnalyzer-<region>`) never meet the stack's own.
   * @default - the stack itself (the workload stacks' construct ids, which are their state addresses)
   */
  readonly scope?: Construct;
  /**
   * What the Config delivery channels wait for besides their recorder: the log bucket policy and KMS
   * key when they are made in the same stack (the log-archive account).
   * @default - nothing else; the bucket exists from an earlier stack
   */
  readonly configDeliveryDependsOn?: readonly ITerraformDependable[];
  /**
   * The organization's id where the stack already has it from the management stack in the same app (a cdktf
   * cross-stack reference: the core accounts' stacks).
   * @default - organization.id of an adopted organization, else the management stack's output read from its state
   */
  readonly organizationId?: string;
}

/**
 * The account baseline (docs/baseline.md), applied through the access role into `account`: billing alarm
 * and budget in us-east-1, AWS Config recorder and rules in every governed region, account hardening, and
 * the read-only plan role that plans assume instead of the access role.
 * Every account but the management account gets it: the workload stacks, and the log-archive and
 * security stacks for their own accounts.
 */
export function addAccountBaseline(stack: LandingZoneStack, account: TargetAccount, baseline: EffectiveBaseline, options: AccountBaselineOptions = {}): void {
  const ctx = { stack, scope: options.scope ?? stack, account, baseline, providerIn: (region: string) => stack.providerFor(account, region) };
  addBillingGuards(ctx);
  addConfig(ctx, options.configDeliveryDependsOn);
  addHardening(ctx);
  addPlanRole(ctx, stack.config.organization.id ?? options.organizationId ?? readOrganizationId(stack));
}
