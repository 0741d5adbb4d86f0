import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { EbsEncryptionByDefault } from '@cdktf/provider-aws/lib/ebs-encryption-by-default';

export interface EbsDefaultsProps {
  /** Provider of the account in the region (the setting is regional). */
  readonly provider: AwsProvider;
  /**
   * Encrypt every new EBS volume and snapshot copy by default (with the region's `aws/ebs` key).
   * @default true
   */
  readonly encryptionByDefault?: boolean;
  /**
   * Encryption by default is already on in the region (`adopt.ebsEncryptionByDefault`): the setting is
   * imported (id `default`, the provider's fixed id for the region's setting).
   * @default false - the setting is written without an import
   * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/ebs_encryption_by_default#import
   */
  readonly adoptExisting?: boolean;
}

/** The provider's import id of a region's EBS encryption-by-default setting. */
export const EBS_ENCRYPTION_BY_DEFAULT_IMPORT_ID = 'default';

/**
 * EBS defaults of one region of an account.
 * @see https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html
 */
export class EbsDefaults extends Construct {
  readonly resource: EbsEncryptionByDefault;

  constructor(scope: Construct, id: string, props: EbsDefaultsProps) {
    super(scope, id);
    this.resource = new EbsEncryptionByDefault(this, 'Resource', {
      provider: props.provider,
      enabled: props.encryptionByDefault ?? true,
    });
    if (props.adoptExisting) this.resource.importFrom(EBS_ENCRYPTION_BY_DEFAULT_IMPORT_ID, props.provider);
  }
}
