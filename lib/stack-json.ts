/*
 * The Terraform JSON of a synthesized stack (cdk.tf.json) as the checks and the commands read it, and small
 * look-ups in it. Plain data: nothing of the landing zone.
 */

/** Terraform JSON of one synthesized stack (cdk.tf.json), as far as the lz commands read it. */
export interface StackJson {
  readonly terraform?: Record<string, any>;
  readonly provider?: { readonly aws?: ReadonlyArray<Record<string, any>> };
  readonly resource?: Record<string, Record<string, Record<string, any>>>;
  readonly data?: Record<string, Record<string, Record<string, any>>>;
  readonly import?: ReadonlyArray<{ readonly to: string; readonly id: string }>;
  readonly [key: string]: unknown;
}

/** `aws_cloudtrail.OrganizationTrail_7F291DBA`: the Terraform address of a resource. */
export function address(type: string, name: string): string {
  return `${type}.${name}`;
}

/** Every resource of a type in a stack as [name, body] pairs. */
export function resourcesOf(stack: StackJson | undefined, type: string): Array<[string, Record<string, any>]> {
  return Object.entries(stack?.resource?.[type] ?? {});
}

/** The region a resource runs in: its provider alias's region, or the default provider's. */
export function regionOf(stack: StackJson, resource: Record<string, any>): string | undefined {
  const ref = typeof resource.provider === 'string' ? resource.provider : 'aws';
  const alias = ref.includes('.') ? ref.slice(ref.indexOf('.') + 1) : undefined;
  const provider = (stack.provider?.aws ?? []).find((p) => p.alias === alias);
  return provider?.region;
}
