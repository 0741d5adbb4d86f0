import type { AdoptConfig } from '../config/schema/adopt';
import type { AccountFindings } from './account';
import { controlTowerOwned } from './control-tower';
import type { FoundTrail } from './trails';

/** Where Control Tower runs the account's Config recorder: whether the account is enrolled and the region governed. */
export interface ControlTowerScope {
  /** Whether Control Tower owns the account's recorder and channel in the region. */
  readonly ownsConfig: (region: string) => boolean;
}

/** An `adopt` section as written to the file: only what exists, keys in the schema's order. */
export type AdoptEntries = Partial<AdoptConfig>;

/** What decides `takeOver` on the management account's organization trails. */
export interface TrailChoices {
  /** The landing zone's own organization trail (organizationTrailName): never marked. @default - none */
  readonly ownTrail?: string;
  /** takeOver already chosen in the file, by `<name> <region>`: kept as it is. @default - none */
  readonly takeOver?: ReadonlyMap<string, boolean>;
}

/** The key of a trail in TrailChoices.takeOver. */
export const trailKey = (t: { readonly name: string; readonly region: string }): string => `${t.name} ${t.region}`;

/**
 * The trail entries: `managementEvents: false` where a trail records none (true is the default and not written), and
 * `takeOver` on each organization trail of the management account that records management events and is neither the
 * landing zone's own nor Control Tower's: the choice already in the file, else false (left alone) with a note.
 */
function trailEntries(findings: AccountFindings, trails: readonly FoundTrail[], choices: TrailChoices, notes: string[]): Array<Record<string, unknown>> {
  return trails.map((t) => {
    const entry: Record<string, unknown> = { name: t.name, region: t.region, organization: t.organization, multiRegion: t.multiRegion };
    if (!t.managementEvents) entry.managementEvents = false;
    const decides = findings.account.management && t.organization && t.managementEvents && t.name !== choices.ownTrail && !controlTowerOwned('trail', t.name);
    if (!decides) return entry;
    const chosen = choices.takeOver?.get(trailKey(t));
    entry.takeOver = chosen ?? false;
    if (chosen === undefined) {
      notes.push(
        `The management account's organization trail "${t.name}" (${t.region}) records management events and is not the landing zone's: it is left alone (adopt.trails takeOver: false), and the landing zone makes no second trail recording management events. To take it over, set takeOver: true: the first plan imports it under its name, then delivers it to the log archive with the landing zone's settings.`,
      );
    }
    return entry;
  });
}

/**
 * The `adopt` section for what an account runs, and notes for the file header. Only what exists becomes an entry.
 * In Control Tower mode (`controlTower` given) Control Tower's own recorder, delivery channel and trail are never
 * entries: Control Tower keeps them and the landing zone makes none where Control Tower owns the recorder. Trails
 * carry managementEvents and, for the management account's organization trails, takeOver (trailChoices).
 */
export function adoptEntries(findings: AccountFindings, controlTower?: ControlTowerScope, trailChoices: TrailChoices = {}): { adopt: AdoptEntries; notes: string[] } {
  const notes: string[] = [];
  const who = findings.account.management ? `the management account` : findings.account.name;
  const regions = Object.entries(findings.regions);
  const configRecorders: NonNullable<AdoptEntries['configRecorders']> = {};
  for (const [region, { config }] of regions) {
    const ctRecorder = controlTower && controlTowerOwned('recorder', config.recorder);
    if (ctRecorder) {
      if (!controlTower.ownsConfig(region)) {
        notes.push(
          `${who} runs Control Tower's recorder in ${region}, but the config does not make Control Tower own it there (account not in controlTower.registeredOus, or region not in controlTower.governedRegions): fix controlTower, or the plan creates a second recorder, which AWS refuses.`,
        );
      }
      continue;
    }
    if (config.recorder) {
      const channel = controlTower && controlTowerOwned('deliveryChannel', config.deliveryChannel) ? undefined : config.deliveryChannel;
      configRecorders[region as keyof typeof configRecorders] = { recorder: config.recorder, ...(channel ? { deliveryChannel: channel } : {}) };
      if (config.allSupported === false) notes.push(`${who}: the Config recorder "${config.recorder}" in ${region} records selected resource types only; the plan changes it in place to record all of them.`);
    } else if (config.deliveryChannel && !(controlTower && controlTowerOwned('deliveryChannel', config.deliveryChannel))) {
      notes.push(
        `${who} has a Config delivery channel "${config.deliveryChannel}" in ${region} without a recorder: AWS allows one channel per region, so the landing zone cannot add its own; delete that channel (aws configservice delete-delivery-channel) before the apply.`,
      );
    }
  }
  const regionMap = <T>(pick: (r: AccountFindings['regions'][string]) => T | undefined) =>
    Object.fromEntries(regions.map(([region, r]) => [region, pick(r)]).filter(([, v]) => v !== undefined && v !== false)) as Record<string, T>;
  const guardDutyDetectors = regionMap((r) => r.guardDutyDetector);
  const accessAnalyzers = regionMap((r) => r.accessAnalyzers[0]);
  for (const [region, r] of regions) {
    if (r.accessAnalyzers.length > 1) notes.push(`${who} has ${r.accessAnalyzers.length} account analyzers in ${region} (${r.accessAnalyzers.join(', ')}); "${r.accessAnalyzers[0]}" is adopted, the others are left alone.`);
  }
  const securityHub = regions.filter(([, r]) => r.securityHub).map(([region]) => region);
  const ebsEncryptionByDefault = regions.filter(([, r]) => r.ebsEncryptionByDefault).map(([region]) => region);
  const trails = regions.flatMap(([, r]) => r.trails).filter((t) => !(controlTower && controlTowerOwned('trail', t.name)));

  const adopt: Record<string, unknown> = {};
  if (Object.keys(configRecorders).length > 0) adopt.configRecorders = configRecorders;
  if (Object.keys(guardDutyDetectors).length > 0) adopt.guardDutyDetectors = guardDutyDetectors;
  if (securityHub.length > 0) adopt.securityHub = securityHub;
  if (Object.keys(accessAnalyzers).length > 0) adopt.accessAnalyzers = accessAnalyzers;
  if (findings.passwordPolicy) adopt.passwordPolicy = true;
  if (ebsEncryptionByDefault.length > 0) adopt.ebsEncryptionByDefault = ebsEncryptionByDefault;
  if (findings.s3PublicAccessBlock) adopt.s3PublicAccessBlock = true;
  if (findings.alternateContacts.length > 0) adopt.alternateContacts = [...findings.alternateContacts];
  if (findings.budgets.length > 0) adopt.budgets = [...findings.budgets];
  if (trails.length > 0) adopt.trails = trailEntries(findings, trails, trailChoices, notes);
  return { adopt: adopt as AdoptEntries, notes };
}
