import { z } from 'zod';
import { Region, Target } from './common';
import { ORGANIZATION_POLICY_TYPES } from './policy-types';

/** An Organizations policy id (p-..., AWS managed ones such as p-FullAWSAccess included). */
export const PolicyId = z.string().regex(/^p-[0-9a-zA-Z_]{8,128}$/, { error: 'is not a policy id; it looks like "p-abcd1234" (aws organizations list-policies)' });

const RoleName = z
  .string()
  .regex(/^[\w+=,.@-]{1,64}$/, { error: 'is not an IAM role name (1-64 of letters, digits and +=,.@_-)' });

/** One enforced tag key of the tag-policy catalogue entry. */
export const EnforcedTag = z.strictObject({
  values: z
    .array(z.string().min(1).max(256))
    .optional()
    .describe('Allowed values (wildcard "*" allowed at the end). Omitted: any value is compliant.'),
  enforcedFor: z
    .array(z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9*-]+$/, { error: 'is not a resource type; write "service:type", e.g. "ec2:instance" or "s3:*"' }))
    .optional()
    .describe('Resource types ("ec2:instance", "s3:*") where noncompliant tagging operations are blocked. Omitted: only reported.'),
});

/**
 * Options of catalogue entries. Each entry reads the options that apply to it; the meaning checks
 * report an option given to an entry that does not use it.
 */
export const GuardrailOptions = z
  .strictObject({
    exemptRoleNames: z
      .array(RoleName)
      .optional()
      .describe('More exempt roles, besides organization.accessRoleName and breakGlassRoleNames (any account: arn:aws:iam::*:role/<name>).'),
    allowedRegions: z
      .array(Region)
      .optional()
      .describe('region-deny: Regions allowed besides organization.governedRegions. Omitted: only the governed Regions.'),
    vpcBlockPublicAccess: z
      .enum(['block_bidirectional', 'block_ingress', 'off'], { error: 'is not a VPC BPA mode; use block_bidirectional, block_ingress or off' })
      .optional()
      .describe('ec2-block-public-access: VPC Block Public Access mode for internet gateways. Omitted: block_bidirectional.'),
    vpcExclusionsAllowed: z
      .boolean()
      .optional()
      .describe('ec2-block-public-access: whether account admins may exclude VPCs or subnets that must face the internet. Omitted: true.'),
    imageBlockPublicAccess: z
      .boolean()
      .optional()
      .describe('ec2-block-public-access: block public sharing of AMIs. Omitted: true.'),
    snapshotBlockPublicAccess: z
      .enum(['block_all_sharing', 'block_new_sharing', 'unblocked'], {
        error: 'is not an EBS snapshot BPA mode; use block_all_sharing, block_new_sharing or unblocked',
      })
      .optional()
      .describe('ec2-block-public-access: EBS snapshot Block Public Access mode. Omitted: block_all_sharing.'),
    imdsv2Required: z
      .boolean()
      .optional()
      .describe(
        'ec2-block-public-access: require IMDSv2 (tokens) on new instances; where the policy applies, the account baselines do not set instance metadata defaults (AWS refuses them there). false: the policy leaves IMDS out and each account\'s baseline.instanceMetadata applies. Omitted: true.',
      ),
    tags: z
      .record(z.string().min(1).max(128), EnforcedTag)
      .optional()
      .describe('tag-policy: tag keys (exact capitalization) with allowed values and enforced resource types. Omitted: CostCenter, reported only.'),
    optInServices: z
      .array(z.string().regex(/^[a-z0-9-]+$/, { error: 'is not an AI service name, e.g. "lex" or "rekognition"' }))
      .optional()
      .describe('ai-opt-out: AI services left opted in (service names from the AI opt-out policy syntax). Omitted: every service opts out.'),
  })
  .describe('Options of a catalogue entry; each entry uses only the options named for it.');

export type GuardrailOptionsConfig = z.infer<typeof GuardrailOptions>;

