import { z } from 'zod';
import { Region, Target } from './common';

export const STACK_SET_CAPABILITIES = ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'] as const;

/** One service-managed CloudFormation StackSet deployed to OUs (seed 001: baseline templates applied centrally). */
export const StackSetSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, {
      error: 'is not a StackSet name: start with a letter, then up to 127 letters, digits and hyphens (e.g. "security-roles")',
    })
    .describe('StackSet name; unique, also its construct id (never rename: that replaces the StackSet).'),
  template: z
    .string()
    .min(1)
    .optional()
    .describe('CloudFormation template file (JSON or YAML), relative to the folder of the config file. Read by the config loader.'),
  templateBody: z
    .string()
    .min(1)
    .optional()
    .describe('The template text inline. Set by the loader from `template`; write it yourself only instead of `template`.'),
  description: z.string().max(1024).optional().describe('StackSet description.'),
  parameters: z
    .record(z.string().regex(/^[A-Za-z0-9]{1,255}$/, { error: 'is not a CloudFormation parameter name (letters and digits)' }), z.string())
    .default({})
    .describe('Template parameters by name. Every parameter of the template, including those with a Default, should be listed so Terraform sees no drift.'),
  targets: z
    .array(Target)
    .min(1, { error: 'needs at least one OU path (or "Root") to deploy to' })
    .describe('OU paths (or "Root") whose accounts get a stack instance; accounts added to them later get one automatically.'),
  regions: z
    .array(Region)
    .min(1, { error: 'needs at least one region; leave regions out for every governed region' })
    .optional()
    .describe('Regions of the stack instances. Default: every governed region.'),
  capabilities: z
    .array(z.enum(STACK_SET_CAPABILITIES, { error: `must be one of ${STACK_SET_CAPABILITIES.join(', ')}` }))
    .default([])
    .describe('Capabilities the template needs, e.g. CAPABILITY_NAMED_IAM for named IAM roles.'),
  autoDeployment: z
    .strictObject({
      enabled: z.boolean().default(true).describe('Deploy to accounts that join a target OU later. Default true.'),
      retainStacksOnAccountRemoval: z.boolean().default(false).describe('Keep the stack when an account leaves a target OU. Default false (the stack is deleted).'),
    })
    .prefault({})
    .describe('Automatic deployment to accounts added to the target OUs.'),
  callAs: z
    .enum(['SELF', 'DELEGATED_ADMIN'], { error: 'must be SELF (management account) or DELEGATED_ADMIN (the security account)' })
    .default('SELF')
    .describe('SELF: created from the management account. DELEGATED_ADMIN: created from the security account, which must be a registered StackSets delegated administrator. Default SELF.'),
  maxConcurrentPercentage: z.number().int().min(1).max(100).default(25).describe('Percent of accounts deployed to at once per region. Default 25.'),
  failureTolerancePercentage: z.number().int().min(0).max(100).default(0).describe('Percent of accounts that may fail per region before the operation stops. Default 0.'),
});

/** Service-managed CloudFormation StackSets deployed to OUs (seed 001). */
export const StackSetsSchema = z
  .array(StackSetSchema)
  .describe('Service-managed CloudFormation StackSets with automatic deployment to OUs (optional; for teams that keep CloudFormation templates).');

export type StackSetConfig = z.infer<typeof StackSetSchema>;
export type StackSetsConfig = z.infer<typeof StackSetsSchema>;
