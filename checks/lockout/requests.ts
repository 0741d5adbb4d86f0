import { parseDocument } from 'yaml';
import type { AccountConfig, LandingZoneConfig } from '../../config/schema';
import { effectiveOu, governedRegions } from '../../config/model';
import { defaultTags } from '../../config/default-tags';
import { accessRoleNameFor } from '../../config/brownfield';
import { ORGANIZATION_ID_PLACEHOLDER } from '../../policies/common';
import { actionResourceTypes, expandActionPattern, type IamAction } from '../../policies/iam-reference';
import { arnsOverlap } from '../../policies/document-check/resources';
import { checkAction } from '../../policies/iam-actions';
import { plannedResources, type PlannedResource } from './planned-resources';
import { CLOUDFORMATION_ACTIONS, TERRAFORM_ACTIONS } from './terraform-actions';

/*
 * The requests the landing zone's own principals make in a member account, so the lock-out check can evaluate the
 * organization policies that reach the account against them: the access role (or Control Tower's execution role)
 * applying the account's stacks, the read-only plan role planning them, the management account's pipeline roles
 * assuming those roles (RCPs of the member account apply), and the StackSet execution role deploying the StackSets
 * whose targets hold the account.
 */

export type PrincipalKind = 'access' | 'plan' | 'apply-assume' | 'plan-assume' | 'stackset';

export interface RequestPrincipal {
  readonly kind: PrincipalKind;
  readonly roleName: string;
  /** The principal's ARN in the request. */
  readonly arn: string;
  /** The ARN pattern messages name (`arn:aws:iam::*:role/OrganizationAccountAccessRole`). */
  readonly pattern: string;
  /** Who it is, for messages: "the access role", "the read-only plan role" ... */
  readonly label: string;
  /** Whether the principal is in the member account (its SCPs apply) or in the management account (SCPs never apply there). */
  readonly inMemberAccount: boolean;
  /** For a StackSet execution role: the StackSet's index under stackSets. */
  readonly stackSet?: number;
}

export interface LandingZoneRequest {
  readonly principal: RequestPrincipal;
  readonly action: string;
  readonly resource: string;
  readonly region: string;
  readonly context: Readonly<Record<string, string | readonly string[]>>;
  /** What the request is for: "AWS Config recorder (the account baseline)". */
  readonly purpose: string;
}

/** A 12-digit stand-in for accounts the landing zone has yet to create. */
function accountIdOf(config: LandingZoneConfig, account: AccountConfig): string {
  if (account.id) return account.id;
  const index = config.accounts.indexOf(account);
  return String(900000000000 + Math.max(0, index));
}

/** The organization id the policies are evaluated with: the adopted organization's, or the placeholder the catalogue renders. */
export function evaluationOrganizationId(config: LandingZoneConfig): string {
  return config.organization.id ?? ORGANIZATION_ID_PLACEHOLDER;
}

/** aws:PrincipalOrgPaths of an account: `o-.../r-.../ou-.../` down to its OU; stand-ins for ids not in the config. */
function orgPath(config: LandingZoneConfig, account: AccountConfig): string {
  const parts = effectiveOu(account).split('/');
  const ous = parts.map((_, i) => config.organization.ouIds[parts.slice(0, i + 1).join('/')] ?? `ou-zzzz-${String(i).padStart(8, 'z')}`);
  return `${evaluationOrganizationId(config)}/${config.organization.rootId ?? 'r-zzzz'}/${ous.join('/')}/`;
}

function role(account: string, name: string): string {
  return `arn:aws:iam::${account}:role/${name}`;
}

/**
 * The resource an action acts on: `arn` when one of the action's resource types has its form; else a resource of the
 * action's first type (its ARN form filled with the Region, the account and the name); "*" for an action that acts on
 * no resource type.
 */
function resourceFor(action: IamAction | undefined, arn: string, fill: { region: string; account: string; name: string }): string {
  if (!action) return arn;
  const types = actionResourceTypes(action);
  if (types.length === 0) return '*';
  if (arn !== '*' && types.some((t) => arnsOverlap(arn, t.arn.replace(/\$\{[^}]+\}/g, '*')))) return arn;
  return types[0].arn.replace(/\$\{([^}]+)\}/g, (_m, v: string) => (v === 'Partition' ? 'aws' : v === 'Region' ? fill.region : /^Account(Id)?$/.test(v) ? fill.account : fill.name));
}

