import type { LandingZoneConfig } from '../config/schema';
import { ROOT_TARGET } from '../config/schema';
import { allOuPaths } from '../config/model';
import { formatProblems, type PathSegment, type Problem } from '../config/problems';
import { policyDocument, renderPolicy } from '../lib/policy-document';
import { CATALOGUE, guardrailContext } from './catalogue';
import { effectiveGuardrails, type EffectiveGuardrail } from './effective';
import { isIamGrammar, KIND_LABEL, POLICY_KINDS, POLICY_TYPE, type PolicyKind } from './kinds';
import { renderManagementPolicy, type ManagementDocument } from './management-document';
import { packManagement, packStatements, statementsOf } from './packing';
import { attachableSlots, controlTowerSlots, MAX_POLICIES_PER_ORGANIZATION, MAX_POLICIES_PER_TARGET, MAX_POLICY_SIZE, RESERVED_PER_TARGET } from './quotas';
import { existingPoliciesAt } from '../config/existing-policies';

/** A policy to create in Organizations and where to attach it, after quotas and packing. */
export interface PlannedPolicy {
  readonly kind: PolicyKind;
  /** aws_organizations_policy `type`. */
  readonly type: string;
  /** Policy name, unique per kind; also the construct id. */
  readonly name: string;
  readonly description: string;
  /** Minified JSON; the organization id is ORGANIZATION_ID_PLACEHOLDER until the stack fills it in. */
  readonly content: string;
  /** Targets as written in the config: "Root", OU paths, account names. */
  readonly targets: readonly string[];
  /** For a packed document: the guardrails whose statements it holds. */
  readonly packedFrom?: readonly string[];
  /** Catalogue entries whose content it holds (its own, or those packed into it); custom documents are not named. */
  readonly carries: readonly string[];
  /** Existing policy of the organization it adopts (guardrails.*[].id): imported instead of created. */
  readonly adoptId?: string;
}

export interface GuardrailPlan {
  readonly policies: readonly PlannedPolicy[];
  /** Quota problems that packing could not solve. */
  readonly problems: readonly Problem[];
}

interface Rendered {
  readonly guardrail: EffectiveGuardrail;
  readonly document: object;
  readonly content: string;
}

/** Renders one guardrail; undefined when the meaning checks report it (unknown name, no document). */
export function renderGuardrail(config: LandingZoneConfig, g: EffectiveGuardrail): { document: object; content: string } | undefined {
  let document: object | undefined;
  if (g.policy) {
    const entry = CATALOGUE[g.policy];
    if (!entry || entry.kind !== g.kind) return undefined;
    document = entry.render(guardrailContext(config), g.options);
  } else {
    document = g.document;
  }
  if (!document) return undefined;
  const content = isIamGrammar(g.kind) ? renderPolicy(document as never) : renderManagementPolicy(document as ManagementDocument);
  return { document, content };
}

/** How a target reads in a message: `Root`, `OU "Workloads/Prod"`, `account "shop-prod"`. */
export function describeTarget(config: LandingZoneConfig, target: string): string {
  if (target === ROOT_TARGET) return 'Root';
  if (config.accounts.some((a) => a.name === target)) return `account "${target}"`;
  return `OU "${target}"`;
}

function targetExists(config: LandingZoneConfig, target: string, ous: Set<string>): boolean {
  return target === ROOT_TARGET || ous.has(target) || config.accounts.some((a) => a.name === target);
}

/** `Workloads/Prod` -> `Workloads-Prod`, `Root` -> `Root`: a policy-name-safe form of a target. */
export function targetSlug(target: string): string {
  return target.replace(/[^A-Za-z0-9_.-]+/g, '-');
}

const n = (x: number) => x.toLocaleString('en-US');

/**
 * Every organization policy of the config within AWS quotas: guardrails attached where the config
 * says, except at targets where their count or size would exceed the quota; there their statements
 * (or, for management policies, their attributes) are packed into fewer documents named
 * `lz-<kind>-<target>-<n>`. Problems name the target, the count or size and what to do.
 */
export function planGuardrails(config: LandingZoneConfig): GuardrailPlan {
  let plan = plans.get(config);
  if (!plan) {
    plan = computePlan(config);
    plans.set(config, plan);
  }
  return plan;
}

/** The plan of each config object, computed once (the meaning checks, the stacks and lz review-plan all ask). */
const plans = new WeakMap<LandingZoneConfig, GuardrailPlan>();

