/**
 * Service principals of the AWS services that integrate with AWS Organizations through trusted access: the values
 * EnableAWSServiceAccess accepts and ListAWSServiceAccessForOrganization reports, so the ones
 * `organization.additionalServiceAccessPrincipals` may keep. The organization's list is authoritative in Terraform
 * (aws_service_access_principals), so one principal that is not an integrated service fails the whole update of the
 * management stack's organization.
 *
 * Hand-kept: no maintained package lists them. Source, checked 2026-11: the table of
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services_list.html and, for each service
 * it lists, the service's page linked from it (services-that-can-integrate-<service>.html, sections "Service
 * principals" and "Enabling trusted access"). Where a page names several principals (CloudFormation StackSets, Config,
 * GuardDuty, License Manager), each is listed. AWS User Notifications' page writes "notifications.amazon.com"; the
 * principal its trusted access and service-linked role use is notifications.amazonaws.com, listed here.
 * When AWS adds a service, add its principal here.
 */
export const ORGANIZATIONS_SERVICE_PRINCIPALS: Readonly<Record<string, string>> = {
  'access-analyzer.amazonaws.com': 'IAM Access Analyzer',
  'account.amazonaws.com': 'AWS Account Management',
  'auditmanager.amazonaws.com': 'AWS Audit Manager',
  'aws-artifact-account-sync.amazonaws.com': 'AWS Artifact',
  'backup.amazonaws.com': 'AWS Backup',
  'billing-cost-management.amazonaws.com': 'AWS Billing and Cost Management',
  'cloudtrail.amazonaws.com': 'AWS CloudTrail',
  'compute-optimizer.amazonaws.com': 'AWS Compute Optimizer',
  'config-multiaccountsetup.amazonaws.com': 'AWS Config (organization rules and conformance packs)',
  'config.amazonaws.com': 'AWS Config',
  'controltower.amazonaws.com': 'AWS Control Tower',
  'cost-optimization-hub.bcm.amazonaws.com': 'Cost Optimization Hub',
  'detective.amazonaws.com': 'Amazon Detective',
  'devops-guru.amazonaws.com': 'Amazon DevOps Guru',
  'ds.amazonaws.com': 'AWS Directory Service',
  'eks.amazonaws.com': 'Amazon EKS (dashboard)',
  'fms.amazonaws.com': 'AWS Firewall Manager',
  'guardduty.amazonaws.com': 'Amazon GuardDuty',
  'health.amazonaws.com': 'AWS Health',
  'iam.amazonaws.com': 'AWS Identity and Access Management (centralized root access)',
  'inspector2.amazonaws.com': 'Amazon Inspector',
  'ipam.amazonaws.com': 'Amazon VPC IP Address Manager',
  'license-management.marketplace.amazonaws.com': 'AWS Marketplace',
  'license-manager-linux-subscriptions.amazonaws.com': 'AWS License Manager (Linux subscriptions)',
  'license-manager-user-subscriptions.amazonaws.com': 'AWS License Manager (user-based subscriptions)',
  'license-manager.amazonaws.com': 'AWS License Manager',
  'license-manager.member-account.amazonaws.com': 'AWS License Manager (member accounts)',
  'macie.amazonaws.com': 'Amazon Macie',
  'malware-protection.guardduty.amazonaws.com': 'Amazon GuardDuty Malware Protection',
  'member.org.stacksets.cloudformation.amazonaws.com': 'AWS CloudFormation StackSets',
  'mgn.amazonaws.com': 'AWS Application Migration Service',
  'networkmanager.amazonaws.com': 'AWS Network Manager',
  'notifications.amazonaws.com': 'AWS User Notifications',
  'observabilityadmin.amazonaws.com': 'Amazon CloudWatch (telemetry configuration)',
  'private-marketplace.marketplace.amazonaws.com': 'AWS Marketplace Private Marketplace',
  'q.amazonaws.com': 'Amazon Q Developer',
  'ram.amazonaws.com': 'AWS Resource Access Manager',
  'reachabilityanalyzer.networkinsights.amazonaws.com': 'Amazon VPC Reachability Analyzer',
  'reporting.trustedadvisor.amazonaws.com': 'AWS Trusted Advisor',
  'resource-explorer-2.amazonaws.com': 'AWS Resource Explorer',
  'security-ir.amazonaws.com': 'AWS Security Incident Response',
  'securityhub.amazonaws.com': 'AWS Security Hub',
  'securitylake.amazonaws.com': 'Amazon Security Lake',
  'servicecatalog.amazonaws.com': 'AWS Service Catalog',
  'servicequotas.amazonaws.com': 'Service Quotas',
  'ssm.amazonaws.com': 'AWS Systems Manager',
  'sso.amazonaws.com': 'AWS IAM Identity Center',
  'stacksets.cloudformation.amazonaws.com': 'AWS CloudFormation StackSets',
  'storage-lens.s3.amazonaws.com': 'Amazon S3 Storage Lens',
  'tagpolicies.tag.amazonaws.com': 'Tag policies',
  'wellarchitected.amazonaws.com': 'AWS Well-Architected Tool',
};

/** The page the list comes from, for messages. */
export const ORGANIZATIONS_SERVICES_SOURCE = 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services_list.html';
