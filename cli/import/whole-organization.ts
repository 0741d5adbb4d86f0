import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { CONTROL_TOWER } from '../../config/schema/control-tower';
import { readOrganization, type ExistingOrganization } from '../../discovery/aws/read-organization';
import type { AccountTarget } from '../../discovery/account';
import type { Skippable } from '../../discovery/skippable';
import { readControlTowerApi, type ControlTowerApiResult } from '../../discovery/control-tower';
import { discoverOrganization, readingOrder, type OrganizationDiscovery } from '../../discovery/organization';
import { finishImportedDocument, organizationDocument, type ImportOptions } from './organization-yaml';
import { DEFAULT_ACCESS_ROLE } from '../../config/schema/organization';
import { writeDiscovery } from './write-discovery';

export interface WholeImportOptions extends ImportOptions {
  /** Read the existing organization policies (guardrails.existing). */
  readonly policies: boolean;
  /** Read every account's services into adopt sections (and Control Tower). @default true */
  readonly discover: boolean;
  /**
   * Whether --home-region and --regions were given (else Control Tower's, when it is found). The home region is
   * always governed: it is put first in governedRegions when missing.
   */
  readonly homeRegionGiven: boolean;
  readonly regionsGiven: boolean;
  readonly concurrency?: number;
  /** Reads left out (--skip). */
  readonly skip?: ReadonlySet<Skippable>;
}

/** What `lz import` writes, and what to tell the person. */
export interface WholeImport {
  readonly text: string;
  readonly org: ExistingOrganization;
  readonly discovery?: OrganizationDiscovery;
  /** Accounts not reached, regions not enabled, reads that failed: said on stderr, exit code 1. */
  readonly gaps: readonly string[];
}

/** The accounts of the written config (names and ids as written) and the management account. */
export function accountTargets(text: string | Document, managementAccountId: string): { targets: AccountTarget[]; ouOf: Map<string, string> } {
  const doc = typeof text === 'string' ? parseDocument(text) : text;
  const targets: AccountTarget[] = [{ id: managementAccountId, name: 'management', management: true }];
  const ouOf = new Map<string, string>();
  const accounts = doc.get('accounts');
  for (const item of isSeq(accounts) ? accounts.items : []) {
    if (!isMap(item) || item.get('id') === undefined) continue;
    const id = String(item.get('id'));
    targets.push({ id, name: String(item.get('name')), management: false });
    ouOf.set(id, String(item.get('ou') ?? ''));
  }
  return { targets, ouOf };
}

/**
 * `lz import` for the whole organization: Organizations, then (unless discovery is off) the Control Tower API,
 * the config text with the regions Control Tower governs when none were given, every account's services into its
 * `adopt`, `controlTower`, the delegated administrators and identityCenter.region, and last the organization's policy
 * records (finishImportedDocument). Never throws for one account or one read: those are gaps.
 */
export async function importWholeOrganization(organizations: OrganizationsClient, options: WholeImportOptions): Promise<WholeImport> {
  const org = await readOrganization(organizations, options.policies);
  if (!options.discover) {
    const doc = organizationDocument(org, { ...options, governedRegions: readingOrder(options.homeRegion, options.governedRegions) });
    finishImportedDocument(doc, org, [
      'Not read (--no-discovery): what the accounts run, AWS Control Tower and the delegated administrators. Nothing of those is adopted: run lz import without --no-discovery before the first apply.',
    ]);
    return { text: doc.toString({ lineWidth: 0 }), org, gaps: [] };
  }

  const ctApi: ControlTowerApiResult = options.skip?.has('control-tower')
    ? { kind: 'none', regions: [] }
    : await readControlTowerApi(org, readingOrder(options.homeRegion, options.governedRegions));
  let { homeRegion, governedRegions } = options;
  const regionNotes: string[] = [];
  if (ctApi.kind === 'found') {
    const ct = ctApi.finding;
    if (!options.homeRegionGiven && ct.homeRegion !== homeRegion) {
      homeRegion = ct.homeRegion;
      regionNotes.push(`organization.homeRegion is Control Tower's home region ${homeRegion} (--home-region chooses another).`);
    }
    if (!options.regionsGiven) {
      governedRegions = readingOrder(homeRegion, ct.governedRegions);
      regionNotes.push(`organization.governedRegions are the regions Control Tower governs (--regions chooses others; each must be one Control Tower governs).`);
    }
  }
  governedRegions = readingOrder(homeRegion, governedRegions);
  const doc = organizationDocument(org, { ...options, homeRegion, governedRegions });
  const { targets, ouOf } = accountTargets(doc, org.managementAccountId);
  const organizationName = String(doc.getIn(['organization', 'name']));
  const accessRoleName = options.accessRoleName ?? DEFAULT_ACCESS_ROLE;
  const roles = { accessRoleName, executionRoleName: CONTROL_TOWER.executionRole };
  const discovery = await discoverOrganization(org, targets, ctApi, organizations, { homeRegion, governedRegions, organizationName, ...roles, concurrency: options.concurrency, skip: options.skip });
  const { gaps, notes } = writeDiscovery(doc, discovery, ouOf, roles, [...(options.skip ?? [])]);
  finishImportedDocument(
    doc,
    org,
    [
      `Discovered what ${discovery.findings.length} of ${targets.length} accounts run in ${governedRegions.join(', ')}: every adopt entry is something that exists, imported by the first plan instead of created.`,
      ...regionNotes,
      ...notes,
    ],
    gaps,
  );
  return { text: doc.toString({ lineWidth: 0 }), org, discovery, gaps };
}
