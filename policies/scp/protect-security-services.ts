import { policyDocument, type PolicyDocument, type Statement } from '../../lib/policy-document';
import { exceptRoles, roleInAnyAccount, type ExemptRolesOptions } from '../common';

export interface ProtectSecurityServicesOptions extends ExemptRolesOptions {
  /** Log buckets (central and access-log) whose configuration must not change. */
  readonly logBucketNames: readonly string[];
  /** SNS topics that carry findings and non-compliance. */
  readonly topicNames: readonly string[];
  /** The landing zone's own roles (access role, break-glass roles). */
  readonly protectedRoleNames: readonly string[];
}

/** Actions that stop, delete or weaken the detective controls of seed 004. */
export const SECURITY_SERVICE_ACTIONS: readonly string[] = [
  'cloudtrail:DeleteTrail',
  'cloudtrail:PutEventSelectors',
  'cloudtrail:StopLogging',
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
 * Denies stopping, deleting or reconfiguring CloudTrail, Config, GuardDuty, Security Hub and
 * IAM Access Analyzer, and changing the landing zone's own roles, findings topics and log bucket
 * configuration: a workload admin must not be able to switch off what watches them (seed 004).
 * Only the access role (Terraform) and the break-glass roles may.
 */
export function protectSecurityServices(options: ProtectSecurityServicesOptions): PolicyDocument {
  const except = exceptRoles(options.exemptRoleNames);
  const statements: Statement[] = [
    { Sid: 'ProtectSecurityServices', Effect: 'Deny', Action: [...SECURITY_SERVICE_ACTIONS], Resource: '*', Condition: except },
  ];
  if (options.protectedRoleNames.length > 0) {
    statements.push({
      Sid: 'ProtectLandingZoneRoles',
      Effect: 'Deny',
      Action: [
        'iam:AttachRolePolicy',
        'iam:DeleteRole',
        'iam:DeleteRolePermissionsBoundary',
        'iam:DeleteRolePolicy',
        'iam:DetachRolePolicy',
        'iam:PutRolePermissionsBoundary',
        'iam:PutRolePolicy',
        'iam:UpdateAssumeRolePolicy',
        'iam:UpdateRole',
      ],
      Resource: [...new Set(options.protectedRoleNames)].map(roleInAnyAccount),
      Condition: except,
    });
  }
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
