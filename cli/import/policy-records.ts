import { isMap, isSeq, type Document } from 'yaml';
import { LandingZoneSchema, ORGANIZATION_POLICY_TYPES, ROOT_TARGET, type ExistingPolicyConfig, type LandingZoneConfig, type OrganizationPolicyType } from '../../config/schema';
import { CONTROL_TOWER } from '../../config/schema/control-tower';
import type { ExistingOrganization, ExistingPolicy, PolicyTarget } from '../../discovery/aws/read-organization';
import { controlTowerPolicy } from '../../discovery/control-tower-scps';
import { CATALOGUE } from '../../policies/catalogue';
import { KIND_LABEL, POLICY_KINDS, POLICY_TYPE, type PolicyKind } from '../../policies/kinds';
import { planGuardrails, type PlannedPolicy } from '../../policies/plan';
import { policyTypesInUse } from '../../policies/policy-types';
import { accountNamesById, deleteKey, ouPathsById, setKey } from './yaml-nodes';

/*
 * The organization's policies as records of the config: organization.rootId, organization.additionalPolicyTypes (the
 * enabled types the guardrails would not keep enabled), guardrails.existing (the policies this file does not write,
 * with their attachments as config targets) and the adoption of an existing policy that has the name of one this
 * file would create (AWS refuses a second policy of the same name and type).
 */

/** Where the organization records go among the keys of `organization` (the first one present wins). */
export const AFTER_IN_ORGANIZATION = {
  rootId: ['id', 'managementAccountId'],
  additionalPolicyTypes: ['additionalServiceAccessPrincipals', 'tags', 'alternateContacts', 'breakGlassRoleNames', 'accessRoleName', 'ouIds', 'governedRegions'],
  delegatedAdministrators: ['additionalPolicyTypes', 'additionalServiceAccessPrincipals', 'tags', 'alternateContacts', 'breakGlassRoleNames', 'accessRoleName', 'ouIds', 'governedRegions'],
} as const;

/** Where `guardrails` goes among the top-level keys when the file has none. */
const GUARDRAILS_AFTER = ['accounts', 'organizationalUnits'];

export interface PolicyRecordOptions {
  /**
   * 'import': a new file; an existing policy named like a catalogue guardrail this file would create is adopted (an
   * entry with its id). 'refresh' (lz import --account): the guardrail lists stay as they are, and the policies the
   * landing zone made itself are not listed as existing.
   */
  readonly mode: 'import' | 'refresh';
  /** The config as loaded (custom policy documents read). @default - the document's shape, without meaning checks */
  readonly config?: LandingZoneConfig;
}

/** The kind of guardrail a policy type is managed as, if any. */
function kindOf(type: string): PolicyKind | undefined {
  return POLICY_KINDS.find((k) => POLICY_TYPE[k] === type);
}

/** The kind of the catalogue guardrail named `name`, if there is one. */
function catalogueKind(name: string): PolicyKind | undefined {
  return Object.hasOwn(CATALOGUE, name) ? CATALOGUE[name].kind : undefined;
}

const known = (type: string): type is OrganizationPolicyType => (ORGANIZATION_POLICY_TYPES as readonly string[]).includes(type);

/** The document as a config, shape only (the meaning checks may refuse it; the guardrails it plans are still known). */
function shapeOf(doc: Document): LandingZoneConfig | undefined {
  const parsed = LandingZoneSchema.safeParse(doc.toJS() ?? {});
  return parsed.success ? parsed.data : undefined;
}

/** The policies the config would create, or undefined when they cannot be known. */
function plannedPolicies(config: LandingZoneConfig | undefined): readonly PlannedPolicy[] | undefined {
  if (!config) return undefined;
  try {
    return planGuardrails(config).policies;
  } catch {
    return undefined;
  }
}

const label = (p: { readonly type: string; readonly name: string; readonly id: string }) => {
  const kind = kindOf(p.type);
  return `${kind ? KIND_LABEL[kind] : p.type} "${p.name}" (${p.id})`;
};

/** A policy target as a config target, or why it is left out. */
function configTarget(t: PolicyTarget, org: ExistingOrganization, names: ReadonlyMap<string, string>, paths: ReadonlyMap<string, string>): { target?: string; leftOut?: string } {
  if (t.type === 'ROOT') return { target: ROOT_TARGET };
  if (t.type === 'ORGANIZATIONAL_UNIT') {
    const path = paths.get(t.id);
    return path ? { target: path } : { leftOut: `OU ${t.path ?? t.id} (${t.id}), not in organization.ouIds` };
  }
  const name = names.get(t.id);
  if (name) return { target: name };
  if (t.id === org.managementAccountId) return { leftOut: `the management account (${t.id}), which is no target of this file` };
  const status = org.accounts.find((a) => a.id === t.id)?.status;
  return { leftOut: `account ${t.name} (${t.id}${status && status !== 'ACTIVE' ? `, ${status}` : ''}), which is not in this file` };
}

