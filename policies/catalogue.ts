import type { GuardrailOptionsConfig, LandingZoneConfig } from '../config/schema';
import { findingsTopicName, logBucketName, configLogBucketName, accessLogBucketName, namingOf, type NamingInput } from '../lib/naming';
import { governedRegions } from '../config/model';
import type { PolicyKind } from './kinds';
import { ORGANIZATION_ID_PLACEHOLDER } from './common';
import { accessRoleNames } from '../config/brownfield';
import { adoptedOrganization } from '../config/takeover';
import { controlTowerExecutionRoleNames, controlTowerServiceRoleNames } from './control-tower-roles';
import { denyLeaveOrganization } from './scp/deny-leave-organization';
import { denyRootUser } from './scp/deny-root-user';
import { regionDeny } from './scp/region-deny';
import { protectSecurityServices } from './scp/protect-security-services';
import { denyIamUserAccessKeys } from './scp/deny-iam-user-access-keys';
import { protectLogArchive } from './scp/protect-log-archive';
import { denyAll } from './scp/deny-all';
import { orgPrincipalsOnly } from './rcp/org-principals-only';
import { httpsOnly } from './rcp/https-only';
import { ec2BlockPublicAccess } from './declarative/ec2-block-public-access';
import { tagPolicy, TAG_POLICY_DEFAULTS } from './tag/tag-policy';
import { aiOptOut } from './ai-opt-out/ai-opt-out';

/** What every catalogue entry may read from the config. */
export interface GuardrailContext {
  readonly accessRoleName: string;
  /**
   * Every role Terraform may assume in member accounts (config/brownfield.ts accessRoleNames): the access role
   * and, in Control Tower mode, Control Tower's execution role.
   */
  readonly accessRoleNames: readonly string[];
  /**
   * Control Tower's execution role (policies/control-tower-roles.ts): exempt wherever the access role is, as Control
   * Tower's own controls exempt it; none without Control Tower.
   */
  readonly controlTowerExecutionRoleNames: readonly string[];
  /**
   * Control Tower's service roles (aws-controltower-ConfigRecorderRole, ...): exempt from region-deny only, as Control
   * Tower's Region deny control exempts them and its other controls do not; protected by name; none without Control Tower.
   */
  readonly controlTowerServiceRoleNames: readonly string[];
  readonly breakGlassRoleNames: readonly string[];
  /** The pipeline's roles (ci.planRoleName in every account, ci.applyRoleName in the management account): protected, never exempt. */
  readonly pipelineRoleNames: readonly string[];
  /** The read-only plan role (ci.planRoleName). */
  readonly planRoleName: string;
  readonly governedRegions: readonly string[];
  /** Organization id, or ORGANIZATION_ID_PLACEHOLDER until the management stack fills in the reference. */
  readonly organizationId: string;
  readonly naming: NamingInput;
  /**
   * organization.id is set (config/takeover.ts): options of organization-wide behaviour settings that the config does
   * not write are left out of the documents instead of taking their secure defaults.
   */
  readonly adoptedOrganization: boolean;
}

export function guardrailContext(config: LandingZoneConfig): GuardrailContext {
  return {
    accessRoleName: config.organization.accessRoleName,
    accessRoleNames: accessRoleNames(config),
    controlTowerExecutionRoleNames: controlTowerExecutionRoleNames(config),
    controlTowerServiceRoleNames: controlTowerServiceRoleNames(config),
    breakGlassRoleNames: config.organization.breakGlassRoleNames,
    pipelineRoleNames: [config.ci.planRoleName, config.ci.applyRoleName],
    planRoleName: config.ci.planRoleName,
    governedRegions: governedRegions(config),
    organizationId: ORGANIZATION_ID_PLACEHOLDER,
    naming: namingOf(config),
    adoptedOrganization: adoptedOrganization(config),
  };
}

export type OptionName = keyof GuardrailOptionsConfig;

export interface CatalogueEntry {
  readonly kind: PolicyKind;
  /** Policy description in Organizations: what it denies. */
  readonly description: string;
  /** Options this entry reads. */
  readonly options: readonly OptionName[];
  /** The document, as a JSON value (IAM grammar for SCP / RCP, management grammar otherwise). */
  render(context: GuardrailContext, options: GuardrailOptionsConfig): object;
}

/**
 * Access role, break-glass roles and the entry's own exemptRoleNames; in Control Tower mode also its execution
 * role (listed last, so a config without controlTower renders exactly as before). Not Control Tower's service roles:
 * only region-deny exempts them, as Control Tower's Region deny control does.
 */
function exempt(c: GuardrailContext, o: GuardrailOptionsConfig): string[] {
  return [...new Set([c.accessRoleName, ...c.breakGlassRoleNames, ...(o.exemptRoleNames ?? []), ...c.accessRoleNames, ...c.controlTowerExecutionRoleNames])];
}

function logBuckets(c: GuardrailContext): string[] {
  return [logBucketName(c.naming), configLogBucketName(c.naming), accessLogBucketName(c.naming)];
}

