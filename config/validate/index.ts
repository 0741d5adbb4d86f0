import type { LandingZoneConfig } from '../schema';
import type { Problem } from '../problems';
import { checkAccountLifecycle } from './account-lifecycle';
import { checkPermissionSetPolicies } from './permission-set-policies';
import { checkGuardrailOptions } from './guardrail-options';
import { checkStateNames } from './state-names';
import { checkStateWriters } from './state-writers';
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
import { checkGuardrailLockout } from './guardrails-lockout';
import { checkCi } from './ci';
import { checkAdopt } from './adopt';
import { checkControlTower } from './control-tower';
import { checkTakeoverSettings } from './takeover';
import { checkExistingPolicies } from './existing-policies';
import { checkDelegatedAdministrators } from './delegated-administrators';
import { checkReviewPlan } from './review-plan';
// Issue 22: what AWS refuses at apply, or what applies and then locks the landing zone out.
import { checkServiceAccessPrincipals } from './service-access-principals';
import { checkControlTowerNames } from './control-tower-names';
import { checkControlTowerOverrides } from './control-tower-overrides';
import { checkStateSettings } from './state-settings';
import { checkMergedLimits } from './merged-limits';
import { checkCreatedAccounts } from './created-accounts';
import { checkAdoptConfigOff } from './adopt-config-off';
import { checkConfigServiceLinkedRole } from './config-service-linked-role';
import { checkDefaultPermissionSets } from './default-permission-sets';
import { checkStackSetTemplates } from './stackset-templates';

import type { Rule, RuleContext } from './rule';

// Rules import their types from ./rule, never from this index (which imports them): no import cycle.
export type { Rule, RuleContext } from './rule';

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
  checkStateWriters,
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
  checkGuardrailLockout,
  checkGuardrailQuotas,
  checkCi,
  checkAdopt,
  checkControlTower,
  checkTakeoverSettings,
  checkExistingPolicies,
  checkDelegatedAdministrators,
  checkReviewPlan,
  checkServiceAccessPrincipals,
  checkControlTowerNames,
  checkControlTowerOverrides,
  checkStateSettings,
  checkMergedLimits,
  checkCreatedAccounts,
  checkAdoptConfigOff,
  checkConfigServiceLinkedRole,
  checkDefaultPermissionSets,
  checkStackSetTemplates,
];

export function checkMeaning(config: LandingZoneConfig, context: RuleContext = {}): Problem[] {
  return RULES.flatMap((rule) => rule(config, context));
}