/** One guardrail: a catalogue entry (`policy`) or a custom document (`file` or `document`). */
export const GuardrailEntry = z
  .strictObject({
    policy: z
      .string()
      .min(1)
      .optional()
      .describe('Catalogue name (e.g. region-deny). Listing a catalogue entry that is on by default replaces its targets, options and switch.'),
    file: z
      .string()
      .min(1)
      .optional()
      .describe('Custom policy: JSON file, relative to the folder of the config file. Checked for grammar and unknown actions.'),
    document: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Custom policy written inline (the loader fills this from `file`).'),
    id: PolicyId.optional().describe(
      'Adopt an existing policy of the organization (listed in guardrails.existing): the first plan imports it and its attachments to these targets instead of creating a second policy of the same name, then sets the content this entry renders.',
    ),
    name: z
      .string()
      .regex(/^[A-Za-z0-9][\w+=,.@-]{0,127}$/, { error: 'is not a policy name (letters, digits and +=,.@_-, at most 128)' })
      .optional()
      .describe('Policy name in Organizations. Default: the catalogue name, or the file name without .json.'),
    description: z.string().max(512).optional().describe('Policy description. Default: what the catalogue entry denies, or "Custom policy <file>".'),
    enabled: z.boolean().default(true).describe('false switches the entry off (also a default one).'),
    targets: z
      .array(Target)
      .optional()
      .describe('Where it is attached: "Root", OU paths or account names. Default for catalogue entries: their default targets; required for custom ones.'),
    options: GuardrailOptions.optional(),
  })
  .describe('A catalogue entry by `policy` name, or a custom policy by `file` / `document`.');

export type GuardrailEntryConfig = z.infer<typeof GuardrailEntry>;

/** A policy that exists in the organization and that this file does not write (lz import lists them). */
export const ExistingPolicy = z
  .strictObject({
    id: PolicyId.describe('Policy id.'),
    name: z.string().min(1).max(128).describe('Policy name in Organizations.'),
    type: z.enum(ORGANIZATION_POLICY_TYPES, { error: `is not an Organizations policy type; use one of ${ORGANIZATION_POLICY_TYPES.join(', ')}` }).describe('Policy type.'),
    targets: z.array(Target).default([]).describe('Where it is attached: "Root", OU paths and account names of this file.'),
    ec2Attributes: z
      .array(z.string().regex(/^[a-z0-9_]+$/, { error: 'is not an EC2 attribute of a declarative policy, e.g. "instance_metadata_defaults"' }))
      .optional()
      .describe(
        'For a DECLARATIVE_POLICY_EC2: the EC2 account attributes it declares (keys under ec2_attributes), written by lz import. Accounts it reaches cannot set them, so their baselines leave them alone (instance metadata defaults).',
      ),
  })
  .describe('An existing organization policy and its attachments.');

export type ExistingPolicyConfig = z.infer<typeof ExistingPolicy>;

const entries = (what: string) => z.array(GuardrailEntry).default([]).describe(what);

/** Preventive controls: catalogue policies and custom policy files, with their targets (seed 004). */
export const GuardrailsSchema = z
  .strictObject({
    enabled: z.boolean().default(true).describe('false: no organization policies at all (none created, none attached).'),
    defaults: z
      .boolean()
      .default(true)
      .describe('Switch on the seed 004 set: SCPs and RCPs and the EC2 declarative policy at Root, protect-log-archive, deny-all on Suspended.'),
    scp: entries('Service control policies (catalogue or custom).'),
    rcp: entries('Resource control policies (catalogue or custom).'),
    declarative: entries('Declarative policies for EC2 (catalogue or custom).'),
    tag: entries('Tag policies (catalogue or custom).'),
    aiOptOut: entries('AI services opt-out policies (catalogue or custom).'),
    backup: entries('Backup policies (custom only).'),
    existing: z
      .array(ExistingPolicy)
      .default([])
      .describe(
        'Policies that exist in the organization and are not written by this file (custom SCPs, backup and tag policies of other teams, ...), with their attachments, as lz import found them. They are never detached or changed; they count against the per-target quotas when the guardrails are packed, and their types stay enabled. A guardrail entry with `id` adopts one instead.',
      ),
  })
  .describe('Organization policies from the tested catalogue and custom files, and where they are attached.');

export type GuardrailsConfig = z.infer<typeof GuardrailsSchema>;
