import type { Construct } from 'constructs';
import { LandingZoneStack, type LandingZoneStackProps } from './landing-zone-stack';
import { SecureBucket } from '../constructs/storage';
import { TerraformOutput } from '../lib/cdktf';

/**
 * Creates the S3 state bucket that every other stack keeps its state in. It starts with local
 * state (the bucket does not exist yet); after the first apply its state moves into the bucket
 * (`state.bootstrapState: s3`, README "Bootstrap").
 */
export class BootstrapStack extends LandingZoneStack {
  readonly stateBucket: SecureBucket;

  constructor(scope: Construct, id: string, props: LandingZoneStackProps) {
    const { config } = props;
    super(scope, id, { ...props, stateBackend: config.state.bootstrapState === 's3' ? 's3' : 'local' });
    const { bucket, kmsKeyId, region } = config.state;
    if (!bucket) throw new Error('the bootstrap stack needs state.bucket');
    const provider = this.providerForRegion(region ?? config.organization.homeRegion);
    this.stateBucket = new SecureBucket(this, 'StateBucket', {
      provider,
      bucketName: bucket,
      kmsKeyArn: kmsKeyId,
    });
    new TerraformOutput(this, 'state_bucket', { value: this.stateBucket.bucketName });
  }
}
