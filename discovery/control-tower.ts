import { AWS_REGIONS } from '../config/regions';
import { CONTROL_TOWER } from '../config/schema/control-tower';
import { ControlTowerApi, defaultCredentials } from './aws/control-tower';
import { reason } from './aws/errors';
import type { ExistingOrganization } from './aws/read-organization';

/** What lz import knows about an AWS Control Tower landing zone. */
export interface ControlTowerFinding {
  /** 'api': read from Control Tower; 'signals': inferred from what Control Tower leaves in the accounts. */
  readonly source: 'api' | 'signals';
  readonly homeRegion: string;
  readonly governedRegions: readonly string[];
  /** Ids of the OUs registered with Control Tower. */
  readonly registeredOuIds: readonly string[];
  readonly organizationTrail: boolean;
  /** The landing zone version (API only). */
  readonly version?: string;
  /** What could not be read, and what was assumed instead. */
  readonly notes: readonly string[];
}

/** What the Control Tower API said: a landing zone, none, or could not be read (with why). */
export type ControlTowerApiResult =
  | { readonly kind: 'found'; readonly finding: ControlTowerFinding }
  | { readonly kind: 'none'; readonly regions: readonly string[] }
  | { readonly kind: 'unreadable'; readonly reason: string };

/** The part of the landing zone manifest lz import reads. @see https://docs.aws.amazon.com/controltower/latest/userguide/lz-manifest-file.html */
interface Manifest {
  readonly governedRegions?: readonly string[];
  readonly organizationStructure?: { readonly security?: { readonly name?: string }; readonly sandbox?: { readonly name?: string } };
  readonly centralizedLogging?: { readonly enabled?: boolean };
}

function manifestOf(value: unknown): Manifest {
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as Manifest;
    } catch {
      return {};
    }
  }
  return (value && typeof value === 'object' ? value : {}) as Manifest;
}

/** The OU id at the end of an OU ARN (arn:aws:organizations::111111111111:ou/o-abc/ou-ab12-34cd56ef). */
export function ouIdOfArn(arn: string): string | undefined {
  return /:ou\/o-[a-z0-9]+\/(ou-[a-z0-9]+-[a-z0-9]+)$/.exec(arn)?.[1];
}

/** Control Tower clients of every region with the caller's credentials, read once. */
function sharedCredentials(stsRegion: string): (region: string) => ControlTowerApi {
  const credentials = defaultCredentials(stsRegion);
  return (region) => new ControlTowerApi(region, credentials);
}

/**
 * Reads the landing zone through the Control Tower API with the management account's credentials:
 * ListLandingZones in each of `regions` until one answers with a landing zone (the API is regional: the landing
 * zone lives in Control Tower's home region; when trusted access for Control Tower is on and none of `regions`
 * has it, every other region is asked too, since its home region need not be governed by the landing zone), GetLandingZone (manifest: governedRegions, organizationStructure,
 * centralizedLogging), and ListEnabledBaselines for the registered OUs (an OU target of an enabled baseline).
 */
export async function readControlTowerApi(org: ExistingOrganization, regions: readonly string[], api: (region: string) => ControlTowerApi = sharedCredentials(regions[0])): Promise<ControlTowerApiResult> {
  let arn: string | undefined;
  const errors: string[] = [];
  for (const region of regions) {
    try {
      arn = (await api(region).listLandingZones())[0];
    } catch (e) {
      errors.push(`ListLandingZones in ${region}: ${reason(e)}`);
    }
    if (arn) break;
  }
  if (!arn && errors.length < regions.length && (org.serviceAccessPrincipals ?? []).includes(CONTROL_TOWER.servicePrincipal)) {
    for (const region of AWS_REGIONS.filter((r) => !regions.includes(r))) {
      try {
        arn = (await api(region).listLandingZones())[0];
      } catch {
        // Control Tower is not offered there, or the region is not enabled: not its home region
      }
      if (arn) break;
    }
  }
  if (!arn) return errors.length === regions.length ? { kind: 'unreadable', reason: errors[0] } : { kind: 'none', regions };
  const homeRegion = arn.split(':')[3] || regions[0];
  const notes: string[] = [];
  const ct = api(homeRegion);
  let manifest: Manifest = {};
  let version: string | undefined;
  try {
    const detail = await ct.getLandingZone(arn);
    manifest = manifestOf(detail.manifest);
    version = detail.version;
  } catch (e) {
    notes.push(`GetLandingZone failed (${reason(e)}): governed regions and the organization trail are assumed (home region only, trail on); check them`);
  }
  const knownOus = new Map(org.organizationalUnits.map((o) => [o.id, o.path]));
  let registeredOuIds: string[] = [];
  try {
    const baselines = await ct.listEnabledBaselines();
    registeredOuIds = [...new Set(baselines.map((b) => ouIdOfArn(b.targetIdentifier ?? '')).filter((id): id is string => Boolean(id) && knownOus.has(id as string)))];
    const failed = baselines.filter((b) => ouIdOfArn(b.targetIdentifier ?? '') && b.statusSummary?.status === 'FAILED');
    if (failed.length > 0) notes.push(`Control Tower reports a failed registration for ${failed.map((b) => knownOus.get(ouIdOfArn(b.targetIdentifier ?? '') ?? '') ?? b.targetIdentifier).join(', ')}; they are listed as registered, repair them in Control Tower`);
  } catch (e) {
    notes.push(`ListEnabledBaselines failed (${reason(e)})`);
  }
  if (registeredOuIds.length === 0) {
    // Landing zones before 3.x registered OUs without baselines: the OUs Control Tower itself made are registered.
    const structure = [manifest.organizationStructure?.security?.name, manifest.organizationStructure?.sandbox?.name].filter((n): n is string => Boolean(n));
    registeredOuIds = org.organizationalUnits.filter((o) => !o.path.includes('/') && structure.includes(o.awsName ?? o.path)).map((o) => o.id);
    notes.push(
      `no registered OU could be read from the enabled baselines; registeredOus holds only the OUs Control Tower made (${structure.join(', ') || 'none named in the manifest'}): add every other OU registered in the Control Tower console`,
    );
  }
  return {
    kind: 'found',
    finding: {
      source: 'api',
      homeRegion,
      governedRegions: manifest.governedRegions?.length ? [...manifest.governedRegions] : [homeRegion],
      registeredOuIds,
      organizationTrail: manifest.centralizedLogging?.enabled !== false,
      ...(version ? { version } : {}),
      notes,
    },
  };
}

/**
 * Whether a recorder, channel or trail name is one of Control Tower's own: its name (e.g.
 * aws-controltower-BaselineConfigRecorder) or any other under its aws-controltower- prefix, which only Control
 * Tower uses (its controls deny others to touch those resources).
 */
export function controlTowerOwned(kind: 'recorder' | 'deliveryChannel' | 'trail', name: string | undefined): boolean {
  return name !== undefined && (name === CONTROL_TOWER[kind] || name.startsWith(CONTROL_TOWER.resourcePrefix));
}
