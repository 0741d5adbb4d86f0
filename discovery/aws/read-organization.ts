import { allPages } from './pages';
import {
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  type ListAccountsForParentCommandOutput,
  ListAWSServiceAccessForOrganizationCommand,
  type ListAWSServiceAccessForOrganizationCommandOutput,
  ListOrganizationalUnitsForParentCommand,
  type ListOrganizationalUnitsForParentCommandOutput,
  DescribePolicyCommand,
  type DescribePolicyCommandOutput,
  ListPoliciesCommand,
  type ListPoliciesCommandOutput,
  ListRootsCommand,
  ListTargetsForPolicyCommand,
  type ListTargetsForPolicyCommandOutput,
  type OrganizationsClient,
  type PolicyType,
} from '@aws-sdk/client-organizations';
import { ouConfigName } from '../names';
import { explainOrganizationsError } from './organizations';
import { UserError } from '../../lib/user-error';

/** One account of an existing organization. */
export interface ExistingAccount {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** OU path, or '' for an account directly under the root. */
  readonly ouPath: string;
  /** ACTIVE, SUSPENDED (closed, within 90 days) or PENDING_CLOSURE. */
  readonly status: string;
}

/** Where a policy is attached: the root, an OU (its id and path of config OU names) or an account (its id and AWS name). */
export type PolicyTarget =
  | { readonly type: 'ROOT'; readonly id: string }
  | { readonly type: 'ORGANIZATIONAL_UNIT'; readonly id: string; /** Undefined: an OU the tree walk did not see. */ readonly path?: string }
  | { readonly type: 'ACCOUNT'; readonly id: string; readonly name: string };

/** An organization policy and where it is attached. */
export interface ExistingPolicy {
  readonly id: string;
  readonly name: string;
  /** The Organizations policy type (SERVICE_CONTROL_POLICY, BACKUP_POLICY, ...). */
  readonly type: string;
  readonly awsManaged: boolean;
  readonly targets: readonly PolicyTarget[];
  /**
   * For an EC2 declarative policy: the account attributes it declares (keys under `ec2_attributes`, DescribePolicy),
   * which accounts it reaches can no longer set themselves.
   * @default - not a declarative policy
   */
  readonly ec2Attributes?: readonly string[];
}

/** The keys under `ec2_attributes` of a declarative policy's content (none when it is not JSON). */
export function declaredEc2Keys(content: string | undefined): string[] {
  try {
    const attributes = (JSON.parse(content ?? '') as { ec2_attributes?: Record<string, unknown> }).ec2_attributes;
    return attributes && typeof attributes === 'object' ? Object.keys(attributes).filter((k) => k !== 'exception_message').sort() : [];
  } catch {
    return [];
  }
}

/** What `lz import` reads from AWS Organizations. */
export interface ExistingOrganization {
  readonly id: string;
  readonly managementAccountId: string;
  readonly rootId: string;
  /**
   * OU path → OU id, parents before children. Paths are made of config OU names (ouConfigName);
   * `awsName` is the name in AWS when it had to be changed to fit a path.
   */
  readonly organizationalUnits: ReadonlyArray<{ readonly path: string; readonly id: string; readonly awsName?: string }>;
  readonly accounts: readonly ExistingAccount[];
  /**
   * Every policy of every policy type enabled at the root, AWS managed ones included.
   * @default - not read (`lz import --no-policies`)
   */
  readonly policies?: readonly ExistingPolicy[];
  /**
   * The policy types enabled at the root (status ENABLED), every one of them: the organization's enabled_policy_types
   * is authoritative, so a type the config does not keep is disabled on the next apply.
   */
  readonly enabledPolicyTypes: readonly string[];
  /**
   * Service principals with trusted access enabled (ListAWSServiceAccessForOrganization).
   * @default - none read
   */
  readonly serviceAccessPrincipals?: readonly string[];
}

/** client.send, always as a promise (mocks may answer synchronously). */
async function send<O>(client: OrganizationsClient, command: unknown): Promise<O> {
  return (await client.send(command as never)) as O;
}

/** A policy target as ListTargetsForPolicy names it, with the OU's path. */
function targetOf(t: { TargetId?: string; Type?: string; Name?: string }, pathOf: ReadonlyMap<string, string>): PolicyTarget {
  const id = t.TargetId ?? '';
  if (t.Type === 'ROOT') return { type: 'ROOT', id };
  if (t.Type === 'ACCOUNT') return { type: 'ACCOUNT', id, name: t.Name ?? id };
  const path = pathOf.get(id);
  return { type: 'ORGANIZATIONAL_UNIT', id, ...(path !== undefined ? { path } : {}) };
}

/**
 * Reads an existing organization: DescribeOrganization, ListRoots (with the policy types enabled at the root), the OU
 * tree (recursively), the accounts of every parent and, unless `withPolicies` is false, the policies of every enabled
 * type with their targets (ListPolicies, ListTargetsForPolicy).
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListRoots.html
 */
