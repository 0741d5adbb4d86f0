import { address, regionOf, resourcesOf, type StackJson } from '../../lib/stack-json';
import type { CheckContext, Evidence } from './types';

/** The part of the check context the lookups need. */
export type CheckContextLike = CheckContext;

/** One resource found in some stack. */
export interface FoundResource {
  readonly stack: string;
  readonly type: string;
  readonly name: string;
  readonly body: Record<string, any>;
  /** Region of the resource's provider. */
  readonly region?: string;
}

/** Every resource of `type` in every stack (or only in `stackIds`), stacks in id order. */
export function find(ctx: CheckContext, type: string, stackIds?: readonly string[]): FoundResource[] {
  const ids = (stackIds ?? Object.keys(ctx.stacks)).filter((id) => ctx.stacks[id]).sort();
  return ids.flatMap((stack) =>
    resourcesOf(ctx.stacks[stack], type).map(([name, body]) => ({ stack, type, name, body, region: regionOf(ctx.stacks[stack], body) })),
  );
}

export function evidenceOf(r: FoundResource, note?: string): Evidence {
  return { stack: r.stack, address: address(r.type, r.name), ...(note ? { note } : {}) };
}

/** Stack ids of the workload stacks. */
export function workloadStackIds(ctx: CheckContext): string[] {
  return Object.keys(ctx.stacks)
    .filter((id) => id.startsWith('workload-'))
    .sort();
}

/** The stack by id, when present. */
export function stackOf(ctx: CheckContext, id: string): StackJson | undefined {
  return ctx.stacks[id];
}

/** True when a Terraform reference or id names the organization root. */
export function isRootTarget(targetId: unknown): boolean {
  return typeof targetId === 'string' && (/\.roots\[0\]\.id/.test(targetId) || /roots0id/.test(targetId) || /^r-[0-9a-z]{4,32}$/.test(targetId));
}

/** `${aws_sns_topic.Topic_123.arn}` → `aws_sns_topic.Topic_123`; undefined for a literal. */
export function referencedAddress(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\$\{([a-z0-9_]+\.[A-Za-z0-9_-]+)\.[a-z_]+\}$/.exec(value);
  return m?.[1];
}
