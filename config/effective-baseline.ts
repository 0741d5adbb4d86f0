/**
 * The effective baseline of one account, and where each value came from.
 *
 * Layers, widest first (a later layer wins, setting by setting):
 *   1. `baseline` (the top level; the schema's built-in defaults fill what is not written),
 *   2. `baseline.ouOverrides[<ou>]` for every OU on the path to the account's OU, parents first
 *      (a child OU inherits its parent's override; the nearest OU wins),
 *   3. the account's shortcuts `accounts[i].budget.monthlyUsd` and `accounts[i].alternateContacts`,
 *   4. `accounts[i].baseline`.
 * Values nobody sets are derived: the alarm threshold is the monthly budget, the alarm e-mail is the
 * account e-mail, the budget e-mails are the alarm e-mail.
 */
import { BaselineOverrideSchema, BaselineSchema, BEHAVIOUR_BASELINE_DEFAULTS, type AccountConfig, type LandingZoneConfig } from './schema';
import type { PathSegment } from './problems';
import { effectiveOu } from './model';
import { existingAccountOnTakeover, type BaselineBehaviourSetting } from './takeover';

/** One setting's effective value and the config path that set it. */
export interface ExplainedSetting {
  /** Setting path inside the baseline, e.g. `budget.monthlyUsd`. */
  readonly setting: string;
  readonly value: unknown;
  /** Where the value came from, e.g. `baseline.ouOverrides["Sandbox"].budget.monthlyUsd` or `built-in default`. */
  readonly source: string;
  /** The same as a path into the config file; undefined for a built-in default. */
  readonly sourcePath?: readonly PathSegment[];
}

export interface AlternateContactValue {
  readonly name: string;
  readonly title: string;
  readonly email: string;
  readonly phone: string;
}

/** Every baseline value of one account, resolved. */
export interface EffectiveBaseline {
  readonly budget: {
    readonly enabled: boolean;
    readonly monthlyUsd: number;
    readonly actualPercent: number;
    readonly forecastPercent: number;
    readonly emails: readonly string[];
  };
  readonly billingAlarm: {
    readonly enabled: boolean;
    readonly thresholdUsd: number;
    readonly email: string;
    readonly topicName: string;
    readonly alarmName: string;
  };
  readonly config: {
    readonly enabled: boolean;
    readonly snapshotFrequency: 'One_Hour' | 'Three_Hours' | 'Six_Hours' | 'Twelve_Hours' | 'TwentyFour_Hours';
    readonly recordingFrequency: 'CONTINUOUS' | 'DAILY';
    readonly createServiceLinkedRole: boolean;
  };
  readonly passwordPolicy: {
    readonly enabled: boolean;
    readonly minimumLength: number;
    readonly requireUppercase: boolean;
    readonly requireLowercase: boolean;
    readonly requireNumbers: boolean;
    readonly requireSymbols: boolean;
    readonly allowUsersToChange: boolean;
    readonly maxAgeDays: number;
    readonly reusePrevention: number;
    readonly hardExpiry: boolean;
  };
  /** Undefined: left alone (an account that existed before the takeover, and nothing in the config sets it). */
  readonly instanceMetadata?: { readonly httpTokens: 'required' | 'optional'; readonly hopLimit: number };
  readonly ebsEncryptionByDefault: boolean;
  /** false also where it is left alone on a takeover (the explained row says which). */
  readonly s3BlockPublicAccess: boolean;
  readonly accessAnalyzer: 'auto' | 'always' | 'never';
  /** accessAnalyzer resolved: true when this account gets its own ACCOUNT analyzer per governed region. */
  readonly accountAccessAnalyzer: boolean;
  readonly alternateContacts: {
    readonly billing?: AlternateContactValue;
    readonly operations?: AlternateContactValue;
    readonly security?: AlternateContactValue;
  };
}

/** The account's effective baseline with the source of every setting. */
export interface ResolvedBaseline {
  readonly account: AccountConfig;
  readonly values: EffectiveBaseline;
  /** One row per setting, in schema order. */
  readonly explained: readonly ExplainedSetting[];
}

/** Setting paths (group, leaf) in schema order, from the override schema so a new setting is never missed. */
export const BASELINE_SETTINGS: readonly (readonly string[])[] = (() => {
  const out: string[][] = [];
  for (const [key, field] of Object.entries(BaselineOverrideSchema.shape)) {
    const inner = (field as { unwrap?: () => unknown }).unwrap?.() as { shape?: Record<string, unknown> } | undefined;
    if (inner?.shape) for (const leaf of Object.keys(inner.shape)) out.push([key, leaf]);
    else out.push([key]);
  }
  return out;
})();

const DEFAULTS = BaselineSchema.parse({}) as Record<string, unknown>;

interface Layer {
  readonly path: readonly PathSegment[];
  readonly values: unknown;
}