/** The built-in guardrails by name; each document comes from its own file under policies/. */
export const CATALOGUE: Readonly<Record<string, CatalogueEntry>> = {
  'deny-leave-organization': {
    kind: 'scp',
    description: 'Denies organizations:LeaveOrganization to everyone in member accounts.',
    options: [],
    render: () => denyLeaveOrganization(),
  },
  'deny-root-user': {
    kind: 'scp',
    description: 'Denies every action by member account root users (root access management replaces root use).',
    options: [],
    render: () => denyRootUser(),
  },
  'region-deny': {
    kind: 'scp',
    description: 'Denies requests outside the governed Regions, except global services, the exempt roles and the read-only plan role.',
    options: ['exemptRoleNames', 'allowedRegions'],
    // Control Tower's service roles, as its own Region deny control exempts them; and the read-only plan role: with
    // security.regions all, the security stack plans in every Region.
    render: (c, o) =>
      regionDeny({ allowedRegions: [...c.governedRegions, ...(o.allowedRegions ?? [])], exemptRoleNames: [...exempt(c, o), ...c.controlTowerServiceRoleNames, c.planRoleName] }),
  },
  'protect-security-services': {
    kind: 'scp',
    description: 'Denies stopping or changing CloudTrail, Config, GuardDuty, Security Hub, Access Analyzer and the landing zone roles, topics and log buckets.',
    options: ['exemptRoleNames'],
    render: (c, o) =>
      protectSecurityServices({
        exemptRoleNames: exempt(c, o),
        // Roles that reach every account, open to the exempt roles only; Control Tower's roles too: nobody else may make
        // a role that passes for one (and so for an exempt role).
        protectedRoleNames: [
          ...new Set([c.accessRoleName, ...c.pipelineRoleNames, ...c.accessRoleNames, ...c.controlTowerExecutionRoleNames, ...c.controlTowerServiceRoleNames]),
        ],
        // The break-glass roles: also open to the StackSet execution roles (docs/operations.md deploys them with a StackSet).
        stackSetRoleNames: c.breakGlassRoleNames,
        topicNames: [findingsTopicName(c.naming)],
        logBucketNames: logBuckets(c),
      }),
  },
  'deny-iam-user-access-keys': {
    kind: 'scp',
    description: 'Denies creating IAM users and access keys; people sign in through IAM Identity Center.',
    options: ['exemptRoleNames'],
    render: (c, o) => denyIamUserAccessKeys({ exemptRoleNames: exempt(c, o) }),
  },
  'protect-log-archive': {
    kind: 'scp',
    description: 'Denies deleting or weakening the log buckets, their objects and the log KMS key, except for the access role.',
    options: [],
    render: (c) => protectLogArchive({ accessRoleName: c.accessRoleName, otherAccessRoleNames: c.accessRoleNames, logBucketNames: logBuckets(c) }),
  },
  'deny-all': {
    kind: 'scp',
    description: 'Denies everything except the access role and the read-only plan role (Suspended OU).',
    options: [],
    render: (c) => denyAll({ accessRoleName: c.accessRoleName, planRoleName: c.planRoleName, otherRoleNames: [...c.accessRoleNames, ...c.controlTowerExecutionRoleNames] }),
  },
  'org-principals-only': {
    kind: 'rcp',
    description: 'Denies S3, SQS, KMS, Secrets Manager and STS access by principals outside the organization.',
    options: [],
    render: (c) => orgPrincipalsOnly({ organizationId: c.organizationId }),
  },
  'https-only': {
    kind: 'rcp',
    description: 'Denies requests without TLS to S3, SQS, KMS, Secrets Manager and STS.',
    options: [],
    render: () => httpsOnly(),
  },
  'ec2-block-public-access': {
    kind: 'declarative',
    description: 'VPC, AMI and EBS snapshot Block Public Access, IMDSv2 required.',
    options: ['vpcBlockPublicAccess', 'vpcExclusionsAllowed', 'imageBlockPublicAccess', 'snapshotBlockPublicAccess', 'imdsv2Required'],
    render: (c, o) =>
      ec2BlockPublicAccess(
        {
          vpcBlockPublicAccess: o.vpcBlockPublicAccess,
          vpcExclusionsAllowed: o.vpcExclusionsAllowed,
          imageBlockPublicAccess: o.imageBlockPublicAccess,
          snapshotBlockPublicAccess: o.snapshotBlockPublicAccess,
          imdsv2Required: o.imdsv2Required,
        },
        { onlyGiven: c.adoptedOrganization },
      ),
  },
  'tag-policy': {
    kind: 'tag',
    description: 'Standard tag keys and values.',
    options: ['tags'],
    render: (_c, o) => tagPolicy(o.tags ? { tags: o.tags } : TAG_POLICY_DEFAULTS),
  },
  'ai-opt-out': {
    kind: 'aiOptOut',
    description: 'Opts out of AI services content use.',
    options: ['optInServices'],
    render: (_c, o) => aiOptOut({ optInServices: o.optInServices ?? [] }),
  },
};
