import type { PathSegment } from '../../config/problems';
import { didYouMean, show } from '../../config/problems';
import { AWS_REGIONS } from '../../config/regions';
import { iamServices } from '../iam-actions';
import { actionResourceTypes, serviceResourceTypes, type IamAction } from '../iam-reference';
import { PAGES, see, type DocumentFinding } from './types';

/**
 * Resource and NotResource values: `*` or an ARN `arn:partition:service:region:account:resource` whose fields have the
 * form AWS gives that service's resources (no Region for IAM or S3 buckets, an account id or `*`, a service that
 * exists), in the commercial partition this landing zone governs; and, for Resource, an ARN that one of the statement's
 * actions acts on (else the statement never applies to it).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */

const OTHER_PARTITIONS = ['aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];
/** A policy variable (`${aws:PrincipalAccount}`) stands for any text. */
const VARIABLE = /\$\{[^}]+\}/g;
const WILDCARD = /[*?]/;

interface ArnFields {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

function splitArn(arn: string): ArnFields | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts.slice(5).join(':') };
}

/** A field with a wildcard or a policy variable: any value fits. */
function open(field: string): boolean {
  return WILDCARD.test(field) || field.includes('${');
}

/**
 * Whether some string matches both glob patterns (`*` any text, `?` one character), e.g. an ARN of a policy and the ARN
 * form of a resource type with its variables as `*`.
 */
export function globsOverlap(a: string, b: string): boolean {
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    const k = i * (b.length + 1) + j;
    const cached = memo.get(k);
    if (cached !== undefined) return cached;
    let result: boolean;
    if (i === a.length && j === b.length) result = true;
    else if (i < a.length && a[i] === '*') result = go(i + 1, j) || (j < b.length && go(i, j + 1));
    else if (j < b.length && b[j] === '*') result = go(i, j + 1) || (i < a.length && go(i + 1, j));
    else if (i < a.length && j < b.length && (a[i] === b[j] || a[i] === '?' || b[j] === '?')) result = go(i + 1, j + 1);
    else result = false;
    memo.set(k, result);
    return result;
  };
  return go(0, 0);
}

/** arnsOverlap's answers: the lock-out check asks the same pairs for every account of a shape. */
const overlaps = new Map<string, boolean>();

/**
 * Whether some ARN matches both ARN patterns: partition, service, Region and account compared field by field (a
 * wildcard stays within its field), the resource part as a glob.
 */
export function arnsOverlap(a: string, b: string): boolean {
  if (a === '*' || b === '*') return true;
  const key = `${a}\u0001${b}`;
  let result = overlaps.get(key);
  if (result === undefined) {
    const fa = splitArn(a);
    const fb = splitArn(b);
    result = !fa || !fb ? globsOverlap(a, b) : (['partition', 'service', 'region', 'account', 'resource'] as const).every((k) => globsOverlap(fa[k], fb[k]));
    if (overlaps.size > 50_000) overlaps.clear();
    overlaps.set(key, result);
  }
  return result;
}

/** An ARN form of the reference (`arn:${Partition}:s3:::${BucketName}`) as a glob. */
function templateGlob(template: string): string {
  return template.replace(/\$\{[^}]+\}/g, '*');
}

