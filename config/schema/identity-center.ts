import { z } from 'zod';
import { Region, Tags, Target } from './common';

/*
 * IAM Identity Center (seed 002): people sign in through Identity Center and get short-lived
 * role sessions from permission sets, instead of root users or IAM users. Groups hold the
 * people; assignments give a group a permission set in accounts or whole OUs.
 */

/** Permission set names: 1-32 of letters, digits and +=,.@_- (CreatePermissionSet). */
export const PermissionSetName = z
  .string()
  .regex(/^[\w+=,.@-]{1,32}$/, { error: 'is not a permission set name: 1-32 letters, digits and +=,.@_- (e.g. "AdministratorAccess")' })
  .describe('Permission set name; also its construct id (never rename: that replaces the permission set and its assignments).');

const MAX_SESSION_MINUTES = 12 * 60;

/** Minutes of an ISO-8601 duration such as PT1H or PT1H30M; undefined when it is not one. */
export function sessionMinutes(duration: string): number | undefined {
  const m = /^PT(?:(\d{1,2})H)?(?:(\d{1,3})M)?$/.exec(duration);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
}

/** ISO-8601 session length between 1 and 12 hours, e.g. PT1H, PT4H, PT1H30M. */
export const SessionDuration = z
  .string()
  .refine((v) => sessionMinutes(v) !== undefined, { error: 'is not an ISO-8601 duration; write hours and minutes like "PT1H", "PT8H" or "PT1H30M"' })
  .refine(
    (v) => {
      const minutes = sessionMinutes(v);
      return minutes === undefined || (minutes >= 60 && minutes <= MAX_SESSION_MINUTES);
    },
    { error: 'is outside what IAM Identity Center allows; use 1 to 12 hours ("PT1H" to "PT12H")' },
  )
  .describe('Session length as an ISO-8601 duration, 1 to 12 hours (PT1H ... PT12H).');

/** An AWS managed policy: its name (AdministratorAccess, job-function/ViewOnlyAccess) or full ARN. */
export const ManagedPolicy = z
  .string()
  .regex(/^(arn:aws[a-z-]*:iam::aws:policy\/)?([\w+=,.@-]+\/)*[\w+=,.@-]{1,128}$/, {
    error: 'is not an AWS managed policy: write its name (e.g. "ReadOnlyAccess", "job-function/ViewOnlyAccess") or its ARN "arn:aws:iam::aws:policy/..."',
  })
  .describe('AWS managed policy name (with its path, e.g. job-function/ViewOnlyAccess) or ARN.');

export const CustomerManagedPolicyReference = z
  .strictObject({
    name: z
      .string()
      .regex(/^[\w+=,.@-]{1,128}$/, { error: 'is not an IAM policy name (1-128 of letters, digits and +=,.@_-)' })
      .describe('Name of the IAM policy; it must exist in every account the permission set is assigned to.'),
    path: z
      .string()
      .regex(/^\/([\w+=,.@-]+\/)*$/, { error: 'is not an IAM path; it starts and ends with "/", e.g. "/" or "/platform/"' })
      .default('/')
      .describe('IAM path of the policy. Default "/".'),
  })
  .describe('A customer managed policy referenced by name; each assigned account must have one of this name and path.');

