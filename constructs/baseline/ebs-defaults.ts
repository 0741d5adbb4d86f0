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
}

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
  }
}
