import { z } from 'zod';
import { AccountEmail, AccountId, Name, OuPath, Tags } from './common';
import { AlternateContacts } from './organization';
import { BaselineOverrideSchema } from './baseline';
import { AdoptSchema } from './adopt';

export const ACCOUNT_ROLES = ['log-archive', 'security', 'workload'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const AccountSchema = z.strictObject({
  name: Name.describe('Account name ([a-z0-9-]); the workload stack is workload-<name>. Never rename: it is the account\'s identity in code.'),
  email: AccountEmail.describe('Root e-mail of the account (6-64 characters); unique across the organization, never one of a closed account.'),
  ou: OuPath.describe('OU path the account lives in, e.g. Workloads/Prod.'),
  role: z
    .enum(ACCOUNT_ROLES, { error: 'must be one of log-archive, security, workload' })
    .default('workload')
    .describe('log-archive and security are the two core accounts (exactly one each); everything else is a workload.'),
  id: AccountId.optional().describe('Adopt an existing member account: its id generates an import block instead of CreateAccount.'),
  tags: Tags.default({}).describe('Tags on the account resource.'),
  state: z
    .enum(['active', 'suspended'], { error: 'must be active or suspended' })
    .default('active')
    .describe('suspended moves the account to the Suspended OU under a deny-all SCP (its workload stack stays). Removing an account from the file is an error: to close one, move it to closedAccounts (docs/accounts.md).'),
  budget: z
    .strictObject({
      monthlyUsd: z.number({ error: 'must be a number of US dollars, e.g. 500' }).positive({ error: 'must be more than 0 USD' }),
    })
    .optional()
    .describe('Monthly budget; also the billing alarm threshold. Overrides the baseline default.'),
  alternateContacts: AlternateContacts.optional().describe('Alternate contacts for this account; overrides baseline.alternateContacts.'),
  baseline: BaselineOverrideSchema.optional().describe('Baseline settings for this account only; override the OU and top-level values.'),
  adopt: AdoptSchema.optional().describe('What this existing account already runs (Config recorders, detectors, password policy, ...), written by lz import: each becomes an import block. Needs id.'),
});

export type AccountConfig = z.infer<typeof AccountSchema>;

/**
 * An account the landing zone used to manage and that was closed (or is being closed) outside
 * Terraform. Terraform forgets it (a `removed` block with `destroy = false`) instead of trying
 * to remove or re-create it, and the inventory remembers it as closed.
 */
export const ClosedAccountSchema = z.strictObject({
  name: Name.describe('Name the account had under accounts; the inventory knows it by this name.'),
  id: AccountId.optional().describe('Account id, for the record.'),
  note: z.string().max(500).optional().describe('Why and when it was closed, for the record.'),
});

export const ClosedAccountsSchema = z
  .array(ClosedAccountSchema)
  .describe(
    'Accounts taken out of the landing zone on purpose: Terraform forgets them without touching them (close the account itself with `aws organizations close-account`). See docs/accounts.md.',
  );

export type ClosedAccountConfig = z.infer<typeof ClosedAccountSchema>;
