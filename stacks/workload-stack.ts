import type { Construct } from 'constructs';
import { EbsEncryptionByDefault } from '@cdktf/provider-aws/lib/ebs-encryption-by-default';
import { LandingZoneStack, type LandingZoneStackProps } from './landing-zone-stack';
import type { TargetAccount } from '../constructs/core/providers';
import type { AccountConfig } from '../config/schema';
import { governedRegions } from '../config/model';

export interface WorkloadStackProps extends LandingZoneStackProps {
  /** The account's entry in the config. */
  readonly accountConfig: AccountConfig;
  /** The account's id (`management.accounts.get(name)`). */
  readonly account: TargetAccount;
}

/** A member account's baseline, in every governed region, applied through the access role. */
export class WorkloadStack extends LandingZoneStack {
  constructor(scope: Construct, id: string, props: WorkloadStackProps) {
    super(scope, id, props);
    const { config, account } = props;
    for (const region of governedRegions(config)) {
      new EbsEncryptionByDefault(this, `EbsEncryption-${region}`, {
        provider: this.providerFor(account, region),
        enabled: config.baseline.ebsEncryptionByDefault,
      });
    }
  }
}
