import type { SideEffect } from '../harness/emulator/apply';
import type { SwitchEntry } from '../harness/emulator/switches';

/**
 * What moto 5.2.1 cannot do that real AWS does: the only resources the emulator apply test
 * (apply-*.test.ts) switches off (`count = 0`; everything that references them, also through
 * outputs in later stacks, is switched off with them and counted as a dependent) or applies with
 * some values withheld or arguments set. After the main apply the test switches every entry back
 * on, once, in the first stack where it matches, applies it alone (`-target`), and fails when moto
 * no longer fails it, so this list cannot outlive the gap. gaps.test.ts checks that every entry
 * still matches a resource of the examples.
 */
export const EMULATOR_GAPS: readonly SwitchEntry[] = [
  {
    resource: 'aws_organizations_organization',
    withhold: { attribute: 'aws_service_access_principals', values: ['iam.amazonaws.com'] },
    moto: 'EnableAWSServiceAccess refuses iam.amazonaws.com: "You specified an unrecognized service principal"',
    failsWith: /unrecognized service principal/,
    aws: 'iam.amazonaws.com is the trusted-access principal for centralized root access management: https://docs.aws.amazon.com/organizations/latest/userguide/services-that-can-integrate-iam.html',
  },
  {
    resource: 'aws_organizations_organization',
    withhold: { attribute: 'aws_service_access_principals', values: ['malware-protection.guardduty.amazonaws.com'] },
    moto: 'EnableAWSServiceAccess refuses malware-protection.guardduty.amazonaws.com: "You specified an unrecognized service principal"',
    failsWith: /unrecognized service principal/,
    aws: 'GuardDuty Malware Protection for EC2 needs trusted access for its own principal in a multi-account organization: https://docs.aws.amazon.com/guardduty/latest/ug/configure-malware-protection-guardduty-initiated-multi-account.html',
  },
  {
    resource: 'aws_organizations_organization',
    withhold: { attribute: 'enabled_policy_types', values: ['DECLARATIVE_POLICY_EC2'] },
    moto: 'EnablePolicyType refuses DECLARATIVE_POLICY_EC2: "You specified an invalid value"',
    failsWith: /EnablePolicyType|invalid value/,
    aws: 'DECLARATIVE_POLICY_EC2 is an Organizations policy type: https://docs.aws.amazon.com/organizations/latest/APIReference/API_EnablePolicyType.html',
  },
  {
    resource: 'aws_organizations_policy',
    where: { type: 'DECLARATIVE_POLICY_EC2' },
    moto: 'CreatePolicy refuses the DECLARATIVE_POLICY_EC2 type',
    failsWith: /CreatePolicy|invalid|DECLARATIVE/i,
    aws: 'Declarative policies for EC2 are created with CreatePolicy Type=DECLARATIVE_POLICY_EC2: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_declarative.html',
  },
  {
    resource: 'aws_ec2_instance_metadata_defaults',
    moto: 'ModifyInstanceMetadataDefaults is not implemented (HTTP 500)',
    failsWith: /ModifyInstanceMetadataDefaults/,
    aws: 'Account-level instance metadata defaults per region: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyInstanceMetadataDefaults.html',
  },
  {
    resource: 'aws_organizations_delegated_administrator',
    where: { service_principal: 'config.amazonaws.com' },
    moto: 'RegisterDelegatedAdministrator refuses config.amazonaws.com: "You specified an unrecognized service principal"',
    failsWith: /unrecognized service principal/,
    aws: 'config.amazonaws.com supports a delegated administrator registered through Organizations: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services_list.html',
  },
  {
    resource: 'aws_iam_organizations_features',
    moto: 'IAM EnableOrganizationsRootCredentialsManagement is not implemented (HTTP 500)',
    failsWith: /EnableOrganizationsRoot/,
    aws: 'Centralized root access for member accounts: https://docs.aws.amazon.com/IAM/latest/APIReference/API_EnableOrganizationsRootCredentialsManagement.html',
  },
  {
    resource: 'aws_securityhub_organization_admin_account',
    moto: 'Security Hub ListOrganizationAdminAccounts is not implemented (HTTP 404), so the provider never sees the registration finish',
    failsWith: /ListOrganizationAdminAccounts/,
    aws: 'https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_ListOrganizationAdminAccounts.html',
  },
  {
    resource: 'aws_s3_bucket_logging',
    moto: 'PutBucketLogging crashes (HTTP 500, AttributeError in moto) when the target bucket policy has a statement with "Principal": "*" (our TLS-only deny)',
    failsWith: /PutBucketLogging/,
    aws: 'Server access logging to a target bucket whose policy grants logging.s3.amazonaws.com s3:PutObject; other statements do not matter: https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html',
  },
  {
    resource: 'aws_cloudtrail_organization_delegated_admin_account',
    moto: 'CloudTrail RegisterOrganizationDelegatedAdmin is not implemented (HTTP 500 with an HTML page)',
    failsWith: /RegisterOrganizationDelegatedAdmin/,
    aws: "CloudTrail's own delegated-administrator registration (it also creates CloudTrail's service-linked role in the management account): https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_RegisterOrganizationDelegatedAdmin.html",
  },
  {
    resource: 'aws_guardduty_organization_configuration',
    moto: 'GuardDuty UpdateOrganizationConfiguration is not implemented (HTTP 404); the organization configuration features wait for it',
    failsWith: /UpdateOrganizationConfiguration/,
    aws: 'Auto-enable for the organization from the delegated administrator: https://docs.aws.amazon.com/guardduty/latest/APIReference/API_UpdateOrganizationConfiguration.html',
  },
  {
    resource: 'aws_guardduty_organization_configuration_feature',
    moto: 'GuardDuty DescribeOrganizationConfiguration is not implemented (HTTP 404), so the provider cannot read an organization feature',
    failsWith: /DescribeOrganizationConfiguration|UpdateOrganizationConfiguration/,
    aws: 'Auto-enabled protection plans for the organization: https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DescribeOrganizationConfiguration.html',
  },
  {
    resource: 'aws_guardduty_detector_feature',
    moto: 'UpdateDetector keeps no Features: the provider reads the feature back and finds none ("empty result")',
    failsWith: /empty result|Detector Feature/,
    aws: 'Detector features (protection plans) are part of the detector: https://docs.aws.amazon.com/guardduty/latest/APIReference/API_UpdateDetector.html',
  },
  {
    resource: 'aws_guardduty_publishing_destination',
    moto: 'GuardDuty CreatePublishingDestination is not implemented (HTTP 404)',
    failsWith: /CreatePublishingDestination/,
    aws: 'Exporting findings to S3: https://docs.aws.amazon.com/guardduty/latest/APIReference/API_CreatePublishingDestination.html',
  },
  {
    resource: 'terraform_data',
    name: /^StackSetsOrganizationsAccess/,
    moto: 'CloudFormation ActivateOrganizationsAccess is not implemented (HTTP 500): the AWS CLI call of the StackSets trusted-access activation fails; the StackSets delegated administrator and the StackSets wait for it',
    failsWith: /activate-organizations-access/,
    aws: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ActivateOrganizationsAccess.html',
  },
  {
    resource: 'aws_securityhub_finding_aggregator',
    moto: 'Security Hub CreateFindingAggregator is not implemented (HTTP 404)',
    failsWith: /CreateFindingAggregator/,
    aws: 'Cross-region aggregation of findings: https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_CreateFindingAggregator.html',
  },
  {
    resource: 'aws_securityhub_organization_configuration',
    moto: 'UpdateOrganizationConfiguration is refused ("no administrator account has been designated"): the delegated administrator registration is itself a gap here (aws_securityhub_organization_admin_account above)',
    failsWith: /no administrator account has been designated|UpdateOrganizationConfiguration/,
    aws: 'Central configuration from the delegated administrator: https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_UpdateOrganizationConfiguration.html',
  },
  {
    resource: 'aws_securityhub_configuration_policy',
    moto: 'Security Hub CreateConfigurationPolicy is not implemented (HTTP 404)',
    failsWith: /ConfigurationPolic|no administrator account/,
    aws: 'https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_CreateConfigurationPolicy.html',
  },
  {
    resource: 'aws_securityhub_configuration_policy_association',
    moto: 'Security Hub StartConfigurationPolicyAssociation is not implemented (HTTP 404)',
    failsWith: /ConfigurationPolicyAssociation|ConfigurationPolic|no administrator account/,
    aws: 'https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_StartConfigurationPolicyAssociation.html',
  },
  {
    resource: 'aws_accessanalyzer_analyzer',
    moto: 'moto has no IAM Access Analyzer service: CreateAnalyzer answers HTTP 500 with an HTML page',
    failsWith: /CreateAnalyzer/,
    aws: 'Organization analyzers (external and unused access) from the delegated administrator: https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CreateAnalyzer.html',
  },
  {
    resource: 'aws_cloudtrail',
    set: { enable_logging: false },
    moto: 'StartLogging looks the trail up by name only (KeyError, HTTP 500) while the provider passes the trail ARN; the trail itself is created',
    failsWith: /StartLogging/,
    aws: 'StartLogging takes the trail name or ARN (the ARN is required for a trail of another region or an organization trail from a member): https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StartLogging.html',
  },
  {
    resource: 'aws_detective_organization_admin_account',
    moto: 'moto has no Detective service: EnableOrganizationAdminAccount answers HTTP 500 with an HTML page',
    failsWith: /EnableOrganizationAdminAccount|Detective/,
    aws: 'https://docs.aws.amazon.com/detective/latest/APIReference/API_EnableOrganizationAdminAccount.html',
  },
  {
    resource: 'aws_detective_graph',
    moto: 'moto has no Detective service: CreateGraph answers HTTP 500 with an HTML page',
    failsWith: /CreateGraph|Detective/,
    aws: 'https://docs.aws.amazon.com/detective/latest/APIReference/API_CreateGraph.html',
  },
  {
    resource: 'aws_cloudtrail_event_data_store',
    moto: 'CloudTrail Lake is not implemented: CreateEventDataStore answers HTTP 500 with an HTML page',
    failsWith: /CreateEventDataStore/,
    aws: 'Organization event data stores (CloudTrail Lake): https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateEventDataStore.html',
  },
  {
    resource: 'aws_cloudformation_stack_set',
    moto: 'CreateStackSet ignores AutoDeployment, ManagedExecution and CallAs (moto documents them as not implemented), so the stack set reads back without them and the next plan replaces it',
    failsWith: /StackSet|stack set/i,
    aws: 'Service-managed stack sets keep their automatic deployment and managed execution settings: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStackSet.html',
  },
  {
    resource: 'aws_ssoadmin_permission_set',
    moto: 'SSO Admin ListTagsForResource is not implemented (HTTP 500), so the provider cannot read the permission set back after creating it',
    failsWith: /ListTagsForResource/,
    aws: 'Permission sets are taggable and ListTagsForResource lists their tags: https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_ListTagsForResource.html',
  },
  {
    resource: 'aws_budgets_budget',
    moto: 'Budgets ListTagsForResource and DescribeSubscribersForNotification are not implemented (HTTP 500), so the provider cannot read the budget back after creating it',
    failsWith: /ListTagsForResource|DescribeSubscribersForNotification/,
    aws: 'Budgets are taggable since 2024 and ListTagsForResource lists their tags: https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_ListTagsForResource.html',
  },
  {
    resource: 'aws_config_configuration_recorder',
    imported: true,
    set: { lifecycle: { ignore_changes: 'all' } },
    moto: 'An adopted recorder cannot be updated: moto returns exclusionByResourceTypes {"resourceTypes": []} for an all-supported recorder, the provider sends it back as {} with the update, and moto, comparing the object literally, answers InvalidRecordingGroupException. The recorder is imported and kept as it was (ignore_changes = all)',
    failsWith: /InvalidRecordingGroupException/,
    aws: 'An empty exclusion list excludes nothing; exclusionByResourceTypes is only read with the EXCLUSION_BY_RESOURCE_TYPES strategy: https://docs.aws.amazon.com/config/latest/APIReference/API_RecordingGroup.html',
  },
];