export const PermissionSetSchema = z.strictObject({
  name: PermissionSetName,
  description: z
    .string()
    .min(1)
    .max(700)
    // CreatePermissionSet takes tab, line breaks and Latin-1 only (no Japanese, no emoji).
    // https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreatePermissionSet.html
    .regex(/^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/, {
      error: 'has characters IAM Identity Center refuses in a permission set description: only Latin-1 letters, digits, punctuation and spaces (write it in English, or put the rest in a group description)',
    })
    .optional()
    .describe('Shown to people choosing a role in the access portal (1-700 Latin-1 characters).'),
  sessionDuration: SessionDuration.default('PT1H').describe('Session length, ISO-8601, 1 to 12 hours. Default PT1H.'),
  managedPolicies: z
    .array(ManagedPolicy)
    .max(20, { error: 'has more than 20 policies; a permission set can have 20 managed policies attached' })
    .default([])
    .describe('AWS managed policies attached, by name or ARN.'),
  customerManagedPolicies: z
    .array(CustomerManagedPolicyReference)
    .default([])
    .describe('Customer managed policies (by name and path) that each assigned account holds.'),
  inlinePolicy: z
    .strictObject({
      Version: z.literal('2012-10-17', { error: 'must be "2012-10-17"' }).default('2012-10-17'),
      Statement: z
        .array(
          z.looseObject({
            Effect: z.enum(['Allow', 'Deny'], { error: 'must be Allow or Deny' }),
          }),
        )
        .min(1, { error: 'needs at least one statement' }),
    })
    .optional()
    .describe('An IAM policy document (as a YAML mapping) embedded in the permission set.'),
  relayState: z
    .url({ error: 'is not a URL; the relay state is the console page people land on, e.g. "https://console.aws.amazon.com/"' })
    .max(240, { error: 'is longer than the 240 characters IAM Identity Center allows for a relay state' })
    .optional().describe('Console URL people land on after sign-in.'),
  tags: Tags.default({}).describe('Tags on the permission set.'),
});

export const GroupSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(1024)
    .regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P} ]+$/u, { error: 'is not a group display name (letters, digits, punctuation and spaces)' })
    .describe('Display name of the group in the identity store; also its construct id.'),
  description: z.string().min(1).max(1024).optional().describe('Group description (created groups only).'),
  existing: z
    .boolean()
    .default(false)
    .describe('true: the group already exists (e.g. synchronized by SCIM from an external IdP such as Entra ID or Okta) and is looked up by display name. Default false: the group is created in the identity store.'),
});

export const AssignmentSchema = z.strictObject({
  group: z.string().min(1).describe('Name of a group under identityCenter.groups.'),
  permissionSet: PermissionSetName.describe('Name of a permission set (yours or a built-in default).'),
  targets: z
    .array(Target)
    .min(1, { error: 'needs at least one target: an account name, an OU path, or "Root"' })
    .describe('Account names, OU paths (every account in the OU and below, including accounts added later) or "Root" (every member account).'),
});

/** The permission sets created when `includeDefaultPermissionSets` is on (seed 002: AdministratorAccess, 1 hour). */
export const DEFAULT_PERMISSION_SETS: readonly z.input<typeof PermissionSetSchema>[] = [
  { name: 'AdministratorAccess', description: 'Full access; one hour sessions.', sessionDuration: 'PT1H', managedPolicies: ['AdministratorAccess'] },
  { name: 'PowerUserAccess', description: 'Everything except IAM and Organizations.', sessionDuration: 'PT4H', managedPolicies: ['PowerUserAccess'] },
  { name: 'ReadOnlyAccess', description: 'Read-only access to every service.', sessionDuration: 'PT8H', managedPolicies: ['ReadOnlyAccess'] },
];

/** IAM Identity Center permission sets, groups and assignments (seed 002). */
export const IdentityCenterSchema = z.strictObject({
  enabled: z
    .boolean()
    .default(true)
    .describe('Manage IAM Identity Center permission sets, groups and assignments. Its organization instance is enabled once in the console: before the first plan of an adopted organization, after the first apply of a new one (that apply stops and says so; docs/operations.md).'),
  region: Region.optional().describe('Region of the organization\'s Identity Center instance (it lives in one region). Default: organization.homeRegion. lz import fills it in.'),
  includeDefaultPermissionSets: z
    .boolean()
    .default(true)
    .describe('Also create AdministratorAccess (PT1H), PowerUserAccess (PT4H) and ReadOnlyAccess (PT8H). A permission set of yours with the same name replaces the default. Default true.'),
  permissionSets: z.array(PermissionSetSchema).default([]).describe('Permission sets to create.'),
  groups: z.array(GroupSchema).default([]).describe('Groups: created in the identity store, or existing ones (external IdP) looked up by name.'),
  assignments: z.array(AssignmentSchema).default([]).describe('Which group gets which permission set in which accounts / OUs.'),
});

export type IdentityCenterConfig = z.infer<typeof IdentityCenterSchema>;
export type PermissionSetConfig = z.infer<typeof PermissionSetSchema>;
export type GroupConfig = z.infer<typeof GroupSchema>;
export type AssignmentConfig = z.infer<typeof AssignmentSchema>;
