import type { LandingZoneConfig } from './schema';

/** Tags the landing zone adds to every resource itself, besides organization.tags (they win over a key of the same name). */
export function builtInTags(config: Pick<LandingZoneConfig, 'organization'>): Record<string, string> {
  return { 'managed-by': 'cdktf-landing-zone', 'landing-zone': config.organization.name };
}

/**
 * Tags every resource of the landing zone carries through the providers' default tags: organization.tags and the
 * built-in ones. A resource's own tags (accounts[].tags, a permission set's tags) are merged with these by the
 * provider, so the resource gets the union of the keys.
 */
export function defaultTags(config: Pick<LandingZoneConfig, 'organization'>): Record<string, string> {
  return { ...config.organization.tags, ...builtInTags(config) };
}
