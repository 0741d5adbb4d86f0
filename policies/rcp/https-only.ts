import { policyDocument, type PolicyDocument } from '../../lib/policy-document';

/**
 * Denies every request to the organization's S3, SQS, KMS, Secrets Manager and STS resources made
 * without TLS (aws:SecureTransport false), for every principal: data in transit stays encrypted
 * even where a bucket policy forgot to say so (seed 004: "HTTPS only").
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_examples.html
 */
export function httpsOnly(): PolicyDocument {
  return policyDocument({
    Sid: 'EnforceSecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: ['s3:*', 'sqs:*', 'kms:*', 'secretsmanager:*', 'sts:*'],
    Resource: '*',
    Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
  });
}
