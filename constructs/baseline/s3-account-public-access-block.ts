import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3AccountPublicAccessBlock as S3AccountPublicAccessBlockResource } from '@cdktf/provider-aws/lib/s3-account-public-access-block';

export interface S3AccountPublicAccessBlockProps {
  /** Provider of the account (the setting is account-wide, all regions). */
  readonly provider: AwsProvider;
  /**
   * Id of the account whose existing block is adopted (`adopt.s3PublicAccessBlock`): imported by the
   * account id, then set to block everything.
   * @default - the block is created
   * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/s3_account_public_access_block#import
   */
  readonly existingAccountId?: string;
}

/**
 * S3 Block Public Access for the whole account: public ACLs and public bucket policies are
 * blocked and ignored on every bucket, present and future.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
 */
export class S3AccountPublicAccessBlock extends Construct {
  readonly resource: S3AccountPublicAccessBlockResource;

  constructor(scope: Construct, id: string, props: S3AccountPublicAccessBlockProps) {
    super(scope, id);
    this.resource = new S3AccountPublicAccessBlockResource(this, 'Resource', {
      provider: props.provider,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    if (props.existingAccountId) this.resource.importFrom(props.existingAccountId, props.provider);
  }
}
