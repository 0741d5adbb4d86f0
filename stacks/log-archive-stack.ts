import type { Construct } from 'constructs';
import { LandingZoneStack, type LandingZoneStackProps } from './landing-zone-stack';
import type { TargetAccount } from '../constructs/core/providers';
import { SecureBucket } from '../constructs/storage';
import { logBucketName, namingOf } from '../lib/naming';

export interface LogArchiveStackProps extends LandingZoneStackProps {
  /** The log-archive account (`management.accounts.get(<log-archive name>)`). */
  readonly account: TargetAccount;
}

/** The log-archive account's stack: the central CloudTrail + Config log bucket. */
export class LogArchiveStack extends LandingZoneStack {
  readonly logBucket: SecureBucket;

  constructor(scope: Construct, id: string, props: LogArchiveStackProps) {
    super(scope, id, props);
    const { config, account } = props;
    const provider = this.providerFor(account, config.organization.homeRegion);
    this.logBucket = new SecureBucket(this, 'LogBucket', {
      provider,
      bucketName: logBucketName(namingOf(config)),
    });
  }
}
