/**
 * Management policy grammar (declarative, tag, backup and AI opt-out policies): nested JSON objects
 * whose leaves are inheritance operators such as `@@assign`. Rendered minified, like IAM documents.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_inheritance_mgmt.html
 */

export interface Assign<T> {
  readonly '@@assign': T;
}

export function assign<T>(value: T): Assign<T> {
  return { '@@assign': value };
}

/** A management policy document: JSON objects all the way to the operator leaves. */
export type ManagementDocument = { readonly [key: string]: unknown };

/** Minified JSON text, the form AWS counts against size quotas. */
export function renderManagementPolicy(doc: ManagementDocument): string {
  return JSON.stringify(doc);
}
