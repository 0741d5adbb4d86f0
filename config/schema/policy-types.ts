/**
 * AWS Organizations policy types (the PolicyType enum of the Organizations API, as in
 * @aws-sdk/client-organizations), and the subset the pinned AWS provider (hashicorp/aws 5.100.0) accepts in
 * aws_organizations_organization.enabled_policy_types and aws_organizations_policy.type.
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_EnablePolicyType.html
 */
export const ORGANIZATION_POLICY_TYPES = [
  'SERVICE_CONTROL_POLICY',
  'RESOURCE_CONTROL_POLICY',
  'DECLARATIVE_POLICY_EC2',
  'TAG_POLICY',
  'AISERVICES_OPT_OUT_POLICY',
  'BACKUP_POLICY',
  'CHATBOT_POLICY',
  'SECURITYHUB_POLICY',
  'SECURITYHUB_CSPM_POLICY',
  'INSPECTOR_POLICY',
  'GUARDDUTY_POLICY',
  'BEDROCK_POLICY',
  'S3_POLICY',
  'NETWORK_SECURITY_DIRECTOR_POLICY',
  'UPGRADE_ROLLOUT_POLICY',
] as const;
export type OrganizationPolicyType = (typeof ORGANIZATION_POLICY_TYPES)[number];

/**
 * The types hashicorp/aws 5.100.0 accepts in enabled_policy_types (its validation: "expected enabled_policy_types to
 * be one of [...]", checked with terraform validate). A type outside this list cannot be written into the
 * authoritative list at all, so an organization that has one enabled is managed without it
 * (stacks/management: the list is then not managed by Terraform and the landing zone enables its own types itself).
 */
export const PROVIDER_POLICY_TYPES: readonly OrganizationPolicyType[] = [
  'SERVICE_CONTROL_POLICY',
  'RESOURCE_CONTROL_POLICY',
  'TAG_POLICY',
  'BACKUP_POLICY',
  'AISERVICES_OPT_OUT_POLICY',
  'CHATBOT_POLICY',
  'DECLARATIVE_POLICY_EC2',
];
