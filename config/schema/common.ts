import { z } from 'zod';
import { AWS_REGIONS } from '../regions';

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
  .enum(AWS_REGIONS, { error: 'is not an AWS Region name; use a code such as "us-east-1" or "ap-northeast-1"' })
  .describe('AWS Region code, e.g. ap-northeast-1.');

export const Email = z
  .email({ error: 'is not an e-mail address; write it as name@example.com' })
  .describe('E-mail address.');

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
  .describe('Tags applied to the resource.');

/** An OU path such as `Workloads/Prod`; each segment is an OU name. */
export const OuPath = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,127}(\/[A-Za-z0-9][A-Za-z0-9 _.-]{0,127})*$/, {
    error: 'is not an OU path: names of letters, digits, space, "_", "." and "-" joined by "/" (e.g. "Workloads/Prod")',
  })
  .describe('OU path from the root, segments joined by "/", e.g. Workloads/Prod.');

/**
 * Where a policy or setting applies: `Root`, an OU path, or an account name.
 * Resolved by the meaning checks, which report targets that do not exist.
 */
export const Target = z.string().min(1).describe('"Root", an OU path (e.g. "Workloads/Prod") or an account name.');

export const ROOT_TARGET = 'Root';
