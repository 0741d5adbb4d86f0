import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { denyInsecureTransport, policyDocument, renderPolicy, type Statement } from '../../lib/policy-document';

export interface SecureBucketProps {
  /** Physical bucket name (from the naming helper). */
  readonly bucketName: string;
  /** Provider of the account and region the bucket lives in. */
  readonly provider?: AwsProvider;
  /**
   * KMS key ARN (or alias ARN) for SSE-KMS with an S3 bucket key.
   * @default - SSE-S3 (AES256)
   */
  readonly kmsKeyArn?: string;
  /**
   * Turn on S3 Object Lock at creation (it cannot be added later without AWS support).
   * @default false
   */
  readonly objectLockEnabled?: boolean;
  /**
   * Statements added to the bucket policy after the TLS-only deny. Use `${bucketArn}` tokens from
   * `bucketArnFor` in them.
   * @default - the bucket policy only denies requests without TLS
   */
  readonly policyStatements?: (bucketArn: string) => Statement[];
  /** Tags on the bucket. */
  readonly tags?: Record<string, string>;
}

/**
 * An S3 bucket that can hold state or logs: versioned, encrypted, public access blocked, owner-enforced,
 * TLS-only, and protected from `terraform destroy` by `prevent_destroy`.
 */
export class SecureBucket extends Construct {
  /** The bucket resource. */
  readonly resource: S3Bucket;
  readonly bucketName: string;
  readonly bucketArn: string;
  /** Other constructs that must wait for the bucket policy (e.g. trails) depend on this. */
  readonly policy: S3BucketPolicy;
  /** Versioning; lifecycle configurations of a versioned bucket depend on it. */
  readonly versioning: S3BucketVersioningA;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    const { provider } = props;

    this.resource = new S3Bucket(this, 'Resource', {
      provider,
      bucket: props.bucketName,
      objectLockEnabled: props.objectLockEnabled || undefined,
      forceDestroy: false,
      tags: props.tags,
      lifecycle: { preventDestroy: true },
    });
    this.bucketName = this.resource.bucket;
    this.bucketArn = this.resource.arn;
    const bucket = this.resource.id;

    this.versioning = new S3BucketVersioningA(this, 'Versioning', {
      provider,
      bucket,
      versioningConfiguration: { status: 'Enabled' },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, 'Encryption', {
      provider,
      bucket,
      rule: [
        props.kmsKeyArn
          ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: props.kmsKeyArn }, bucketKeyEnabled: true }
          : { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } },
      ],
    });
    const publicAccess = new S3BucketPublicAccessBlock(this, 'PublicAccessBlock', {
      provider,
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, 'Ownership', {
      provider,
      bucket,
      rule: { objectOwnership: 'BucketOwnerEnforced' },
    });
    const arn = this.resource.arn;
    this.policy = new S3BucketPolicy(this, 'Policy', {
      provider,
      bucket,
      policy: renderPolicy(policyDocument(denyInsecureTransport([arn, `${arn}/*`]), ...(props.policyStatements?.(arn) ?? []))),
      dependsOn: [publicAccess],
    });
  }
}
