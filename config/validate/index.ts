import type { LandingZoneConfig } from '../schema';
import type { Problem } from '../problems';
import type { Inventory } from '../inventory';
import { checkAccountLifecycle } from './account-lifecycle';
import { checkPermissionSetPolicies } from './permission-set-policies';
import { checkGuardrailOptions } from './guardrail-options';
import { checkStateNames } from './state-names';
import { checkUniqueAccounts } from './unique-accounts';
import { checkCoreAccounts } from './core-accounts';
import { checkOrganizationalUnits } from './organizational-units';
import { checkRegions } from './regions';
import { checkPhysicalNames } from './physical-names';
import { checkLoggingRetention } from './logging-retention';
import { checkSecurityTargets } from './security-targets';
import { checkSecurityServices } from './security-services';
import { checkBaseline } from './baseline';
import { checkBaselineDeclarative } from './baseline-declarative';
import { checkStackSets } from './stacksets';
import { checkOuIds } from './ou-ids';
import { checkClosedAccounts } from './closed-accounts';
import { checkIdentityCenter } from './identity-center';
import { checkGuardrailEntries } from './guardrails-entries';
import { checkGuardrailTargets } from './guardrails-targets';
import { checkCustomGuardrails } from './guardrails-custom';
import { checkGuardrailQuotas } from './guardrails-quotas';
import { checkCi } from './ci';

/** What a meaning check may know besides the config: the account inventory (config/inventory.ts). */
export interface RuleContext {
  /** The inventory of this landing zone; undefined on a first synth or for another organization's inventory. */
  readonly inventory?: Inventory;
}

/** A meaning check: a pure function of the shape-checked config, returning every problem it finds. */
export type Rule = (config: LandingZoneConfig, context: RuleContext) => Problem[];

/** Every meaning check, in the order their problems are reported. */
export const RULES: readonly Rule[] = [
  checkRegions,
  checkUniqueAccounts,
  checkAccountLifecycle,
  checkCoreAccounts,
  checkOrganizationalUnits,
  checkOuIds,
  checkClosedAccounts,
  checkPhysicalNames,
  checkStateNames,
  checkLoggingRetention,
  checkSecurityTargets,
  checkSecurityServices,
  checkBaseline,
  checkBaselineDeclarative,
  checkStackSets,
  checkIdentityCenter,
  checkPermissionSetPolicies,
  checkGuardrailEntries,
  checkGuardrailTargets,
  checkGuardrailOptions,
  checkCustomGuardrails,
  checkGuardrailQuotas,
  checkCi,
];

export function checkMeaning(config: LandingZoneConfig, context: RuleContext = {}): Problem[] {
  return RULES.flatMap((rule) => rule(config, context));
}
