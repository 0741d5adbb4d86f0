import { z } from 'zod';
import { OuPath } from './common';
import { OrganizationSchema } from './organization';
import { StateSchema } from './state';
import { AccountSchema, ClosedAccountsSchema } from './accounts';
import { BaselineSchema } from './baseline';
import { SecuritySchema } from './security';
import { LoggingSchema } from './logging';
import { GuardrailsSchema } from './guardrails';
import { IdentityCenterSchema } from './identity-center';
import { StackSetsSchema } from './stacksets';

/**
 * The whole `landing-zone.yaml`: the single source of the TypeScript type, the runtime
 * check and the published JSON Schema (`schema/landing-zone.schema.json`).
 */
export const LandingZoneSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Editors may point this at schema/landing-zone.schema.json.'),
    organization: OrganizationSchema,
    state: StateSchema.prefault({}),
    organizationalUnits: z
      .array(OuPath)
      .default([])
      .describe('OU paths; parents are implied (Workloads/Prod creates Workloads). Nesting is at most 5 deep.'),
    accounts: z.array(AccountSchema).min(2, { error: 'needs at least the log-archive and the security account' }),
    closedAccounts: ClosedAccountsSchema.default([]),
    baseline: BaselineSchema.prefault({}),
    security: SecuritySchema.prefault({}),
    logging: LoggingSchema.prefault({}),
    guardrails: GuardrailsSchema.prefault({}),
    identityCenter: IdentityCenterSchema.prefault({}),
    stackSets: StackSetsSchema.default([]),
  })
  .describe('A multi-account AWS landing zone, synthesized to Terraform by CDKTF.');

/** The config as the stacks see it: validated, defaults filled. */
export type LandingZoneConfig = z.infer<typeof LandingZoneSchema>;
/** The config as a person writes it. */
export type LandingZoneInput = z.input<typeof LandingZoneSchema>;

export * from './common';
export * from './organization';
export * from './state';
export * from './accounts';
export * from './baseline';
export * from './security';
export * from './logging';
export * from './guardrails';
export * from './identity-center';
export * from './stacksets';
