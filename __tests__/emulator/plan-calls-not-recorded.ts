/**
 * The AWS calls `terraform plan` makes for resource types whose refresh the emulator runs never record
 * (plan-api-calls.ts), read from the AWS provider's source (hashicorp/terraform-provider-aws, the Read of each
 * resource under internal/service/): resources moto cannot apply (gaps.ts, and those switched off with them),
 * resources the examples do not make, and reads the provider makes only on a condition moto never meets.
 * `__tests__/policies/plan-role-reads.test.ts` proves the plan roles allow them, and checks that every
 * resource type the product can synthesize is recorded or listed here.
 */
export interface UnrecordedPlanCalls {
  /** `"<SDK service id>:<operation>"`, as in the recorded files. */
  readonly calls: readonly string[];
  readonly why: 'switched off on moto' | 'not in the examples' | 'only on a condition moto never meets';
  /** The provider source file and function that make the calls. */
  readonly source: string;
}

export const PLAN_CALLS_NOT_RECORDED: Readonly<Record<string, UnrecordedPlanCalls>> = {
  aws_accessanalyzer_analyzer: { calls: ['AccessAnalyzer:GetAnalyzer'], why: 'switched off on moto', source: 'accessanalyzer/analyzer.go findAnalyzerByName' },
  aws_budgets_budget: {
    calls: ['Budgets:DescribeBudget', 'Budgets:DescribeNotificationsForBudget', 'Budgets:DescribeSubscribersForNotification', 'Budgets:ListTagsForResource'],
    why: 'switched off on moto',
    source: 'budgets/budget.go findBudgetByTwoPartKey, findNotifications, findSubscribers, tags',
  },
  aws_cloudformation_stack_set: { calls: ['CloudFormation:DescribeStackSet'], why: 'switched off on moto', source: 'cloudformation/stack_set.go findStackSetByName' },
  aws_cloudformation_stack_set_instance: {
    calls: ['CloudFormation:DescribeStackInstance', 'CloudFormation:ListStackInstances'],
    why: 'switched off on moto',
    source: 'cloudformation/stack_set_instance.go findStackInstanceByFourPartKey, findStackInstanceSummariesByFourPartKey',
  },
  aws_cloudtrail: {
    calls: ['CloudTrail:GetEventSelectors', 'CloudTrail:GetInsightSelectors'],
    why: 'only on a condition moto never meets',
    source: 'cloudtrail/trail.go resourceTrailRead: when the trail HasCustomEventSelectors / HasInsightSelectors',
  },
  aws_cloudtrail_event_data_store: { calls: ['CloudTrail:GetEventDataStore', 'CloudTrail:ListTags'], why: 'switched off on moto', source: 'cloudtrail/event_data_store.go findEventDataStore, tags' },
  aws_cloudtrail_organization_delegated_admin_account: {
    calls: ['Organizations:ListDelegatedAdministrators'],
    why: 'switched off on moto',
    source: 'cloudtrail/organization_delegated_admin_account.go Read: organizations FindDelegatedAdministratorByTwoPartKey',
  },
  'data.aws_organizations_organizational_unit_child_accounts': {
    calls: ['Organizations:ListAccountsForParent'],
    why: 'not in the examples',
    source: 'organizations/organizational_unit_child_accounts_data_source.go: organizations findAccountsForParentByID (only while an account stack imports a moved account)',
  },
  aws_detective_graph: { calls: ['Detective:ListGraphs', 'Detective:ListTagsForResource'], why: 'switched off on moto', source: 'detective/graph.go FindGraphByARN, tags' },
  aws_detective_member: { calls: ['Detective:ListMembers'], why: 'switched off on moto', source: 'detective/member.go FindMemberByGraphByTwoPartKey' },
  aws_detective_organization_admin_account: { calls: ['Detective:ListOrganizationAdminAccounts'], why: 'switched off on moto', source: 'detective/organization_admin_account.go' },
  aws_detective_organization_configuration: { calls: ['Detective:DescribeOrganizationConfiguration'], why: 'switched off on moto', source: 'detective/organization_configuration.go' },
  aws_ec2_instance_metadata_defaults: { calls: ['EC2:GetInstanceMetadataDefaults'], why: 'switched off on moto', source: 'ec2/ec2_instance_metadata_defaults.go findInstanceMetadataDefaults' },
  aws_guardduty_detector_feature: { calls: ['GuardDuty:GetDetector'], why: 'switched off on moto', source: 'guardduty/detector_feature.go findDetectorFeatureByTwoPartKey' },
  aws_guardduty_organization_configuration: { calls: ['GuardDuty:DescribeOrganizationConfiguration'], why: 'switched off on moto', source: 'guardduty/organization_configuration.go' },
  aws_guardduty_organization_configuration_feature: { calls: ['GuardDuty:DescribeOrganizationConfiguration'], why: 'switched off on moto', source: 'guardduty/organization_configuration_feature.go' },
  aws_guardduty_publishing_destination: { calls: ['GuardDuty:DescribePublishingDestination'], why: 'switched off on moto', source: 'guardduty/publishing_destination.go' },
  aws_iam_organizations_features: { calls: ['IAM:ListOrganizationsFeatures'], why: 'switched off on moto', source: 'iam/organizations_features.go findOrganizationsFeatures' },
  aws_macie2_account: { calls: ['Macie2:GetMacieSession'], why: 'not in the examples', source: 'macie2/account.go resourceAccountRead' },
  aws_macie2_member: { calls: ['Macie2:GetMember'], why: 'not in the examples', source: 'macie2/member.go findMemberByID' },
  aws_macie2_organization_admin_account: { calls: ['Macie2:ListOrganizationAdminAccounts'], why: 'not in the examples', source: 'macie2/organization_admin_account.go' },
  aws_macie2_organization_configuration: { calls: ['Macie2:DescribeOrganizationConfiguration'], why: 'not in the examples', source: 'macie2/organization_configuration.go' },
  aws_s3_bucket_logging: { calls: ['S3:GetBucketLogging'], why: 'switched off on moto', source: 's3/bucket_logging.go findLoggingEnabled' },
  aws_securityhub_configuration_policy: { calls: ['SecurityHub:GetConfigurationPolicy'], why: 'switched off on moto', source: 'securityhub/configuration_policy.go' },
  aws_securityhub_configuration_policy_association: {
    calls: ['SecurityHub:GetConfigurationPolicyAssociation'],
    why: 'switched off on moto',
    source: 'securityhub/configuration_policy_association.go findConfigurationPolicyAssociation',
  },
  aws_securityhub_finding_aggregator: { calls: ['SecurityHub:GetFindingAggregator'], why: 'switched off on moto', source: 'securityhub/finding_aggregator.go' },
  aws_securityhub_organization_admin_account: { calls: ['SecurityHub:ListOrganizationAdminAccounts'], why: 'switched off on moto', source: 'securityhub/organization_admin_account.go' },
  aws_securityhub_organization_configuration: { calls: ['SecurityHub:DescribeOrganizationConfiguration'], why: 'switched off on moto', source: 'securityhub/organization_configuration.go' },
  aws_ssoadmin_account_assignment: { calls: ['SSO Admin:ListAccountAssignments'], why: 'switched off on moto', source: 'ssoadmin/account_assignment.go' },
  aws_ssoadmin_customer_managed_policy_attachment: {
    calls: ['SSO Admin:ListCustomerManagedPolicyReferencesInPermissionSet'],
    why: 'not in the examples',
    source: 'ssoadmin/customer_managed_policy_attachment.go',
  },
  aws_ssoadmin_managed_policy_attachment: { calls: ['SSO Admin:ListManagedPoliciesInPermissionSet'], why: 'switched off on moto', source: 'ssoadmin/managed_policy_attachment.go' },
  aws_ssoadmin_permission_set: { calls: ['SSO Admin:DescribePermissionSet', 'SSO Admin:ListTagsForResource'], why: 'switched off on moto', source: 'ssoadmin/permission_set.go, tags' },
  aws_ssoadmin_permission_set_inline_policy: {
    calls: ['SSO Admin:GetInlinePolicyForPermissionSet'],
    why: 'switched off on moto',
    source: 'ssoadmin/permission_set_inline_policy.go findPermissionSetInlinePolicy',
  },
};

/**
 * Types whose refresh calls no AWS API of the provider: `terraform_data` is Terraform's own, and
 * `terraform_remote_state` reads another stack's state object through the S3 backend (the CI plan identity's
 * state statements, not ReadOnlyAccess).
 */
export const TYPES_WITHOUT_PROVIDER_CALLS: readonly string[] = ['terraform_data', 'data.terraform_remote_state'];
