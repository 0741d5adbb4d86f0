import { z } from 'zod';
import { Region } from './common';

export const StateSchema = z
  .strictObject({
    backend: z
      .enum(['s3', 'cloud', 'local'], { error: 'must be one of s3, cloud, local' })
      .default('local')
      .describe('Where each stack keeps its Terraform state.'),
    bucket: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: 'is not a valid S3 bucket name (3-63 lowercase letters, digits, "." and "-")' })
      .optional()
      .describe('S3 bucket for state (backend s3); the bootstrap stack creates it.'),
    region: Region.optional().describe('Region of the state bucket (backend s3); defaults to organization.homeRegion.'),
    keyPrefix: z
      .string()
      .regex(/^[A-Za-z0-9!_.*'()/-]+$/, { error: 'is not a usable S3 key prefix (letters, digits and !_.*\'()/-)' })
      .default('landing-zone')
      .describe('State key is <keyPrefix>/<stack-id>.tfstate.'),
    kmsKeyId: z.string().optional().describe('KMS key (id, alias or ARN) for state encryption; default: SSE-S3 (AES256).'),
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
        organization: z.string().min(1).describe('Terraform Cloud / Enterprise organization.'),
        workspacePrefix: z
          .string()
          .regex(/^[A-Za-z0-9_-]+$/, { error: 'is not a workspace prefix (letters, digits, "_" and "-")' })
          .describe('Workspace of a stack is <workspacePrefix>-<stack-id>.'),
        hostname: z.string().default('app.terraform.io').describe('Terraform Cloud or Enterprise host.'),
      })
      .optional()
      .describe('Terraform Cloud settings (backend cloud).'),
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