/**
 * What real AWS does as a side effect of an earlier apply and moto does not: the test does it in the
 * emulator before the stack that relies on it applies (harness/emulator/side-effects.py), instead of
 * switching the stack's resources off.
 */
export const EMULATOR_SIDE_EFFECTS: readonly SideEffect[] = [
  {
    what: 'a GuardDuty detector in the delegated administrator account, in every region the security stack looks one up (data.aws_guardduty_detector)',
    moto: 'EnableOrganizationAdminAccount registers the administrator but creates no detector in its account. The test creates it with the providers\' default tags, because moto has no GuardDuty TagResource (HTTP 404): a detector without them could not take them after the import',
    aws: 'Designating the GuardDuty delegated administrator enables GuardDuty (a detector) in that account in the region: https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_organizations.html',
  },
];

/**
 * What the brownfield scenario's seed (harness/emulator/brownfield.py) does differently from the
 * organization it stands for, because moto cannot do what the landing zone then does in AWS.
 */
export const EMULATOR_SEED_ADJUSTMENTS: readonly SideEffect[] = [
  {
    what: 'the pre-existing GuardDuty detectors are created with the landing zone\'s default tags (managed-by, landing-zone)',
    moto: 'GuardDuty TagResource is not implemented (HTTP 404): the security stack adopts the delegated administrator\'s existing detector, and the provider\'s default tags would be added with TagResource',
    aws: 'Detectors are taggable after creation: https://docs.aws.amazon.com/guardduty/latest/APIReference/API_TagResource.html',
  },
  {
    what: 'BACKUP_POLICY is enabled at the root with no backup policy attached (the other policy type in use, TAG_POLICY, has one)',
    moto: 'CreatePolicy with Type BACKUP_POLICY answers HTTP 500 (NotImplementedError: "The BACKUP_POLICY policy type has not been implemented")',
    aws: 'Backup policies are organization policies of type BACKUP_POLICY: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_backup.html',
  },
];

/**
 * Where a scenario's emulator holds something else than the AWS state the scenario starts from, because moto cannot
 * hold that state, and how the test stands in for it.
 */
export const EMULATOR_SCENARIO_ADJUSTMENTS: readonly SideEffect[] = [
  {
    what: 'new-organization scenario (run-new-organization.ts): no IAM Identity Center instance until the console step. A loopback front in front of moto for SSO Admin (AWS_ENDPOINT_URL_SSO_ADMIN, harness/emulator/sso-admin-front.ts) answers ListInstances with no instance; the console step lets moto answer from then on',
    moto: 'Every SSO Admin backend (each account and region) starts with one ACTIVE instance, and moto has no call that creates or deletes an instance, so no account or region of moto is without one',
    aws: 'An organization instance exists only once someone enables IAM Identity Center in the console of the management account, after the organization exists; CreateInstance makes account instances only: https://docs.aws.amazon.com/singlesignon/latest/userguide/get-set-up-for-idc.html, https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreateInstance.html',
  },
];