/** Problems of one Resource / NotResource value. */
export function checkResourceValue(value: unknown, at: readonly PathSegment[], element: 'Resource' | 'NotResource', actions: readonly IamAction[] | undefined): DocumentFinding[] {
  if (typeof value !== 'string' || value === '') {
    return [{ at, message: `${show(value)} is not a resource; write "*" or an ARN such as "arn:aws:s3:::example-bucket"${see(PAGES.resource)}` }];
  }
  if (value === '*') return [];
  const fields = splitArn(value);
  if (!fields) {
    return [{ at, message: `${show(value)} is not an ARN; write "*" or "arn:aws:<service>:<region>:<account>:<resource>", e.g. "arn:aws:s3:::example-bucket"${see(PAGES.arns)}` }];
  }
  const out: DocumentFinding[] = [];
  const problem = (message: string) => out.push({ at, message: `${show(value)} ${message}` });
  const { partition, service, region, account } = fields;
  if (!open(partition) && partition !== 'aws') {
    if (OTHER_PARTITIONS.includes(partition)) problem(`is an ARN of the ${partition} partition; this landing zone governs an organization in the commercial partition, whose ARNs start "arn:aws:"${see(PAGES.arns)}`);
    else problem(`has the partition ${show(partition)}; write "aws" (arn:aws:...)${see(PAGES.arns)}`);
  }
  const services = iamServices();
  const serviceKnown = open(service) || services.includes(service);
  if (!serviceKnown) {
    const lower = services.includes(service.toLowerCase());
    problem(lower ? `names the service ${show(service)}; service prefixes are lower-case: write ${show(service.toLowerCase())}${see(PAGES.arns)}` : `names no AWS service ${show(service)}${didYouMean(service, services) || '; check the service prefix in the Service Authorization Reference'}${see(PAGES.arns)}`);
  }
  const templates = serviceKnown && !open(service) ? serviceResourceTypes(service).map((t) => ({ type: t, fields: splitArn(t.arn) })) : [];
  const forms = templates.filter((t) => t.fields !== undefined);
  const example = forms[0]?.type.arn;
  const rewritten = (change: Partial<ArnFields>) => {
    const f = { ...fields, ...change };
    return `arn:${f.partition}:${f.service}:${f.region}:${f.account}:${f.resource}`;
  };
  if (region !== '' && !open(region)) {
    if (forms.length > 0 && forms.every((t) => t.fields!.region === '')) {
      problem(`has the Region ${show(region)}, but ${service} ARNs have none: write ${show(rewritten({ region: '' }))}${see(PAGES.arns)}`);
    } else if (!(AWS_REGIONS as readonly string[]).includes(region)) {
      problem(`has ${show(region)} where the Region goes; write a Region code such as "us-east-1", or "*"${didYouMean(region, AWS_REGIONS)}${see(PAGES.arns)}`);
    }
  }
  if (region === '' && forms.length > 0 && forms.every((t) => t.fields!.region !== '')) {
    problem(`has no Region, but every ${service} ARN has one (${example}): write the Region or "*", e.g. ${show(rewritten({ region: '*' }))}${see(PAGES.arns)}`);
  }
  if (account !== '' && !open(account)) {
    if (!/^\d{12}$/.test(account) && account !== 'aws') problem(`has ${show(account)} where the account goes; write a 12-digit account id or "*"${see(PAGES.arns)}`);
    else if (forms.length > 0 && forms.every((t) => t.fields!.account === '')) {
      problem(`has the account ${show(account)}, but ${service} ARNs have none: write ${show(rewritten({ account: '' }))}${see(PAGES.arns)}`);
    }
  }
  if (account === '' && forms.length > 0 && forms.every((t) => t.fields!.account !== '')) {
    problem(`has no account, but every ${service} ARN has one (${example}): write the account id or "*", e.g. ${show(rewritten({ account: '*' }))}${see(PAGES.arns)}`);
  }
  if (out.length > 0 || element === 'NotResource' || !actions || actions.length === 0) return out;
  // Which resources the statement's actions act on: an ARN none of them acts on makes the statement never apply to it.
  const glob = value.replace(VARIABLE, '*');
  const acted = actions.flatMap((a) => actionResourceTypes(a).map((t) => ({ action: a, type: t })));
  if (acted.length === 0) {
    const names = [...new Set(actions.map((a) => a.id))];
    problem(`is never matched: ${names.slice(0, 3).join(', ')}${names.length > 3 ? ' ...' : ''} act${names.length === 1 ? 's' : ''} on no resource type, so AWS authorizes ${names.length === 1 ? 'it' : 'them'} only against "Resource": "*"; write "*"${see(PAGES.serviceKeys)}`);
    return out;
  }
  if (acted.some((x) => arnsOverlap(glob, templateGlob(x.type.arn)))) return out;
  const byAction = new Map<string, string[]>();
  for (const x of acted) byAction.set(x.action.id, [...new Set([...(byAction.get(x.action.id) ?? []), x.type.arn.replace('${Partition}', 'aws')])]);
  const expected = [...byAction.entries()]
    .slice(0, 3)
    .map(([action, arns]) => `${action} acts on ${arns.join(' or ')}`)
    .join('; ');
  problem(`matches no resource the statement's actions act on (${expected}${byAction.size > 3 ? '; ...' : ''}), so the statement never applies to it; write an ARN of that form, or the actions that act on this resource${see(PAGES.serviceKeys)}`);
  return out;
}