/** Targets in a stable order: Root, then OU paths, then account names. */
function sortTargets(targets: string[], paths: ReadonlySet<string>): string[] {
  const rank = (t: string) => (t === ROOT_TARGET ? 0 : paths.has(t) ? 1 : 2);
  return [...new Set(targets)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Adds `id` to the guardrail entry of catalogue `policy` in guardrails.<kind>, or appends `{ policy, id }`. */
function adoptInGuardrails(doc: Document, kind: PolicyKind, policy: string, id: string): void {
  const list = doc.getIn(['guardrails', kind]);
  if (isSeq(list)) {
    const entry = list.items.find((e) => isMap(e) && e.get('policy') === policy && e.get('name') === undefined);
    if (isMap(entry)) {
      entry.set('id', id);
      return;
    }
    list.add(doc.createNode({ policy, id }));
    return;
  }
  setKey(doc, ['guardrails'], kind, [{ policy, id }], [], GUARDRAILS_AFTER);
}

/**
 * organization.additionalPolicyTypes: every enabled type the config's guardrails would not keep enabled. On a refresh
 * the types the file lists stay too (a person may keep one on purpose; a refresh never makes the apply disable one).
 */
function writePolicyTypes(doc: Document, org: ExistingOrganization, config: LandingZoneConfig | undefined, mode: PolicyRecordOptions['mode'], notes: string[]): void {
  const enabled = org.enabledPolicyTypes.filter(known);
  const unknown = org.enabledPolicyTypes.filter((t) => !known(t));
  if (unknown.length > 0) {
    notes.push(
      `The root has policy types enabled that this landing zone does not know (${unknown.join(', ')}): organization.additionalPolicyTypes cannot hold them, so the first apply of management would disable them; update the landing zone before you apply.`,
    );
  }
  const inUse = config ? new Set(policyTypesInUse(config)) : undefined;
  const listed = mode === 'refresh' ? (config?.organization.additionalPolicyTypes ?? []) : [];
  const keep = [...listed, ...enabled.filter((t) => !inUse?.has(t) && !listed.includes(t))];
  if (keep.length === 0) {
    deleteKey(doc, ['organization'], 'additionalPolicyTypes');
    return;
  }
  setKey(doc, ['organization'], 'additionalPolicyTypes', keep, AFTER_IN_ORGANIZATION.additionalPolicyTypes);
  if (mode !== 'import') return;
  notes.push(
    `Policy types enabled at the root that the guardrails of this file do not use are kept (organization.additionalPolicyTypes): ${keep.join(', ')}${inUse ? '' : ' (the file does not load yet, so every enabled type is listed)'}. enabled_policy_types is authoritative: a type left out is disabled on the next apply of management, and AWS then detaches every policy of that type.`,
  );
}

/**
 * Writes organization.rootId, organization.additionalPolicyTypes, guardrails.existing and (mode 'import') the adoption
 * of existing policies that carry the name of a catalogue guardrail this file would create. Returns the notes for the
 * file header.
 */
export function writePolicyRecords(doc: Document, org: ExistingOrganization, options: PolicyRecordOptions): string[] {
  const notes: string[] = [];
  setKey(doc, ['organization'], 'rootId', org.rootId, AFTER_IN_ORGANIZATION.rootId);
  const config = options.config ?? shapeOf(doc);
  writePolicyTypes(doc, org, config, options.mode, notes);
  if (!org.policies) {
    notes.push('Not read (--no-policies): the organization\'s policies. guardrails.existing is not written; run lz import without --no-policies before the first apply, or a policy of the same name as one of this file makes the apply fail.');
    return notes;
  }
  const names = accountNamesById(doc);
  const paths = ouPathsById(doc);
  const pathSet = new Set(paths.values());
  const controlTower = config ? config.controlTower !== undefined : doc.has('controlTower');
  const planned = plannedPolicies(config);
  const previous = config?.guardrails.existing ?? [];
  const adoptedIds = new Set((planned ?? []).flatMap((p) => (p.adoptId ? [p.adoptId] : [])));
  const previousIds = new Set(previous.map((e) => e.id));
  const sameName = (p: ExistingPolicy) => planned?.find((q) => q.type === p.type && q.name === p.name);
  // After an apply the landing zone's own policies exist too: on a refresh, one named like a policy of this file (or
  // packed, lz-*) that the file did not list as existing was made by the landing zone, not found.
  const ownPolicy = (p: ExistingPolicy) => options.mode === 'refresh' && !previousIds.has(p.id) && !adoptedIds.has(p.id) && (sameName(p) !== undefined || p.name.startsWith('lz-'));

  const custom = org.policies.filter((p) => !p.awsManaged);
  const controlTowers = controlTower ? custom.filter((p) => p.type === 'SERVICE_CONTROL_POLICY' && controlTowerPolicy(p.name)) : [];
  const unknownType = custom.filter((p) => !known(p.type));
  const listed = custom.filter((p) => !controlTowers.includes(p) && known(p.type) && !ownPolicy(p));

  const leftOut: string[] = [];
  const existing: ExistingPolicyConfig[] = listed
    .map((p) => {
      const targets: string[] = [];
      for (const t of p.targets) {
        const mapped = configTarget(t, org, names, paths);
        if (mapped.target) targets.push(mapped.target);
        else leftOut.push(`${label(p)} on ${mapped.leftOut}`);
      }
      return { id: p.id, name: p.name, type: p.type as OrganizationPolicyType, targets: sortTargets(targets, pathSet), ...(p.ec2Attributes?.length ? { ec2Attributes: [...p.ec2Attributes] } : {}) };
    })
    .sort((a, b) => ORGANIZATION_POLICY_TYPES.indexOf(a.type) - ORGANIZATION_POLICY_TYPES.indexOf(b.type) || a.name.localeCompare(b.name));
  // An adopted policy that AWS no longer lists keeps its record: the guardrail entry's id refers to it.
  for (const e of previous.filter((x) => adoptedIds.has(x.id) && !existing.some((y) => y.id === x.id))) {
    existing.push(e);
    notes.push(`The adopted policy ${label(e)} is no longer in the organization; its record stays in guardrails.existing while a guardrail entry names its id: remove the id there if the policy is gone for good.`);
  }

  if (existing.length > 0) setKey(doc, ['guardrails'], 'existing', existing, [], GUARDRAILS_AFTER);
  else deleteKey(doc, ['guardrails'], 'existing');

  if (options.mode === 'import') {
    if (existing.length > 0) {
      notes.push(
        `guardrails.existing lists the ${existing.length} policies of the organization that this file does not write, with their attachments: the landing zone never detaches or changes them and counts them against the per-target quotas. Compare them with the guardrail catalogue (docs/guardrails.md); to manage one here, give a guardrail entry its id.`,
      );
    }
    if (controlTowers.length > 0) {
      notes.push(
        `Control Tower's ${controlTowers.length} ${CONTROL_TOWER.scpPrefix}* SCP${controlTowers.length === 1 ? '' : 's'} (its controls) are not in guardrails.existing: Control Tower keeps them, leave them alone; controlTower.scpsPerRegisteredOu counts them on each registered OU.`,
      );
    }
  }
  if (leftOut.length > 0) notes.push(`Attachments left out of guardrails.existing, their target is not in this file: ${leftOut.join('; ')}.`);
  if (unknownType.length > 0) notes.push(`Policies of a type this landing zone does not know are not in guardrails.existing: ${unknownType.map(label).join(', ')}.`);

  for (const p of listed) {
    const same = sameName(p);
    const kind = kindOf(p.type);
    if (same?.adoptId === p.id) continue;
    if (same && options.mode === 'import' && kind && same.kind === kind && catalogueKind(p.name) === kind && !same.adoptId) {
      adoptInGuardrails(doc, kind, p.name, p.id);
      notes.push(
        `The organization already has the ${label(p)} that this file would create: guardrails.${kind} adopts it (id: ${p.id}), so the first plan imports it instead of creating a second one (AWS refuses a duplicate name), then gives it the catalogue content and targets.`,
      );
    } else if (same && p.name.startsWith('lz-')) {
      notes.push(
        `The ${label(p)} was made by an earlier run of the landing zone (a packed policy), and this file would create one of the same name, which AWS refuses (DuplicatePolicyException): apply from that run's Terraform state, or detach and delete it before the first apply.`,
      );
    } else if (same) {
      notes.push(`The organization already has the ${label(p)} with the name of a policy this file creates, which AWS refuses (DuplicatePolicyException): give that guardrail entry id: ${p.id} to adopt it, or rename one of them.`);
    } else if (options.mode === 'import' && kind && catalogueKind(p.name) === kind && !(planned ?? []).some((q) => q.carries.includes(p.name))) {
      notes.push(
        `The organization has the ${label(p)} named like the catalogue guardrail ${p.name}, which this file does not turn on: when you turn it on, give its entry id: ${p.id} (guardrails.${kind}: [{ policy: ${p.name}, id: ${p.id} }]) to adopt it, or AWS refuses a second policy of that name.`,
      );
    }
  }
  if (planned === undefined && options.mode === 'import') {
    notes.push('The guardrails this file would create could not be worked out (the file does not load yet): check the names in guardrails.existing against them once it loads; a policy of the same name and type must be adopted with its id.');
  }
  return notes;
}
