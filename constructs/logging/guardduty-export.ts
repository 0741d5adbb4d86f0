import { DEFAULT_ENABLED_REGIONS } from '../../config/regions';

/**
 * The GuardDuty detectors that export findings into the log archive: the delegated administrator's (the security
 * account's), one in each security region, all exporting to the Config log bucket with the log-archive key.
 */
export interface GuardDutyExport {
  /** The account whose detectors export findings (the security account): the `aws:SourceAccount` GuardDuty sends. */
  readonly accountId: string;
  /** Regions of its detectors (the security regions). */
  readonly regions: readonly string[];
}

/**
 * Service principals GuardDuty exports findings as: `guardduty.amazonaws.com` from the regions enabled by default,
 * `guardduty.<region>.amazonaws.com` from an opt-in region ("If you're using GuardDuty in a manually-enabled Region,
 * replace the value for the Service with the service endpoint for the Region"), in the order of `regions`.
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_exportfindings.html
 */
export function guardDutyServicePrincipals(regions: readonly string[]): string[] {
  const byDefault: readonly string[] = DEFAULT_ENABLED_REGIONS;
  const principals = regions.map((region) => (byDefault.includes(region) ? 'guardduty.amazonaws.com' : `guardduty.${region}.amazonaws.com`));
  return [...new Set(principals)];
}

/**
 * The `aws:SourceArn` patterns of the exporting detectors, one per region. A detector's id is known only once the
 * delegated administrator's designation has made it (in the security stack, which applies after the log archive),
 * so the id is a wildcard; account and region are not.
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_exportfindings.html
 */
export function guardDutyDetectorArns(exporter: GuardDutyExport): string[] {
  return exporter.regions.map((region) => `arn:aws:guardduty:${region}:${exporter.accountId}:detector/*`);
}

/** A Principal element's Service value: one principal as a string, several as a list. */
export function servicePrincipal(principals: readonly string[]): string | string[] {
  return principals.length === 1 ? principals[0] : [...principals];
}
