import { BEHAVIOUR_SETTINGS, type BehaviourSettingId, type Ec2BehaviourOption } from '../config/takeover';
import type { PlannedPolicy } from './plan';

/** The key under `ec2_attributes` that each ec2-block-public-access behaviour option declares. */
export const EC2_OPTION_ATTRIBUTE: Readonly<Record<Ec2BehaviourOption, string>> = {
  vpcBlockPublicAccess: 'vpc_block_public_access',
  imageBlockPublicAccess: 'image_block_public_access',
  snapshotBlockPublicAccess: 'snapshot_block_public_access',
  imdsv2Required: 'instance_metadata_defaults',
};

/** The EC2 attributes a declarative policy document declares (keys under `ec2_attributes`). */
export function ec2AttributesOf(content: string): string[] {
  try {
    const attributes = (JSON.parse(content) as { ec2_attributes?: Record<string, unknown> }).ec2_attributes;
    return attributes && typeof attributes === 'object' ? Object.keys(attributes).filter((k) => k !== 'exception_message') : [];
  } catch {
    return [];
  }
}

/**
 * The organization-wide behaviour settings (config/takeover.ts) a planned policy carries: the catalogue entries it
 * holds (its own or those packed into it) and, for the EC2 declarative policy, the attributes its document declares.
 */
export function behaviourSettingsOf(policy: PlannedPolicy): BehaviourSettingId[] {
  const declared = new Set(policy.type === 'DECLARATIVE_POLICY_EC2' ? ec2AttributesOf(policy.content) : []);
  return BEHAVIOUR_SETTINGS.filter((s) => {
    const g = s.guardrail;
    if (!g || !policy.carries.includes(g.policy)) return false;
    return g.option === undefined || declared.has(EC2_OPTION_ATTRIBUTE[g.option]);
  }).map((s) => s.id);
}

/** By policy name: the behaviour settings each planned policy of the config carries (those that carry any). */
export function behaviourSettingsByPolicy(planned: readonly PlannedPolicy[]): Map<string, BehaviourSettingId[]> {
  const out = new Map<string, BehaviourSettingId[]>();
  for (const p of planned) {
    const settings = behaviourSettingsOf(p);
    if (settings.length > 0) out.set(p.name, settings);
  }
  return out;
}
