import { policyDocument, type PolicyDocument } from '../../lib/policy-document';

export interface OrgPrincipalsOnlyOptions {
  /** This organization's id (o-...); a Terraform reference is fine. */
  readonly organizationId: string;
}

/**
 * Services and actions covered by the data-perimeter RCPs (all support RCPs). STS is limited to the
 * actions an AWS principal calls, so federation (AssumeRoleWithSAML / WebIdentity) keeps working.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html#rcp-supported-services
 */
export const PERIMETER_ACTIONS: readonly string[] = [
  's3:*',
  'sqs:*',
  'kms:*',
  'secretsmanager:*',
  'sts:AssumeRole',
  'sts:DecodeAuthorizationMessage',
  'sts:GetAccessKeyInfo',
  'sts:GetFederationToken',
  'sts:GetServiceBearerToken',
  'sts:GetSessionToken',
  'sts:SetContext',
];

/**
 * Denies S3, SQS, KMS, Secrets Manager and STS access to the organization's resources by principals
 * outside the organization (and by anonymous callers), whatever a bucket or key policy says; AWS
 * services acting for this organization stay allowed, but only when aws:SourceOrgID is this
 * organization (confused-deputy protection). Seed 004: "organization principals only".
 * @see https://github.com/aws-samples/data-perimeter-policy-examples
 */
export function orgPrincipalsOnly(options: OrgPrincipalsOnlyOptions): PolicyDocument {
  const actions = [...PERIMETER_ACTIONS];
  return policyDocument(
    {
      Sid: 'EnforceOrgIdentities',
      Effect: 'Deny',
      Principal: '*',
      Action: actions,
      Resource: '*',
      Condition: {
        StringNotEqualsIfExists: { 'aws:PrincipalOrgID': options.organizationId },
        BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
      },
    },
    {
      Sid: 'EnforceConfusedDeputyProtection',
      Effect: 'Deny',
      Principal: '*',
      Action: actions,
      Resource: '*',
      Condition: {
        StringNotEqualsIfExists: { 'aws:SourceOrgID': options.organizationId },
        Null: { 'aws:SourceAccount': 'false' },
        Bool: { 'aws:PrincipalIsAWSService': 'true' },
      },
    },
  );
}
