import type { GuardrailEntryConfig, GuardrailOptionsConfig, LandingZoneConfig } from '../config/schema';
import { ROOT_TARGET } from '../config/schema';
import { SUSPENDED_OU } from '../config/model';
import { POLICY_KINDS, type PolicyKind } from './kinds';
import { deferredDefaultGuardrails } from '../config/takeover';

/** Catalogue names per kind; each has its own file under policies/<kind>/. */
export const CATALOGUE_NAMES: Record<PolicyKind, readonly string[]> = {
  scp: [
    'deny-leave-organization',
    'deny-root-user',
    'region-deny',
    'protect-security-services',
    'deny-iam-user-access-keys',
    'protect-log-archive',
    'deny-all',
  ],
  rcp: ['org-principals-only', 'https-only'],
  declarative: ['ec2-block-public-access'],
  tag: ['tag-policy'],
  aiOptOut: ['ai-opt-out'],
  backup: [],
};

/** A guardrail after defaults: what to render and where to attach it. */
export interface EffectiveGuardrail {
  readonly kind: PolicyKind;
  /** Policy name in Organizations (unique per kind). */
  readonly name: string;
  /** Catalogue name, for catalogue entries. */
  readonly policy?: string;
  /** Custom document (parsed JSON), for custom entries. */
  readonly document?: Record<string, unknown>;
  /** Custom file, as written in the config. */
  readonly file?: string;
  readonly description?: string;
  readonly targets: readonly string[];
  /** Whether the config entry lists its targets (else they are the catalogue default). */
  readonly explicitTargets?: boolean;
  readonly options: GuardrailOptionsConfig;
  /** Where it came from in the config (`guardrails.scp[2]`), or undefined for a default. */
  readonly path?: readonly (string | number)[];
  /** The existing policy it adopts (the entry's `id`). */
  readonly adoptId?: string;
}

/**
 * Default targets of the catalogue entries that the seed 004 set switches on. On an adopted organization the
 * entries that change behaviour in existing accounts (config/takeover.ts) are not among them: the config lists
 * them to turn them on.
 */
export function defaultGuardrails(config: LandingZoneConfig): EffectiveGuardrail[] {
  const root = [ROOT_TARGET];
  const out: EffectiveGuardrail[] = [];
  const deferred = deferredDefaultGuardrails(config);
  const add = (kind: PolicyKind, policy: string, targets: string[]) => {
    if (!deferred.has(policy)) out.push({ kind, name: policy, policy, targets, options: {} });
  };
  for (const p of ['deny-leave-organization', 'deny-root-user', 'region-deny', 'protect-security-services', 'deny-iam-user-access-keys']) {
    add('scp', p, root);
  }
  const logArchive = config.accounts.find((a) => a.role === 'log-archive');
  if (logArchive) add('scp', 'protect-log-archive', [logArchive.name]);
  if (config.accounts.some((a) => a.state === 'suspended')) add('scp', 'deny-all', [SUSPENDED_OU]);
  add('rcp', 'org-principals-only', root);
  add('rcp', 'https-only', root);
  add('declarative', 'ec2-block-public-access', root);
  return out;
}

/** The policy name of an entry: `name`, else the catalogue name, else the file name without `.json`. */
export function entryName(entry: GuardrailEntryConfig): string | undefined {
  if (entry.name) return entry.name;
  if (entry.policy) return entry.policy;
  if (entry.file) return entry.file.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');
  return undefined;
}

/**
 * Every enabled guardrail: the defaults (when `guardrails.defaults`) with config entries of the same
 * catalogue name replacing them, then the other config entries. Empty when `guardrails.enabled` is false.
 */
export function effectiveGuardrails(config: LandingZoneConfig): EffectiveGuardrail[] {
  const g = config.guardrails;
  if (!g.enabled) return [];
  const defaults = g.defaults ? defaultGuardrails(config) : [];
  const out: EffectiveGuardrail[] = [];
  for (const kind of POLICY_KINDS) {
    const listed = g[kind];
    const replaced = new Set(listed.filter((e) => e.policy).map((e) => e.policy));
    for (const d of defaults) if (d.kind === kind && !replaced.has(d.policy)) out.push(d);
    listed.forEach((entry, i) => {
      if (!entry.enabled) return;
      const name = entryName(entry);
      if (!name) return;
      const fallback = entry.policy ? defaults.find((d) => d.kind === kind && d.policy === entry.policy)?.targets : undefined;
      out.push({
        kind,
        name,
        policy: entry.policy,
        document: entry.document,
        file: entry.file,
        description: entry.description,
        targets: entry.targets ?? fallback ?? (entry.policy ? [ROOT_TARGET] : []),
        explicitTargets: entry.targets !== undefined,
        options: entry.options ?? {},
        path: ['guardrails', kind, i],
        ...(entry.id ? { adoptId: entry.id } : {}),
      });
    });
  }
  return out;
}
