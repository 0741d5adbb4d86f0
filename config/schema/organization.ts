import { z } from 'zod';
import { AccountId, Email, Name, OuPath, Region, Tags } from './common';
import { AdoptSchema } from './adopt';
import { ORGANIZATION_POLICY_TYPES } from './policy-types';

/** organization.accessRoleName when the config does not say. */
export const DEFAULT_ACCESS_ROLE = 'OrganizationAccountAccessRole';

export const OrganizationId = z
  .string()
  .regex(/^o-[a-z0-9]{10,32}$/, { error: 'is not an organization id; it looks like "o-abc123defg" (Organizations console, Settings)' });

export const OrganizationalUnitId = z
  .string()
  .regex(/^ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}$/, { error: 'is not an OU id; it looks like "ou-ab12-cd34ef56" (Organizations console, the OU\'s details)' });

/** The root id of an organization (r-...). */
export const RootId = z.string().regex(/^r-[0-9a-z]{4,32}$/, { error: 'is not a root id; it looks like "r-ab12" (aws organizations list-roots)' });

/** An AWS service principal, e.g. guardduty.amazonaws.com. */
export const ServicePrincipal = z.string().regex(/^[a-z0-9][a-z0-9.-]*\.amazonaws\.com$/, {
  error: 'is not an AWS service principal; it looks like "guardduty.amazonaws.com"',
});

/**
 * One delegated administrator registration that exists in AWS, as `lz import` found it (ListDelegatedAdministrators,
 * ListDelegatedServicesForAccount, and for the services designated per Region through their own API, the Regions
 * where their ListOrganizationAdminAccounts / ListDelegatedAdminAccounts name the account).
 */
export const ExistingDelegatedAdministrator = z
  .strictObject({
    service: ServicePrincipal.describe('Service principal the account is delegated administrator of, e.g. guardduty.amazonaws.com.'),
    account: z.string().min(1).describe('Config name of the account (an entry of accounts).'),
    regions: z
      .array(Region)
      .optional()
      .describe('For GuardDuty, Security Hub, Macie, Inspector and Detective (designated per Region through their own API): the Regions where the designation exists. Omitted: the service has no per-Region designation.'),
  })
  .describe('A delegated administrator registered before the landing zone arrived.');

export type ExistingDelegatedAdministratorConfig = z.infer<typeof ExistingDelegatedAdministrator>;

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
  id: OrganizationId.optional().describe(
    'Adopt an existing organization: its id (o-...) generates an import block instead of a create. An adopted organization changes no behaviour of its existing accounts by default: region deny, VPC/AMI/snapshot block public access, IMDS defaults, S3 account public access block, the RCPs and deny-iam-user-access-keys apply only where the config turns them on explicitly (docs/operations.md, "Taking over an existing organization").',
  ),
  rootId: RootId.optional().describe('Id of the existing organization\'s root (r-...), written by lz import: needed to adopt a policy attached to Root (guardrails.*[].id).'),
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
    .default(DEFAULT_ACCESS_ROLE)
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
  additionalPolicyTypes: z
    .array(z.enum(ORGANIZATION_POLICY_TYPES, { error: `is not an Organizations policy type; use one of ${ORGANIZATION_POLICY_TYPES.join(', ')}` }))
    .default([])
    .describe(
      'Policy types to keep enabled at the root besides the ones the guardrails use. enabled_policy_types is authoritative: a type that is enabled in AWS and not kept is disabled on the next apply of the management stack, and AWS then detaches every policy of that type everywhere. lz import fills it in.',
    ),
  delegatedAdministrators: z
    .array(ExistingDelegatedAdministrator)
    .default([])
    .describe(
      'Delegated administrators registered in AWS before the landing zone, written by lz import. Those of the security account for a service the landing zone delegates are imported (never registered twice); another account holding a service that allows one administrator is an error that says how to move it; the others are left alone.',
    ),
  adopt: AdoptSchema.optional().describe('What the management account already runs (its Config recorders, password policy, trails, ...), written by lz import: each becomes an import block.'),
});

export type OrganizationConfig = z.infer<typeof OrganizationSchema>;
