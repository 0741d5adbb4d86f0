import type { LandingZoneConfig } from '../../config/schema';
import { baselineLeftAlone } from '../../config/effective-baseline';
import { adoptedOrganization, BEHAVIOUR_SETTINGS, takeoverDefers, type BehaviourSettingId } from '../../config/takeover';

/** One behaviour setting an adopted organization leaves off (or leaves to some existing accounts). */
export interface TakeoverRow {
  readonly id: BehaviourSettingId;
  readonly what: string;
  /** What turning it on does to existing accounts. */
  readonly effect: string;
  /** How to turn it on. */
  readonly enable: string;
  readonly source: string;
  /** For an account-level setting: the existing accounts that keep their own value. */
  readonly accounts?: readonly string[];
}

/**
 * Every behaviour setting (config/takeover.ts) an adopted organization leaves off: the organization-wide ones the
 * config does not write, and the account-level ones with the existing accounts that keep their own value. Empty on a
 * new organization.
 */
export function takeoverReport(config: LandingZoneConfig): TakeoverRow[] {
  if (!adoptedOrganization(config)) return [];
  const existing = ['management', ...config.accounts.filter((a) => a.id !== undefined).map((a) => a.name)];
  const rows: TakeoverRow[] = [];
  for (const s of BEHAVIOUR_SETTINGS) {
    const row = { id: s.id, what: s.what, effect: s.effect, enable: s.enable, source: s.source };
    if (s.scope === 'organization') {
      if (takeoverDefers(config, s)) rows.push(row);
      continue;
    }
    const accounts = existing.filter((a) => baselineLeftAlone(config, a).includes(s.baseline!));
    if (accounts.length > 0) rows.push({ ...row, accounts });
  }
  return rows;
}

/** The organization-wide settings left off, for the checklist (checks/checklist/types.ts CheckContext.deferred). */
export function deferredSettings(rows: readonly TakeoverRow[]): Set<BehaviourSettingId> {
  return new Set(rows.filter((r) => r.accounts === undefined).map((r) => r.id));
}

/** Human output: each setting left off, what turning it on does and how. */
export function formatTakeover(rows: readonly TakeoverRow[]): string {
  if (rows.length === 0) return 'Nothing left off: every behaviour setting is applied as the config says.';
  const lines = [
    'organization.id is set: these settings change what existing accounts do, so they stay off until the config turns them on (docs/operations.md, "Taking over an existing organization").',
    '',
  ];
  for (const r of rows) {
    lines.push(`OFF   ${r.what}${r.accounts ? ` in ${r.accounts.join(', ')}` : ''}`);
    lines.push(`        turning it on: ${r.effect}`);
    lines.push(`        to turn it on: ${r.enable}`);
    lines.push(`        ↳ ${r.source}`);
  }
  return lines.join('\n');
}
