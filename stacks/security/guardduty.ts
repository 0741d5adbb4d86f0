import type { Construct } from 'constructs';
import { GuardDutyOrganization } from '../../constructs/security';
import { GUARDDUTY_FINDINGS_PREFIX, configLogBucketName } from '../../lib/naming';
import type { SecurityContext } from './context';
import { adoptionOf } from '../../config/brownfield';

/**
 * GuardDuty for every account in every security region, findings exported to the log archive. The security
 * account's detectors that `lz import` found (its `adopt.guardDutyDetectors`) are imported by their ids; the
 * other accounts' detectors are a record only (auto-enable ALL makes existing detectors members).
 */
export function addGuardDuty(scope: Construct, ctx: SecurityContext, logKeyArn: string): void {
  const settings = ctx.config.security.guardDuty;
  if (!settings.enabled) return;
  // The Config log bucket, not the Object Lock CloudTrail bucket (lib/naming.ts configLogBucketName).
  const destination = `arn:aws:s3:::${configLogBucketName(ctx.naming)}/${GUARDDUTY_FINDINGS_PREFIX}`;
  const detectors = adoptionOf(ctx.config, ctx.account).guardDutyDetectors as Partial<Record<string, string>>;
  for (const region of ctx.regions) {
    new GuardDutyOrganization(scope, `GuardDuty-${region}`, {
      provider: ctx.providerIn(region),
      features: settings.features,
      findingPublishingFrequency: settings.findingPublishingFrequency,
      exportDestinationArn: settings.exportFindings ? destination : undefined,
      exportKmsKeyArn: settings.exportFindings ? logKeyArn : undefined,
      existingDetectorId: detectors[region],
    });
  }
}
