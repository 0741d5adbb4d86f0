import { z } from 'zod';
import { AWS_REGIONS, regionError } from '../regions';

/** Names that become parts of physical resource names and construct ids. */
export const Name = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,38}[a-z0-9]$/, {
    error: 'is not a valid name: use 2-40 lowercase letters, digits and hyphens, starting with a letter (e.g. "shop-prod")',
  })
  .describe('Lowercase letters, digits and hyphens; becomes part of stack ids and physical names.');

export const AccountId = z
  .string({ error: 'must be a 12-digit account id in quotes (e.g. "111111111111"), so YAML keeps leading zeros' })
  .regex(/^\d{12}$/, { error: 'is not a 12-digit AWS account id; write it in quotes, e.g. "111111111111"' })
  .describe('12-digit AWS account id, quoted.');

export const Region = z
  .enum(AWS_REGIONS, { error: (issue) => regionError(issue.input) })
  .describe('AWS Region code, e.g. ap-northeast-1.');

export const Email = z
  .email({ error: 'is not an e-mail address; write it as name@example.com' })
  .describe('E-mail address.');

/**
 * The root e-mail of a member account: CreateAccount takes 6-64 characters.
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateAccount.html
 */
export const AccountEmail = Email.min(6, { error: 'is too short for an account e-mail (AWS needs 6-64 characters)' }).max(64, {
  error: 'is longer than the 64 characters AWS allows for an account e-mail; use a shorter address (e.g. a plus alias on a short domain)',
});

/** AWS tag keys and values (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html). */
export const Tags = z
  .record(
    z.string().min(1).max(128).regex(/^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u, {
      error: 'is not a valid tag key: up to 128 letters, digits, spaces and _.:/=+-@, not starting with "aws:"',
    }),
    z.string().max(256).regex(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u, {
      error: 'is not a valid tag value: up to 256 letters, digits, spaces and _.:/=+-@',
    }),
  )
  .refine((tags) => Object.keys(tags).length <= 50, { error: 'has more than the 50 tags AWS allows on one resource; keep at most 50' })
  .describe('Tags applied to the resource (at most 50).');

/**
 * One OU name as AWS allows it (CreateOrganizationalUnit: 1-128 characters), less what a path
 * cannot hold: "/" separates the names of a path, control characters and leading or trailing
 * spaces would be invisible in the file.
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateOrganizationalUnit.html
 */
const OU_NAME = String.raw`[^/\s\p{Cc}](?:[^/\p{Cc}]{0,126}[^/\s\p{Cc}])?`;

/** An OU path such as `Workloads/Prod` or `R&D (Japan)/Sandbox`; each segment is an OU name. */
export const OuPath = z
  .string()
  .regex(new RegExp(`^${OU_NAME}(?:/${OU_NAME})*$`, 'u'), {
    error: 'is not an OU path: OU names of 1-128 characters (no "/", no leading or trailing spaces) joined by "/" (e.g. "Workloads/Prod")',
  })
  .describe('OU path from the root, segments joined by "/", e.g. Workloads/Prod.');

/**
 * Where a policy or setting applies: `Root`, an OU path, or an account name.
 * Resolved by the meaning checks, which report targets that do not exist.
 */
export const Target = z.string().min(1).describe('"Root", an OU path (e.g. "Workloads/Prod") or an account name.');

export const ROOT_TARGET = 'Root';
