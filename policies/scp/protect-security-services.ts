import { policyDocument, type PolicyDocument, type Statement } from '../../lib/policy-document';
import { exceptRoles, roleInAnyAccount, type ExemptRolesOptions } from '../common';

export interface ProtectSecurityServicesOptions extends ExemptRolesOptions {
  /** Log buckets (central and access-log) whose configuration must not change. */
  readonly logBucketNames: readonly string[];
  /** SNS topics that carry findings and non-compliance. */
  readonly topicNames: readonly string[];
  /**
   * Roles only the exempt roles may create, change or delete: the access role, the pipeline's plan and apply roles,
   * Control Tower's execution and service roles. Not the StackSet execution roles either: a role that reaches every
   * account must not be open to a StackSet, which any StackSets delegated administrator can deploy everywhere.
   */
  readonly protectedRoleNames: readonly string[];
  /**
   * Roles the StackSet execution roles may create, change and delete as well as the exempt roles: the break-glass
   * roles, which docs/operations.md deploys with a service-managed StackSet. A name also in protectedRoleNames stays
   * there (the stricter statement wins).
   * @default - none: only roles named like a StackSet execution role
   */
  readonly stackSetRoleNames?: readonly string[];
}

/**
 * Roles CloudFormation StackSets deploy with in a target account: `stacksets-exec-*` for service-managed
 * StackSets (CloudFormation creates it through its service-linked role, which SCPs do not affect; the
 * management account's StackSets role may assume only `stacksets-exec-*`) and
 * `AWSCloudFormationStackSetExecutionRole` for self-managed ones. A StackSet's execution role does whatever its
 * template says for whoever deployed it, and a StackSets delegated administrator (`callAs: DELEGATED_ADMIN`, up to five
 * member accounts) deploys service-managed StackSets to every account of the organization. So these roles are exempt
 * only for what StackSets must do here: create, change and delete the break-glass roles (docs/operations.md) and roles
 * of their own names (a service-managed StackSet is how `AWSCloudFormationStackSetExecutionRole` reaches the accounts
 * for self-managed ones). Nobody else but the exempt roles may create or change roles of these names, so nobody can
 * make a role that passes for one.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-orgs-activate-trusted-access.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-orgs-delegated-admin.html
 * @see https://docs.aws.amazon.com/aws-managed-policy/latest/reference/CloudFormationStackSetsOrgAdminServiceRolePolicy.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-prereqs-self-managed.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
 */
export const STACKSET_EXECUTION_ROLE_NAMES: readonly string[] = ['stacksets-exec-*', 'AWSCloudFormationStackSetExecutionRole'];

/**
 * Actions that create a role of a protected name or change what it may do or who may assume it
 * (`DeleteRole*`: DeleteRole, DeleteRolePolicy, DeleteRolePermissionsBoundary; `PutRole*`: PutRolePolicy,
 * PutRolePermissionsBoundary; `UpdateRole*`: UpdateRole, UpdateRoleDescription), written with wildcards
 * to keep the Root SCP within its 5,120 characters.
 */
export const ROLE_CHANGE_ACTIONS: readonly string[] = [
  'iam:AttachRolePolicy',
  'iam:CreateRole',
  'iam:DeleteRole*',
  'iam:DetachRolePolicy',
  'iam:PutRole*',
  'iam:UpdateAssumeRolePolicy',
  'iam:UpdateRole*',
];

/**
 * Actions that stop, delete or weaken the detective controls of seed 004. CloudTrail Lake: of the actions on an event
 * data store (`eventdatastore` resource in the IAM action list), those that stop it (StopEventDataStoreIngestion),
 * delete it (DeleteEventDataStore, which termination protection blocks until UpdateEventDataStore turns it off) or
 * weaken it (UpdateEventDataStore: retention, termination protection, event selectors, KMS key); the others read,
 * query, tag, share or enrich it. Config: the retention of its configuration items, both ways (Put and Delete), as
 * Control Tower's own Config control denies them.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudtrail.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_UpdateEventDataStore.html
 * @see https://docs.aws.amazon.com/config/latest/APIReference/API_PutRetentionConfiguration.html
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/mandatory-controls.html
 */
