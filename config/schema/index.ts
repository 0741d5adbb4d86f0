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
import { CiSchema } from './ci';
import { ControlTowerSchema } from './control-tower';
import { ReviewPlanSchema } from './review-plan';
import { LayoutSchema, type RecordedLayout } from './layout';

/**
 * The whole `landing-zone.yaml`: the single source of the TypeScript type, the runtime
 * check and the published JSON Schema (`schema/landing-zone.schema.json`).
 */
export const LandingZoneSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Editors may point this at schema/landing-zone.schema.json.'),
    organization: OrganizationSchema.describe('The organization: name, management account, regions, the access role Terraform assumes.'),
    state: StateSchema.prefault({}).describe('Where each stack keeps its Terraform state: s3 (with a bootstrap stack), Terraform Cloud, or local files.'),
    organizationalUnits: z
      .array(OuPath)
      .default([])
      .describe('OU paths; parents are implied (Workloads/Prod creates Workloads). Nesting is at most 5 deep.'),
    accounts: z
      .array(AccountSchema)
      .min(2, { error: 'needs at least the log-archive and the security account' })
      .describe('Member accounts: exactly one log-archive and one security account, every other one a workload. Removing one is an error; see closedAccounts.'),
    closedAccounts: ClosedAccountsSchema.default([]),
    baseline: BaselineSchema.prefault({}).describe('What every member account gets (Config, hardening, billing alarm, budget, contacts), with per-OU overrides.'),
    security: SecuritySchema.prefault({}).describe('Detective services run from the security account as delegated administrator, and where findings are sent.'),
    logging: LoggingSchema.prefault({}).describe('The central log bucket (retention, Object Lock, lifecycle) and the organization trail.'),
    guardrails: GuardrailsSchema.prefault({}).describe('Preventive controls: SCP, RCP, declarative, tag and AI opt-out policies from the catalogue or files, and their targets.'),
    identityCenter: IdentityCenterSchema.prefault({}).describe('IAM Identity Center: permission sets, groups and their assignments to accounts and OUs.'),
    stackSets: StackSetsSchema.default([]),
    controlTower: ControlTowerSchema.optional(),
    reviewPlan: ReviewPlanSchema.prefault({}),
    layout: LayoutSchema.prefault({}),
    ci: CiSchema.prefault({}).describe('CI identities: the GitHub (or HCP Terraform) OIDC provider, the read-only plan role and the apply role, made by the bootstrap stack.'),
  })
  .describe('A multi-account AWS landing zone, synthesized to Terraform by CDKTF.');

/**
 * The config as the stacks see it: validated, defaults filled, and where the account inventory records each account's
 * stack (config/account-stacks.ts), which the loader adds.
 */
export type LandingZoneConfig = z.infer<typeof LandingZoneSchema> & {
  /** Stacks the account inventory records for the accounts (config/inventory.ts); absent without an inventory. */
  readonly recordedLayout?: RecordedLayout;
};
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
export * from './ci';
export * from './adopt';
export * from './control-tower';
export * from './policy-types';
export * from './review-plan';
export * from './layout';
