import { z } from 'zod';
import { Region } from './common';

/**
 * Why `name` is not a usable general purpose S3 bucket name, or undefined.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return `is ${name.length} characters long; S3 bucket names are 3-63 characters`;
  if (!/^[a-z0-9.-]+$/.test(name)) return 'is not a valid S3 bucket name: only lowercase letters, digits, "." and "-"';
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) return 'is not a valid S3 bucket name: it must begin and end with a letter or digit';
  if (name.includes('..')) return 'is not a valid S3 bucket name: two periods may not be adjacent';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return 'is not a valid S3 bucket name: it may not look like an IP address';
  const prefix = ['xn--', 'sthree-', 'amzn-s3-demo-'].find((p) => name.startsWith(p));
  if (prefix) return `is not a valid S3 bucket name: the prefix "${prefix}" is reserved by AWS`;
  const suffix = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'].find((x) => name.endsWith(x));
  if (suffix) return `is not a valid S3 bucket name: the suffix "${suffix}" is reserved by AWS`;
  return undefined;
}

/**
 * Why `prefix` cannot start an S3 backend state key (`<prefix>/<stack-id>.tfstate`), or undefined.
 * Terraform's s3 backend refuses keys that start or end with "/" or contain "//" at init.
 */
export function keyPrefixProblem(prefix: string): string | undefined {
  if (prefix.startsWith('/') || prefix.endsWith('/')) return 'may not start or end with "/" (Terraform\'s s3 backend refuses such keys at init); write e.g. "landing-zone" or "platform/landing-zone"';
  if (prefix.includes('//')) return 'may not contain "//" (Terraform\'s s3 backend refuses such keys at init)';
  if (!/^[A-Za-z0-9!_.*'()/-]+$/.test(prefix)) return 'is not a usable S3 key prefix: letters, digits and !_.*\'()/- only (S3 safe characters)';
  if (prefix.length > 900) return 'is too long for an S3 key (1,024 bytes with the stack file name)';
  return undefined;
}

/** KMS key id, multi-Region key id, alias or ARN of either (the s3 backend's kms_key_id). */
const KMS_KEY = /^(?:(?:mrk-[0-9a-f]{32})|(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})|(?:alias\/[A-Za-z0-9/_-]{1,250})|(?:arn:aws:kms:[a-z0-9-]+:\d{12}:(?:key\/(?:mrk-[0-9a-f]{32}|[0-9a-f-]{36})|alias\/[A-Za-z0-9/_-]{1,250})))$/;

export const StateSchema = z
  .strictObject({
    backend: z
      .enum(['s3', 'cloud', 'local'], { error: 'must be one of s3, cloud, local' })
      .default('local')
      .describe('Where each stack keeps its Terraform state.'),
    bucket: z
      .string()
      .superRefine((v, ctx) => {
        const why = bucketNameProblem(v);
        if (why) ctx.addIssue({ code: 'custom', message: why });
      })
      .optional()
      .describe('S3 bucket for state (backend s3); the bootstrap stack creates it.'),
    region: Region.optional().describe('Region of the state bucket (backend s3); defaults to organization.homeRegion.'),
    keyPrefix: z
      .string()
      .min(1, { error: 'is empty; the state key would start with "/", which Terraform refuses; write e.g. "landing-zone"' })
      .superRefine((v, ctx) => {
        const why = v.length > 0 ? keyPrefixProblem(v) : undefined;
        if (why) ctx.addIssue({ code: 'custom', message: why });
      })
      .default('landing-zone')
      .describe('State key is <keyPrefix>/<stack-id>.tfstate.'),
    kmsKeyId: z
      .string()
      .regex(KMS_KEY, { error: 'is not a KMS key id, alias or ARN: e.g. "1234abcd-12ab-34cd-56ef-1234567890ab", "alias/tfstate" or "arn:aws:kms:us-east-1:111111111111:key/..."' })
      .optional().describe('KMS key (id, alias or ARN) for state encryption; default: SSE-S3 (AES256).'),
    bootstrap: z
      .boolean()
      .default(true)
      .describe('With backend s3: synthesize the bootstrap stack that creates the state bucket (local state).'),
    bootstrapState: z
      .enum(['local', 's3'], { error: 'must be local or s3' })
      .default('local')
      .describe('State of the bootstrap stack itself: local until the bucket exists, then s3 after the one-time migration (README).'),
    cloud: z
      .strictObject({
        organization: z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,255}$/, { error: 'is not a Terraform Cloud organization name (letters, digits, "_" and "-")' })
          .describe('Terraform Cloud / Enterprise organization.'),
        workspacePrefix: z
          .string()
          .regex(/^[A-Za-z0-9_-]+$/, { error: 'is not a workspace prefix (letters, digits, "_" and "-")' })
          .describe('Workspace of a stack is <workspacePrefix>-<stack-id>.'),
        project: z
          .string()
          .regex(/^[A-Za-z0-9_-](?:[A-Za-z0-9 _-]{1,38})[A-Za-z0-9_-]$/, {
            error: 'is not an HCP Terraform project name: 3-40 letters, digits, spaces, "-" and "_", not starting or ending with a space (e.g. "Default Project")',
          })
          .default('Default Project')
          .describe('HCP Terraform project of the workspaces: new workspaces are made in it, and the CI roles trust runs of the workspaces in this project only.'),
        hostname: z
          .string()
          .regex(/^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+(?::\d{1,5})?$/, {
            error: 'is not a host name; write it without https://, e.g. "app.terraform.io" or "tfe.example.com"',
          })
          .default('app.terraform.io').describe('Terraform Cloud or Enterprise host.'),
      })
      .optional()
      .describe('Terraform Cloud settings (backend cloud).'),
    writers: z
      .array(
        z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:(root|role\/[\w+=,.@\/*?-]+|user\/[\w+=,.@\/*?-]+)$/, {
          error:
            'is not an IAM principal ARN: write a role, user or root ARN of the management account, e.g. "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_AdministratorAccess_*" (wildcards * and ? allowed)',
        }),
      )
      .optional()
      .describe(
        'Principals of the management account (IAM ARNs, wildcards allowed) that may write the state objects, besides the management account root user, the CI apply role (ci.provider github) and organization.breakGlassRoleNames; the state bucket\'s policy denies every other principal any object write (backend s3 with bootstrap). List the administrator role that runs the bootstrap stack and its state migration (README "Bootstrap"). Without ci.provider github, setting it turns the restriction on; default: none besides those.',
      ),
    localDirectory: z
      .string()
      .default('terraform-state')
      .describe('Folder, relative to the synthesized stack folder\'s parent, for state files (backend local).'),
  })
  .superRefine((s, ctx) => {
    if (s.backend === 's3' && !s.bucket) {
      ctx.addIssue({ code: 'custom', path: ['bucket'], message: 'is required with backend s3; name the state bucket, e.g. "acme-tfstate-111111111111"' });
    }
    if (s.backend === 'cloud' && !s.cloud) {
      ctx.addIssue({ code: 'custom', path: ['cloud'], message: 'is required with backend cloud; set { organization: <tfc-org>, workspacePrefix: lz }' });
    }
  })
  .describe('Terraform state: S3 (with native locking), Terraform Cloud workspaces, or local files.');

export type StateConfig = z.infer<typeof StateSchema>;