/** Context keys a request of `action` carries: the principal's, the Region, the tags Terraform sends on a create. */
function contextFor(base: Record<string, string | readonly string[]>, action: IamAction | undefined, extra: Readonly<Record<string, string>> | undefined, tags: Record<string, string>, write: boolean) {
  const context: Record<string, string | readonly string[]> = { ...base, ...(extra ?? {}) };
  if (write && action && action.conditionKeys.some((k) => /^aws:RequestTag\//i.test(k))) {
    for (const [k, v] of Object.entries(tags)) context[`aws:RequestTag/${k}`] = v;
    context['aws:TagKeys'] = Object.keys(tags);
  }
  return context;
}

/** IAM actions by id, looked up once: the bundled IAM data does not change while the process runs. */
const actions = new Map<string, IamAction | undefined>();

function actionOf(id: string): IamAction | undefined {
  if (!actions.has(id)) actions.set(id, expandActionPattern(id).find((a) => a.id.toLowerCase() === id.toLowerCase()));
  return actions.get(id);
}

export interface AccountRequests {
  readonly account: AccountConfig;
  readonly accountId: string;
  readonly requests: readonly LandingZoneRequest[];
}

/** Every request the landing zone's principals make for `account` (see the module comment). */
export function accountRequests(config: LandingZoneConfig, account: AccountConfig, planned: readonly PlannedResource[] = plannedResources(config, account)): AccountRequests {
  const id = accountIdOf(config, account);
  const management = config.organization.managementAccountId;
  const orgId = evaluationOrganizationId(config);
  const tags = defaultTags(config);
  const accessRole = accessRoleNameFor(config, account);
  const planRole = config.ci.planRoleName;
  const isExecutionRole = config.controlTower !== undefined && accessRole === config.controlTower.executionRoleName;
  const principals = {
    access: principal('access', accessRole, role(id, accessRole), isExecutionRole ? "Control Tower's execution role" : 'the access role', true),
    plan: principal('plan', planRole, role(id, planRole), 'the read-only plan role', true),
  };
  const paths = [orgPath(config, account)];
  const memberContext = (p: RequestPrincipal, region: string): Record<string, string | readonly string[]> => ({
    'aws:PrincipalArn': p.arn,
    'aws:PrincipalAccount': id,
    'aws:PrincipalOrgID': orgId,
    'aws:PrincipalOrgPaths': paths,
    'aws:PrincipalType': 'AssumedRole',
    'aws:PrincipalIsAWSService': 'false',
    'aws:ViaAWSService': 'false',
    'aws:RequestedRegion': region,
    'aws:SecureTransport': 'true',
    'aws:ResourceAccount': id,
    'aws:ResourceOrgID': orgId,
  });

  const requests: LandingZoneRequest[] = [];
  const fill = (arn: string, r: PlannedResource) => arn.replace('{region}', r.region).replace('{account}', id).replace('{name}', r.name ?? 'lz');
  for (const r of planned) {
    const table = TERRAFORM_ACTIONS[r.type];
    if (!table) throw new Error(`checks/lockout/terraform-actions.ts has no row for ${r.type}`);
    const name = r.name ?? 'lz';
    const purpose = `${table.what} of ${r.family}`;
    const add = (p: RequestPrincipal, actionId: string, write: boolean) => {
      const action = actionOf(actionId);
      requests.push({
        principal: p,
        action: actionId,
        resource: resourceFor(action, fill(table.arns?.[actionId] ?? table.arn, r), { region: r.region, account: id, name }),
        region: r.region,
        context: contextFor(memberContext(p, r.region), action, table.context?.[actionId], tags, write),
        purpose,
      });
    };
    for (const a of r.write ?? table.write) add(principals.access, a, true);
    for (const a of table.read) {
      add(principals.access, a, false);
      add(principals.plan, a, false);
    }
  }

  // The management account's roles assume the member roles: RCPs of the member account apply (STS supports them).
  const home = config.organization.homeRegion;
  const assume = (kind: 'apply-assume' | 'plan-assume', callerRole: string, target: string, label: string) => {
    const caller = principal(kind, callerRole, role(management, callerRole), label, false);
    requests.push({
      principal: caller,
      action: 'sts:AssumeRole',
      resource: role(id, target),
      region: home,
      context: {
        'aws:PrincipalArn': caller.arn,
        'aws:PrincipalAccount': management,
        'aws:PrincipalOrgID': orgId,
        'aws:PrincipalType': 'AssumedRole',
        'aws:PrincipalIsAWSService': 'false',
        'aws:ViaAWSService': 'false',
        'aws:RequestedRegion': home,
        'aws:SecureTransport': 'true',
        'aws:ResourceAccount': id,
        'aws:ResourceOrgID': orgId,
      },
      purpose: `to reach the account as ${target}`,
    });
  };
  assume('apply-assume', config.ci.applyRoleName, accessRole, "the management account's apply role");
  assume('plan-assume', planRole, planRole, "the management account's plan role");

  requests.push(...stackSetRequests(config, account, id, memberContext, tags));
  return { account, accountId: id, requests };
}

function principal(kind: PrincipalKind, roleName: string, arn: string, label: string, inMemberAccount: boolean): RequestPrincipal {
  const pattern = inMemberAccount ? arn.replace(/::\d{12}:/, '::*:') : arn;
  return { kind, roleName, arn, pattern, label, inMemberAccount };
}

/** The StackSet execution role a service-managed StackSet deploys with (`stacksets-exec-` and a hash CloudFormation picks). */
export const STACKSET_EXECUTION_ROLE = 'stacksets-exec-0123456789abcdef0123456789abcdef';

/** Requests of the StackSets whose targets hold the account, one per template resource and Region. */
function stackSetRequests(
  config: LandingZoneConfig,
  account: AccountConfig,
  id: string,
  memberContext: (p: RequestPrincipal, region: string) => Record<string, string | readonly string[]>,
  tags: Record<string, string>,
): LandingZoneRequest[] {
  // A suspended account is frozen on purpose (deny-all leaves only the access and plan roles): a StackSet that reaches it
  // is meant to fail there until the account comes back.
  if (account.state === 'suspended') return [];
  const ou = effectiveOu(account);
  const out: LandingZoneRequest[] = [];
  config.stackSets.forEach((stackSet, index) => {
    const reaches = stackSet.targets.some((t) => t === 'Root' || ou === t || ou.startsWith(`${t}/`));
    if (!reaches || !stackSet.templateBody) return;
    const p: RequestPrincipal = {
      kind: 'stackset',
      roleName: STACKSET_EXECUTION_ROLE,
      arn: role(id, STACKSET_EXECUTION_ROLE),
      pattern: 'arn:aws:iam::*:role/stacksets-exec-*',
      label: `the execution role of StackSet "${stackSet.name}"`,
      inMemberAccount: true,
      stackSet: index,
    };
    for (const region of stackSet.regions ?? governedRegions(config)) {
      for (const resource of templateResources(stackSet.templateBody)) {
        const known = CLOUDFORMATION_ACTIONS[resource.type];
        const actions = known?.actions ?? derivedCreateAction(resource.type);
        const name = known?.nameProperty ? resource.properties[known.nameProperty] : undefined;
        const arn = known?.arn && typeof name === 'string' ? known.arn.replace('{region}', region).replace('{account}', id).replace('{name}', name) : '*';
        for (const actionId of actions) {
          const action = actionOf(actionId);
          out.push({
            principal: p,
            action: actionId,
            resource: resourceFor(action, arn, { region, account: id, name: typeof name === 'string' ? name : resource.logicalId }),
            region,
            context: contextFor(memberContext(p, region), action, undefined, tags, true),
            purpose: `${resource.type} ${resource.logicalId} of the StackSet`,
          });
        }
      }
    }
  });
  return out;
}

/** `AWS::SNS::Topic` -> `sns:CreateTopic` when that action exists; nothing otherwise. */
function derivedCreateAction(type: string): string[] {
  const m = /^AWS::([A-Za-z0-9]+)::([A-Za-z0-9]+)$/.exec(type);
  if (!m) return [];
  const action = `${m[1].toLowerCase()}:Create${m[2]}`;
  return checkAction(action).ok ? [action] : [];
}

interface TemplateResource {
  readonly logicalId: string;
  readonly type: string;
  readonly properties: Record<string, unknown>;
}

/** The resources of a CloudFormation template (JSON or YAML; short-form functions read as plain values). */
function templateResources(body: string): TemplateResource[] {
  let parsed: unknown;
  try {
    parsed = body.trimStart().startsWith('{') ? JSON.parse(body) : parseDocument(body, { prettyErrors: false }).toJS({ maxAliasCount: 100 });
  } catch {
    return [];
  }
  const resources = (parsed as { Resources?: Record<string, { Type?: unknown; Properties?: unknown }> } | null)?.Resources ?? {};
  return Object.entries(resources).flatMap(([logicalId, r]) =>
    r && typeof r.Type === 'string' ? [{ logicalId, type: r.Type, properties: (r.Properties && typeof r.Properties === 'object' ? r.Properties : {}) as Record<string, unknown> }] : [],
  );
}