export const SECURITY_SERVICE_ACTIONS: readonly string[] = [
  'cloudtrail:DeleteEventDataStore',
  'cloudtrail:DeleteTrail',
  'cloudtrail:PutEventSelectors',
  'cloudtrail:StopEventDataStoreIngestion',
  'cloudtrail:StopLogging',
  'cloudtrail:UpdateEventDataStore',
  'cloudtrail:UpdateTrail',
  'config:DeleteConfigRule',
  'config:DeleteConfigurationAggregator',
  'config:DeleteConfigurationRecorder',
  'config:DeleteConformancePack',
  'config:DeleteDeliveryChannel',
  'config:DeleteRetentionConfiguration',
  'config:PutConfigRule',
  'config:PutConfigurationRecorder',
  'config:PutDeliveryChannel',
  'config:PutRetentionConfiguration',
  'config:StopConfigurationRecorder',
  'guardduty:DeleteDetector',
  'guardduty:DeleteMembers',
  'guardduty:DeletePublishingDestination',
  'guardduty:DisassociateFromAdministratorAccount',
  'guardduty:DisassociateFromMasterAccount',
  'guardduty:DisassociateMembers',
  'guardduty:StopMonitoringMembers',
  'guardduty:UpdateDetector',
  'securityhub:BatchDisableStandards',
  'securityhub:DeleteMembers',
  'securityhub:DisableSecurityHub',
  'securityhub:DisassociateFromAdministratorAccount',
  'securityhub:DisassociateFromMasterAccount',
  'securityhub:DisassociateMembers',
  'access-analyzer:CreateArchiveRule',
  'access-analyzer:DeleteAnalyzer',
  'access-analyzer:UpdateArchiveRule',
];

/**
 * Denies stopping, deleting or reconfiguring CloudTrail (trails and CloudTrail Lake event data stores), Config (its
 * retention too), GuardDuty, Security Hub and IAM Access Analyzer, changing the findings topics and the log buckets'
 * configuration, and creating or changing the landing zone's own roles: a workload admin must not be able to switch
 * off what watches them (seed 004). Only the exempt roles (access role, break-glass roles, exemptRoleNames; Control
 * Tower's execution role in Control Tower mode) may. The roles are protected in two groups, each statement with
 * exactly the exemptions its group needs: protectedRoleNames for the exempt roles only, and stackSetRoleNames with
 * the StackSet execution roles' own names for the exempt roles and the StackSet execution roles.
 */
export function protectSecurityServices(options: ProtectSecurityServicesOptions): PolicyDocument {
  const except = exceptRoles(options.exemptRoleNames);
  const protectedRoles = [...new Set(options.protectedRoleNames)];
  const stackSetRoles = [...new Set([...(options.stackSetRoleNames ?? []), ...STACKSET_EXECUTION_ROLE_NAMES])].filter((n) => !protectedRoles.includes(n));
  const statements: Statement[] = [
    { Sid: 'ProtectSecurityServices', Effect: 'Deny', Action: [...SECURITY_SERVICE_ACTIONS], Resource: '*', Condition: except },
  ];
  if (protectedRoles.length > 0) {
    statements.push({ Sid: 'ProtectLandingZoneRoles', Effect: 'Deny', Action: [...ROLE_CHANGE_ACTIONS], Resource: protectedRoles.map(roleInAnyAccount), Condition: except });
  }
  statements.push({
    Sid: 'ProtectStackSetRoles',
    Effect: 'Deny',
    Action: [...ROLE_CHANGE_ACTIONS],
    Resource: stackSetRoles.map(roleInAnyAccount),
    Condition: exceptRoles([...options.exemptRoleNames, ...STACKSET_EXECUTION_ROLE_NAMES]),
  });
  if (options.topicNames.length > 0) {
    statements.push({
      Sid: 'ProtectFindingsTopics',
      Effect: 'Deny',
      Action: ['sns:DeleteTopic', 'sns:RemovePermission', 'sns:SetTopicAttributes'],
      Resource: options.topicNames.map((t) => `arn:aws:sns:*:*:${t}`),
      Condition: except,
    });
  }
  if (options.logBucketNames.length > 0) {
    statements.push({
      Sid: 'ProtectLogBuckets',
      Effect: 'Deny',
      Action: [
        's3:DeleteBucket',
        's3:DeleteBucketPolicy',
        's3:PutBucketLogging',
        's3:PutBucketPolicy',
        's3:PutBucketVersioning',
        's3:PutEncryptionConfiguration',
        's3:PutLifecycleConfiguration',
      ],
      Resource: options.logBucketNames.map((b) => `arn:aws:s3:::${b}`),
      Condition: except,
    });
  }
  return policyDocument(...statements);
}