function computePlan(config: LandingZoneConfig): GuardrailPlan {
  const problems: Problem[] = [];
  const ous = new Set(allOuPaths(config));
  const rendered: Rendered[] = [];
  for (const g of effectiveGuardrails(config)) {
    const r = renderGuardrail(config, g);
    if (r) rendered.push({ guardrail: g, ...r });
  }

  const direct = new Map<Rendered, string[]>();
  const packed: PlannedPolicy[] = [];
  for (const kind of POLICY_KINDS) {
    const byTarget = new Map<string, Rendered[]>();
    for (const r of rendered.filter((x) => x.guardrail.kind === kind)) {
      for (const t of new Set(r.guardrail.targets)) {
        if (!targetExists(config, t, ous)) continue;
        byTarget.set(t, [...(byTarget.get(t) ?? []), r]);
      }
    }
    const maxSize = MAX_POLICY_SIZE[kind].value;
    for (const [target, list] of byTarget) {
      const controlTower = controlTowerSlots(config, kind, target);
      // Policies attached there outside the landing zone stay attached and take their slots (an adopted one attached
      // here by its guardrail is counted in `list`).
      const adoptedHere = new Set(list.flatMap((r) => (r.guardrail.adoptId ? [r.guardrail.adoptId] : [])));
      const existing = existingPoliciesAt(config, POLICY_TYPE[kind], target, adoptedHere);
      const slots = attachableSlots(kind) - controlTower - existing.length;
      const where = pathFor(list, target);
      const fits = list.length <= slots && list.every((r) => r.content.length <= maxSize);
      if (fits) {
        for (const r of list) direct.set(r, [...(direct.get(r) ?? []), target]);
        continue;
      }
      const label = KIND_LABEL[kind];
      const names = list.map((r) => r.guardrail.name);
      let contents: string[];
      if (isIamGrammar(kind)) {
        const oversize = list
          .flatMap((r) => statementsOf(r.document).map((statement) => ({ r, statement, size: renderPolicy(policyDocument(statement)).length })))
          .find((x) => x.size > maxSize);
        if (oversize) {
          problems.push({
            path: where,
            message:
              `statement${oversize.statement.Sid ? ` "${oversize.statement.Sid}"` : ''} of ${label} ${show(oversize.r.guardrail.name)} ` +
              `is ${n(oversize.size)} characters minified, over the ${n(maxSize)}-character ${label} limit even alone; split it into smaller statements`,
          });
          continue;
        }
        const result = packStatements(
          list.map((r) => r.document),
          maxSize,
        );
        if (!result.ok) throw new Error(`packing failed on a statement of ${result.oversize.size} characters`);
        contents = result.documents.map(renderPolicy);
      } else {
        const tooBig = list.find((r) => r.content.length > maxSize);
        if (tooBig) {
          problems.push({
            path: where,
            message: `${label} ${show(tooBig.guardrail.name)} is ${n(tooBig.content.length)} characters minified, over the ${n(maxSize)}-character limit; shorten it or split it into two policies`,
          });
          continue;
        }
        contents = packManagement(
          list.map((r) => r.document as ManagementDocument),
          maxSize,
        ).map(renderManagementPolicy);
      }
      if (contents.length > slots) {
        const reserved = RESERVED_PER_TARGET[kind];
        problems.push({
          path: where,
          message:
            `${describeTarget(config, target)} has ${list.length} ${label}s (${names.join(', ')}) that need ${contents.length} documents of at most ${n(maxSize)} characters even when packed, ` +
            `but AWS allows ${MAX_POLICIES_PER_TARGET[kind].value} ${label}s per target${reserved ? ` and ${reserved === 1 ? (kind === 'scp' ? 'FullAWSAccess' : 'RCPFullAWSAccess') : reserved} takes one` : ''}` +
              `${controlTower ? `, Control Tower's controls take ${controlTower} (controlTower.scpsPerRegisteredOu, the aws-guardrails-* SCPs on a registered OU)` : ''}` +
              `${existing.length > 0 ? `, policies attached there outside the landing zone take ${existing.length} (guardrails.existing: ${existing.map((e) => e.name).join(', ')})` : ''}, leaving ${Math.max(0, slots)}; ` +
            `attach some of them to OUs or accounts below ${describeTarget(config, target)} instead, shorten custom policies, ${existing.length > 0 ? 'adopt or detach an existing policy, ' : ''}or switch some off with enabled: false`,
        });
        continue;
      }
      const carries = [...new Set(list.flatMap((r) => (r.guardrail.policy ? [r.guardrail.policy] : [])))];
      contents.forEach((content, i) =>
        packed.push({
          kind,
          type: POLICY_TYPE[kind],
          name: `lz-${kind}-${targetSlug(target)}-${i + 1}`,
          description: `Packed by the landing zone to stay within the ${label} quota at ${target}: ${names.join(', ')}`.slice(0, 512),
          content,
          targets: [target],
          packedFrom: names,
          carries,
        }),
      );
    }
  }

  const policies: PlannedPolicy[] = [];
  for (const r of rendered) {
    const targets = direct.get(r);
    if (!targets) continue;
    const g = r.guardrail;
    policies.push({
      kind: g.kind,
      type: POLICY_TYPE[g.kind],
      name: g.name,
      description: g.description ?? (g.policy ? CATALOGUE[g.policy].description : `Custom ${KIND_LABEL[g.kind]}${g.file ? ` from ${g.file}` : ''}`),
      content: r.content,
      targets,
      carries: g.policy ? [g.policy] : [],
      ...(g.adoptId ? { adoptId: g.adoptId } : {}),
    });
  }
  policies.push(...packed);

  for (const kind of POLICY_KINDS) {
    const count = policies.filter((p) => p.kind === kind).length;
    const max = MAX_POLICIES_PER_ORGANIZATION[kind].value;
    if (count > max) {
      problems.push({
        path: ['guardrails', kind],
        message: `needs ${n(count)} ${KIND_LABEL[kind]}s, over the ${n(max)} an organization may have; attach shared policies higher in the OU tree instead of per account`,
      });
    }
  }
  return { policies, problems };
}

function show(name: string): string {
  return `"${name}"`;
}

/** Where a target of these guardrails is written: the first config entry naming it, else the kind's section. */
function pathFor(list: readonly Rendered[], target: string): PathSegment[] {
  for (const { guardrail: g } of list) {
    if (!g.path) continue;
    const i = g.targets.indexOf(target);
    return i >= 0 && g.explicitTargets ? [...g.path, 'targets', i] : [...g.path];
  }
  return ['guardrails', list[0].guardrail.kind];
}

/** The plan, or an Error listing the quota problems (the loader reports them first; this guards direct callers). */
export function planGuardrailsOrThrow(config: LandingZoneConfig): readonly PlannedPolicy[] {
  const plan = planGuardrails(config);
  if (plan.problems.length > 0) throw new Error(formatProblems('guardrails', plan.problems));
  return plan.policies;
}
