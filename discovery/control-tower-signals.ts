import { CONTROL_TOWER } from '../config/schema/control-tower';
import type { ExistingOrganization } from './aws/read-organization';
import type { AccountFindings } from './account';
import { controlTowerOwned, type ControlTowerApiResult, type ControlTowerFinding } from './control-tower';

/**
 * Control Tower inferred from what it leaves behind, when its API gave no landing zone: its Config recorder
 * (aws-controltower-BaselineConfigRecorder) in enrolled accounts, trusted access for controltower.amazonaws.com,
 * its execution role, its trail in the management account. Detected when an account runs Control Tower's
 * recorder, or when the API could not be read and trusted access is on; the notes say what was guessed.
 */
export function controlTowerFromSignals(
  org: ExistingOrganization,
  findings: readonly AccountFindings[],
  api: ControlTowerApiResult,
  options: { readonly homeRegion: string; readonly governedRegions: readonly string[] },
): ControlTowerFinding | undefined {
  if (api.kind === 'found') return api.finding;
  const enrolled = findings.filter((f) => Object.values(f.regions).some((r) => controlTowerOwned('recorder', r.config.recorder)));
  const trusted = (org.serviceAccessPrincipals ?? []).includes(CONTROL_TOWER.servicePrincipal);
  const withRole = findings.filter((f) => f.controlTowerExecutionRole);
  if (enrolled.length === 0 && !(api.kind === 'unreadable' && trusted)) return undefined;

  const recorderRegions = new Set(enrolled.flatMap((f) => Object.entries(f.regions).filter(([, r]) => controlTowerOwned('recorder', r.config.recorder)).map(([region]) => region)));
  const governedRegions = recorderRegions.size > 0 ? options.governedRegions.filter((r) => recorderRegions.has(r)) : [...options.governedRegions];
  const homeRegion = governedRegions.includes(options.homeRegion) ? options.homeRegion : governedRegions[0];
  const ouIdOfPath = new Map(org.organizationalUnits.map((o) => [o.path, o.id]));
  const accountOu = new Map(org.accounts.map((a) => [a.id, a.ouPath]));
  const registeredOuIds = [...new Set(enrolled.map((f) => ouIdOfPath.get(accountOu.get(f.account.id) ?? '')).filter((id): id is string => Boolean(id)))];
  const management = findings.find((f) => f.account.management);
  const managementTrails = management ? Object.values(management.regions).flatMap((r) => r.trails) : undefined;
  const organizationTrail = managementTrails === undefined || managementTrails.some((t) => controlTowerOwned('trail', t.name));

  const signals = [
    ...(enrolled.length > 0 ? [`Control Tower's recorder in ${enrolled.length} account(s)`] : []),
    ...(trusted ? [`trusted access for ${CONTROL_TOWER.servicePrincipal}`] : []),
    ...(withRole.length > 0 ? [`${CONTROL_TOWER.executionRole} in ${withRole.length} account(s)`] : []),
  ];
  const why = api.kind === 'unreadable' ? `the Control Tower API could not be read (${api.reason})` : `ListLandingZones found no landing zone in ${api.regions.join(', ')}`;
  return {
    source: 'signals',
    homeRegion,
    governedRegions,
    registeredOuIds,
    organizationTrail,
    notes: [
      `Control Tower detected from signals (${signals.join(', ')}) because ${why}. Check controlTower against the Control Tower console: homeRegion is a guess (${homeRegion}), governedRegions are the regions where its recorder runs${recorderRegions.size === 0 ? ' (none found: organization.governedRegions)' : ''}, registeredOus the OUs of accounts that run it (an OU whose accounts could not be read is missing), organizationTrail ${management ? `is whether the management account has ${CONTROL_TOWER.trail}` : 'is assumed'}`,
    ],
  };
}
