import type { Document } from 'yaml';
import { LandingZoneSchema } from '../../config/schema';
import { BEHAVIOUR_SETTINGS, takeoverDefers } from '../../config/takeover';
import { valueAt } from './yaml-nodes';

/**
 * The header note of an adopted organization: the behaviour settings (config/takeover.ts) that stay off in its
 * existing accounts until the config turns them on. Organization-wide ones are off while the config does not list
 * them; account ones while no baseline layer writes them.
 */
export function behaviourSettingsNote(doc: Document): string[] {
  if (valueAt(doc, ['organization', 'id']) === undefined) return [];
  const parsed = LandingZoneSchema.safeParse(doc.toJS() ?? {});
  const baselineWrites = (setting: string) => {
    const baseline = valueAt(doc, ['baseline']) as { ouOverrides?: Record<string, unknown> } | undefined;
    const layers = [baseline, ...Object.values(baseline?.ouOverrides ?? {}), ...((valueAt(doc, ['accounts']) as Array<{ baseline?: unknown }> | undefined) ?? []).map((a) => a.baseline)];
    return layers.some((l) => l && typeof l === 'object' && (l as Record<string, unknown>)[setting] !== undefined);
  };
  const off = BEHAVIOUR_SETTINGS.filter((s) =>
    s.scope === 'organization' ? (parsed.success ? takeoverDefers(parsed.data, s) : true) : !baselineWrites(s.baseline ?? ''),
  );
  if (off.length === 0) return [];
  return [
    `This organization is adopted (organization.id): these behaviour settings stay off in its existing accounts until the config turns them on: ${off.map((s) => s.what).join('; ')}. lz check lists each with what turning it on does (docs/operations.md, "Taking over an existing organization").`,
  ];
}
