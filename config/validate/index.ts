import type { LandingZoneConfig } from '../schema';
import type { Problem } from '../problems';
import { checkUniqueAccounts } from './unique-accounts';
import { checkCoreAccounts } from './core-accounts';
import { checkOrganizationalUnits } from './organizational-units';
import { checkRegions } from './regions';
import { checkPhysicalNames } from './physical-names';
import { checkLoggingRetention } from './logging-retention';
import { checkSecurityTargets } from './security-targets';
import { checkSecurityServices } from './security-services';
import { checkBaseline } from './baseline';
import { checkStackSets } from './stacksets';
import { checkOuIds } from './ou-ids';
import { checkClosedAccounts } from './closed-accounts';
import { checkIdentityCenter } from './identity-center';
import { checkGuardrailEntries } from './guardrails-entries';
import { checkGuardrailTargets } from './guardrails-targets';
import { checkCustomGuardrails } from './guardrails-custom';
import { checkGuardrailQuotas } from './guardrails-quotas';

import type { Rule } from './rule';

// Rules import their type from ./rule, never from this index (which imports them): no import cycle.
export type { Rule } from './rule';

/** Every meaning check, in the order their problems are reported. */
export const RULES: readonly Rule[] = [
  checkRegions,
  checkUniqueAccounts,
  checkCoreAccounts,
  checkOrganizationalUnits,
  checkOuIds,
  checkClosedAccounts,
  checkPhysicalNames,
  checkLoggingRetention,
  checkSecurityTargets,
  checkSecurityServices,
  checkBaseline,
  checkStackSets,
  checkIdentityCenter,
  checkGuardrailEntries,
  checkGuardrailTargets,
  checkCustomGuardrails,
  checkGuardrailQuotas,
];

export function checkMeaning(config: LandingZoneConfig): Problem[] {
  return RULES.flatMap((rule) => rule(config));
}
