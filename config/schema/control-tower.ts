import { z } from 'zod';
import { OuPath, Region } from './common';

/*
 * An organization governed by AWS Control Tower (the `controlTower` section; absent: no Control Tower).
 * Control Tower keeps what it owns: in every enrolled account (an account of a registered OU) and each of
 * its governed regions its AWS Config recorder and delivery channel, its organization trail, its execution
 * role, and its controls with their SCPs. The landing zone adds everything else and never creates a second
 * of those (docs/control-tower.md has the split). lz import fills this section in when it finds a landing zone.
 */

/** IAM role names: 1-64 of letters, digits and +=,.@_-. */
const RoleName = z.string().regex(/^[\w+=,.@-]{1,64}$/, { error: 'is not an IAM role name (1-64 of letters, digits and +=,.@_-)' });

/** Control Tower's own names, for docs, discovery and the checks. */
export const CONTROL_TOWER = {
  executionRole: 'AWSControlTowerExecution',
  recorder: 'aws-controltower-BaselineConfigRecorder',
  deliveryChannel: 'aws-controltower-BaselineConfigDeliveryChannel',
  trail: 'aws-controltower-BaselineCloudTrail',
  /** Prefix of the SCPs that carry Control Tower's preventive controls. */
  scpPrefix: 'aws-guardrails-',
  /** Prefix of Control Tower's roles, stacks, topics and rules in enrolled accounts. */
  resourcePrefix: 'aws-controltower-',
  servicePrincipal: 'controltower.amazonaws.com',
} as const;

export const ControlTowerSchema = z
  .strictObject({
    homeRegion: Region.describe('Control Tower\'s home region (where its landing zone was set up).'),
    governedRegions: z
      .array(Region)
      .min(1, { error: 'needs at least Control Tower\'s home region' })
      .describe('Regions Control Tower governs: where it runs its Config recorders in enrolled accounts. Must include every region of organization.governedRegions.'),
    registeredOus: z
      .array(OuPath)
      .default([])
      .describe('OU paths registered with Control Tower. Their accounts are enrolled: Control Tower owns their Config recorders in its governed regions.'),
    enrolledAccounts: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Accounts (config names) Control Tower has enrolled, where lz import saw its Config recorder. Only these accounts are enrolled: the others, also accounts of a registered OU (CreateAccount does not enroll an account), get the landing zone\'s own recorder. Omitted: the existing accounts (with an id) of the registered OUs are taken as enrolled; run lz import to record what Control Tower really enrolled.',
      ),
    organizationTrail: z
      .boolean()
      .default(true)
      .describe('Control Tower runs the organization trail (its landing zone setting). true: the landing zone makes no trail of its own. Default true.'),
    executionRoleName: RoleName.default(CONTROL_TOWER.executionRole).describe('Control Tower\'s execution role in enrolled accounts. Default AWSControlTowerExecution.'),
    useExecutionRole: z
      .boolean()
      .default(true)
      .describe('Terraform reaches enrolled accounts through the execution role instead of organization.accessRoleName (accounts made by Account Factory have no OrganizationAccountAccessRole). Default true.'),
    scpsPerRegisteredOu: z
      .number()
      .int()
      .min(0, { error: 'must be 0 to 4' })
      .max(4, { error: 'must be at most 4 (an OU takes 5 SCPs, one of them FullAWSAccess)' })
      .default(1)
      .describe('SCPs Control Tower\'s controls take on each registered OU (aws-guardrails-*); the landing zone packs its own into the rest of the 5 per target. lz import counts them. Default 1.'),
  })
  .describe('AWS Control Tower governs this organization: the landing zone leaves Control Tower\'s recorders, trail, execution role and controls alone (docs/control-tower.md).');

export type ControlTowerConfig = z.infer<typeof ControlTowerSchema>;
