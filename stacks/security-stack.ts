import type { Construct } from 'constructs';
import { GuarddutyDetector } from '@cdktf/provider-aws/lib/guardduty-detector';
import { LandingZoneStack, type LandingZoneStackProps } from './landing-zone-stack';
import type { TargetAccount } from '../constructs/core/providers';
import { governedRegions } from '../config/model';

export interface SecurityStackProps extends LandingZoneStackProps {
  /** The security account, delegated administrator of the organization's security services. */
  readonly account: TargetAccount;
}

/** The security account's stack: organization-wide detective services, in every governed region. */
export class SecurityStack extends LandingZoneStack {
  constructor(scope: Construct, id: string, props: SecurityStackProps) {
    super(scope, id, props);
    const { config, account } = props;
    if (config.security.guardDuty.enabled) {
      for (const region of governedRegions(config)) {
        new GuarddutyDetector(this, `GuardDuty-${region}`, {
          provider: this.providerFor(account, region),
          enable: true,
          findingPublishingFrequency: 'FIFTEEN_MINUTES',
        });
      }
    }
  }
}