export async function readOrganization(client: OrganizationsClient, withPolicies = true): Promise<ExistingOrganization> {
  try {
    const org = (await client.send(new DescribeOrganizationCommand({}))).Organization;
    if (!org?.Id || !org.MasterAccountId) throw new UserError('AWS returned no organization id; run with the management account\'s credentials.');
    if (org.FeatureSet && org.FeatureSet !== 'ALL') {
      throw new UserError(`organization ${org.Id} has only consolidated billing features; enable all features first (Organizations console > Settings), the landing zone needs them.`);
    }
    const roots = (await client.send(new ListRootsCommand({}))).Roots ?? [];
    const rootId = roots[0]?.Id;
    if (!rootId) throw new UserError('the organization has no root visible to these credentials.');

    const ous: Array<{ path: string; id: string; awsName?: string }> = [];
    const accounts: ExistingAccount[] = [];
    const pathOf = new Map<string, string>();
    const visit = async (parentId: string, parentPath: string) => {
      const children = await allPages((NextToken) =>
        send<ListOrganizationalUnitsForParentCommandOutput>(client, new ListOrganizationalUnitsForParentCommand({ ParentId: parentId, NextToken })).then((r) => ({ items: r.OrganizationalUnits, next: r.NextToken })),
      );
      const members = await allPages((NextToken) =>
        send<ListAccountsForParentCommandOutput>(client, new ListAccountsForParentCommand({ ParentId: parentId, NextToken })).then((r) => ({ items: r.Accounts, next: r.NextToken })),
      );
      for (const a of members) {
        if (!a.Id) continue;
        accounts.push({ id: a.Id, name: a.Name ?? a.Id, email: a.Email ?? '', ouPath: parentPath, status: a.State ?? a.Status ?? 'ACTIVE' });
      }
      const taken = new Set<string>();
      for (const ou of [...children].sort((x, y) => (x.Name ?? '').localeCompare(y.Name ?? ''))) {
        if (!ou.Id || !ou.Name) continue;
        let name = ouConfigName(ou.Name);
        for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${ouConfigName(ou.Name).slice(0, 120)}-${n}`;
        taken.add(name.toLowerCase());
        const path = parentPath ? `${parentPath}/${name}` : name;
        ous.push({ path, id: ou.Id, ...(name !== ou.Name ? { awsName: ou.Name } : {}) });
        pathOf.set(ou.Id, path);
        await visit(ou.Id, path);
      }
    };
    await visit(rootId, '');

    const enabledPolicyTypes = [...new Set((roots[0].PolicyTypes ?? []).filter((t) => t.Status === 'ENABLED' && t.Type).map((t) => t.Type as string))];
    let policies: ExistingPolicy[] | undefined;
    if (withPolicies) {
      policies = [];
      for (const type of enabledPolicyTypes) {
        const list = await allPages((NextToken) =>
          send<ListPoliciesCommandOutput>(client, new ListPoliciesCommand({ Filter: type as PolicyType, NextToken })).then((r) => ({ items: r.Policies, next: r.NextToken })),
        );
        for (const p of list) {
          if (!p.Id) continue;
          const targets = await allPages((NextToken) =>
            send<ListTargetsForPolicyCommandOutput>(client, new ListTargetsForPolicyCommand({ PolicyId: p.Id, NextToken })).then((r) => ({ items: r.Targets, next: r.NextToken })),
          );
          // What an EC2 declarative policy declares, the account baselines must leave alone where it reaches.
          const ec2Attributes =
            type === 'DECLARATIVE_POLICY_EC2'
              ? declaredEc2Keys((await send<DescribePolicyCommandOutput>(client, new DescribePolicyCommand({ PolicyId: p.Id }))).Policy?.Content)
              : undefined;
          policies.push({ id: p.Id, name: p.Name ?? p.Id, type, awsManaged: p.AwsManaged ?? false, targets: targets.map((t) => targetOf(t, pathOf)), ...(ec2Attributes ? { ec2Attributes } : {}) });
        }
      }
    }
    // The management stack's trusted-access list is authoritative: what is enabled now must be known, or the
    // first apply switches it off (Control Tower, Backup, ... enabled out of band).
    const serviceAccess = await allPages((NextToken) =>
      send<ListAWSServiceAccessForOrganizationCommandOutput | undefined>(client, new ListAWSServiceAccessForOrganizationCommand({ NextToken })).then((r) => ({
        items: r?.EnabledServicePrincipals,
        next: r?.NextToken,
      })),
    );
    const serviceAccessPrincipals = serviceAccess.map((p) => p.ServicePrincipal).filter((p): p is string => Boolean(p));
    return { id: org.Id, managementAccountId: org.MasterAccountId, rootId, organizationalUnits: ous, accounts, ...(policies ? { policies } : {}), enabledPolicyTypes, serviceAccessPrincipals };
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw explainOrganizationsError(e, 'reading the organization');
  }
}
