import { z } from 'zod';
import { AccountId, Email, Name, OuPath, Region, Tags } from './common';
import { AdoptSchema } from './adopt';

export const OrganizationId = z
  .string()
  .regex(/^o-[a-z0-9]{10,32}$/, { error: 'is not an organization id; it looks like "o-abc123defg" (Organizations console, Settings)' });

export const OrganizationalUnitId = z
  .string()
  .regex(/^ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}$/, { error: 'is not an OU id; it looks like "ou-ab12-cd34ef56" (Organizations console, the OU\'s details)' });

export const AlternateContact = z.strictObject({
  name: z.string().min(1).max(64).describe('Contact name.'),
  title: z.string().min(1).max(50).describe('Contact title.'),
  email: Email,
  phone: z
    .string()
    .regex(/^[\s0-9()+-]{1,25}$/, { error: 'is not a phone number: digits, spaces, "+", "-", "(" and ")", e.g. "+81-3-1234-5678"' })
    .describe('Phone number.'),
});

export const AlternateContacts = z
  .strictObject({
    billing: AlternateContact.optional(),
    operations: AlternateContact.optional(),
    security: AlternateContact.optional(),
  })
  .describe('Alternate contacts (billing, operations, security) set on the account.');

export const OrganizationSchema = z.strictObject({
  name: Name.describe('Short name of the landing zone ([a-z0-9-]); used in physical names and default tags.'),
  managementAccountId: AccountId.describe('Account id of the management (payer) account that runs the management stack.'),
  id: OrganizationId.optional().describe('Adopt an existing organization: its id (o-...) generates an import block instead of a create.'),
  homeRegion: Region.describe('Region of every stack\'s default provider; must be one of governedRegions.'),
  governedRegions: z
    .array(Region)
    .min(1, { error: 'needs at least one region, e.g. [us-east-1]' })
    .describe('Regions where workloads may run; the region-deny guardrail denies the rest.'),
  ouIds: z
    .record(OuPath, OrganizationalUnitId)
    .default({})
    .describe('Adopt existing OUs: OU path to its id (ou-...), e.g. { Workloads/Prod: ou-ab12-cd34ef56 }; each generates an import block instead of a create.'),
  accessRoleName: z
    .string()
    .regex(/^[\w+=,.@-]{1,64}$/, { error: 'is not an IAM role name (1-64 of letters, digits and +=,.@_-)' })
    .default('OrganizationAccountAccessRole')
    .describe('Role that Organizations creates in each new member account and that Terraform assumes.'),
  breakGlassRoleNames: z
    .array(z.string().regex(/^[\w+=,.@-]{1,64}$/, { error: 'is not an IAM role name (1-64 of letters, digits and +=,.@_-)' }))
    .default([])
    .describe(
      'Emergency roles exempted from region-deny, protect-security-services and deny-iam-user-access-keys, and protected by protect-security-services; not from the log archive (only the access role may change the log buckets). Create them with a StackSet (docs/operations.md).',
    ),
  alternateContacts: AlternateContacts.optional().describe('Alternate contacts of the management account.'),
  tags: Tags.default({}).describe('Tags added to every resource through the providers\' default tags.'),
  additionalServiceAccessPrincipals: z
    .array(
      z.string().regex(/^[a-z0-9][a-z0-9.-]*\.amazonaws\.com$/, {
        error: 'is not an AWS service principal; it looks like "controltower.amazonaws.com"',
      }),
    )
    .default([])
    .describe(
      'Service principals to keep trusted besides the ones the landing zone needs (e.g. enabled by Control Tower, Backup or by hand). The organization\'s trusted-access list is authoritative: a principal enabled out of band and not listed here is switched off on the next apply of the management stack (docs/operations.md). lz import fills it in.',
    ),
  adopt: AdoptSchema.optional().describe('What the management account already runs (its Config recorders, password policy, trails, ...), written by lz import: each becomes an import block.'),
});

export type OrganizationConfig = z.infer<typeof OrganizationSchema>;