const accountIndexes = new WeakMap<LandingZoneConfig, Map<string, number>>();

/** Index of an account by name, O(1) after the first call per config (synth stays linear). */
function accountIndex(config: LandingZoneConfig, accountName: string): number {
  let index = accountIndexes.get(config);
  if (!index) {
    index = new Map(config.accounts.map((a, i) => [a.name, i]));
    accountIndexes.set(config, index);
  }
  const i = index.get(accountName);
  if (i === undefined) {
    throw new Error(`no account named "${accountName}" in the config; have ${config.accounts.map((a) => a.name).join(', ')}`);
  }
  return i;
}

function get(obj: unknown, path: readonly PathSegment[]): unknown {
  let v = obj;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PathSegment, unknown>)[seg];
  }
  return v;
}

function isEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `baseline.ouOverrides["Workloads/Prod"].budget.monthlyUsd`, `accounts[4].budget.monthlyUsd` */
export function formatSource(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** OU paths from the root down to `ou`: `Workloads`, `Workloads/Prod`, `Workloads/Prod/Regulated`. */
function ouChain(ou: string): string[] {
  const parts = ou.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** Resolves the baseline of the account named `accountName`. */
export function resolveBaseline(config: LandingZoneConfig, accountName: string): ResolvedBaseline {
  const i = accountIndex(config, accountName);
  const account = config.accounts[i];
  const accountPath: PathSegment[] = ['accounts', i];

  const layers: Layer[] = [{ path: ['baseline'], values: config.baseline }];
  for (const ou of ouChain(effectiveOu(account))) {
    const override = config.baseline.ouOverrides[ou];
    if (override) layers.push({ path: ['baseline', 'ouOverrides', ou], values: override });
  }
  // Shortcuts on the account entry, as if written under accounts[i].baseline.
  if (account.budget) layers.push({ path: [...accountPath], values: { budget: { monthlyUsd: account.budget.monthlyUsd } } });
  if (account.alternateContacts) layers.push({ path: [...accountPath], values: { alternateContacts: account.alternateContacts } });
  if (account.baseline) layers.push({ path: [...accountPath, 'baseline'], values: account.baseline });

  const email: ExplainedSetting = { setting: 'email', value: account.email, source: formatSource([...accountPath, 'email']), sourcePath: [...accountPath, 'email'] };
  return { account, ...resolveLayers(config, layers, email, 'the account e-mail', existingAccountOnTakeover(config, account)) };
}

/**
 * The management account's effective baseline (the management-baseline stack): the top-level
 * `baseline` only, with the schema's built-in defaults; no OU override or account layer applies (the
 * management account sits at the root and has no entry in `accounts`). Its cost guards and contacts
 * come from `baseline.management` and `organization.alternateContacts` instead (the management stack);
 * the alarm e-mail derived here is `baseline.management.email`, else the billing contact's, else empty.
 */
export function managementBaseline(config: LandingZoneConfig): EffectiveBaseline {
  return resolveManagementBaseline(config).values;
}

/** The management account's baseline (managementBaseline) with the source of every setting, as resolveBaseline gives a member's. */
export function resolveManagementBaseline(config: LandingZoneConfig): { values: EffectiveBaseline; explained: readonly ExplainedSetting[] } {
  const fromManagement = config.baseline.management.email;
  const fromContacts = config.organization.alternateContacts?.billing?.email;
  const path: PathSegment[] = fromManagement ? ['baseline', 'management', 'email'] : ['organization', 'alternateContacts', 'billing', 'email'];
  const email: ExplainedSetting = { setting: 'email', value: fromManagement ?? fromContacts ?? '', source: formatSource(path), sourcePath: path };
  return resolveLayers(config, [{ path: ['baseline'], values: config.baseline }], email, 'the management account e-mail', existingAccountOnTakeover(config, 'management'));
}

/**
 * The behaviour settings of the baseline (config/takeover.ts) an existing account keeps as it has them on a takeover:
 * nothing in the config sets them for it. `management` for the management account.
 */
export function baselineLeftAlone(config: LandingZoneConfig, account: string): BaselineBehaviourSetting[] {
  const { explained } = account === 'management' ? resolveManagementBaseline(config) : resolveBaseline(config, account);
  const groups = explained.filter((row) => row.source === LEFT_ALONE).map((row) => row.setting.split('.')[0] as BaselineBehaviourSetting);
  return [...new Set(groups)];
}

/** Said for a behaviour setting an existing account keeps on a takeover (config/takeover.ts). */
const LEFT_ALONE = 'left alone: the account existed before the landing zone took over the organization (organization.id) and the config does not set it';

/**
 * Resolves the baseline settings from `layers` (widest first), deriving what nobody set. The behaviour settings
 * (BEHAVIOUR_BASELINE_DEFAULTS) that no layer writes take their built-in value, except where `takeover`: the account
 * existed before the landing zone, and it keeps what it has (a group counts as written when any of its leaves is).
 */
function resolveLayers(
  config: LandingZoneConfig,
  layers: readonly Layer[],
  accountEmail: ExplainedSetting,
  emailVia: string,
  takeover: boolean,
): { values: EffectiveBaseline; explained: ExplainedSetting[] } {
  const explained = new Map<string, ExplainedSetting>();
  const values: Record<string, Record<string, unknown> | unknown> = {};
  const written = (group: string) => layers.some((layer) => get(layer.values, [group]) !== undefined);
  for (const setting of BASELINE_SETTINGS) {
    let found: ExplainedSetting | undefined;
    for (let l = layers.length - 1; l >= 0 && !found; l--) {
      const value = get(layers[l].values, setting);
      if (value === undefined) continue;
      const sourcePath = [...layers[l].path, ...setting];
      const isDefault = l === 0 && isEqual(value, get(DEFAULTS, setting));
      found = isDefault
        ? { setting: setting.join('.'), value, source: `built-in default (${formatSource(sourcePath)})` }
        : { setting: setting.join('.'), value, source: formatSource(sourcePath), sourcePath };
    }
    const builtIn = found ? undefined : get(BEHAVIOUR_BASELINE_DEFAULTS, setting);
    if (builtIn !== undefined) {
      if (takeover && !written(setting[0])) {
        explained.set(setting.join('.'), { setting: setting.join('.'), value: null, source: LEFT_ALONE });
        continue;
      }
      found = { setting: setting.join('.'), value: builtIn, source: 'built-in default' };
    }
    if (found) explained.set(found.setting, found);
    set(values, setting, found?.value);
  }

  // Derived values: nobody set them, so they follow another setting.
  const derive = (setting: string, from: ExplainedSetting, value: unknown, via: string) => {
    const row: ExplainedSetting = { setting, value, source: `${via} → ${from.source}`, sourcePath: from.sourcePath };
    explained.set(setting, row);
    set(values, setting.split('.'), value);
  };
  if (!explained.has('billingAlarm.thresholdUsd')) {
    const budget = explained.get('budget.monthlyUsd')!;
    derive('billingAlarm.thresholdUsd', budget, budget.value, 'budget.monthlyUsd');
  }
  if (!explained.has('billingAlarm.email')) {
    derive('billingAlarm.email', accountEmail, accountEmail.value, emailVia);
  }
  if (!explained.has('budget.emails')) {
    const email = explained.get('billingAlarm.email')!;
    derive('budget.emails', email, [email.value], 'billingAlarm.email');
  }
  const mode = explained.get('accessAnalyzer')!;
  const accountAccessAnalyzer = mode.value === 'always' || (mode.value === 'auto' && !config.security.accessAnalyzer.enabled);
  explained.set('accountAccessAnalyzer', {
    setting: 'accountAccessAnalyzer',
    value: accountAccessAnalyzer,
    source:
      mode.value === 'auto'
        ? `accessAnalyzer auto → security.accessAnalyzer.enabled is ${config.security.accessAnalyzer.enabled} (${mode.source})`
        : mode.source,
    sourcePath: mode.sourcePath,
  });

  const ordered = [...BASELINE_SETTINGS.map((s) => s.join('.')), 'accountAccessAnalyzer']
    .map((s) => explained.get(s))
    .filter((row): row is ExplainedSetting => row !== undefined);
  return {
    values: {
      ...(values as unknown as EffectiveBaseline),
      s3BlockPublicAccess: values.s3BlockPublicAccess === true,
      alternateContacts: (values.alternateContacts ?? {}) as EffectiveBaseline['alternateContacts'],
      accountAccessAnalyzer,
    },
    explained: ordered,
  };
}

function set(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let obj = target;
  for (const seg of path.slice(0, -1)) {
    obj[seg] ??= {};
    obj = obj[seg] as Record<string, unknown>;
  }
  if (value !== undefined) obj[path[path.length - 1]] = value;
}

/** The account's effective baseline values (what its workload stack builds). */
export function effectiveBaseline(config: LandingZoneConfig, accountName: string): EffectiveBaseline {
  return resolveBaseline(config, accountName).values;
}

/**
 * Every baseline setting of the account: its effective value and the config path it came from,
 * for `lz` to print. Throws for an account that is not in the config.
 */
export function explainBaseline(config: LandingZoneConfig, accountName: string): ExplainedSetting[] {
  return [...resolveBaseline(config, accountName).explained];
}

/** A plain-text table of explainBaseline, one setting per line. */
export function formatExplainedBaseline(rows: readonly ExplainedSetting[]): string {
  const width = Math.max(...rows.map((r) => r.setting.length));
  return rows.map((r) => `${r.setting.padEnd(width)}  ${JSON.stringify(r.value)}  ← ${r.source}`).join('\n');
}
