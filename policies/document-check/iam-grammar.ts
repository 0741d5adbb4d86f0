import type { PathSegment } from '../../config/problems';
import { didYouMean, show } from '../../config/problems';
import { checkAction } from '../iam-actions';
import { expandActionPattern, type IamAction } from '../iam-reference';
import { servicesWithRcpSupport } from '../rcp-services';
import { checkCondition } from './conditions';
import { checkResourceValue } from './resources';
import { isObject, PAGES, see, type DocumentFinding } from './types';

/** IAM-grammar documents: service and resource control policies, and permission set inline policies (identity-based). */
export type IamDocumentKind = 'scp' | 'rcp' | 'permissionSet';

const LABEL: Record<IamDocumentKind, string> = { scp: 'an SCP', rcp: 'an RCP', permissionSet: 'a permission set policy' };
const SYNTAX_PAGE: Record<IamDocumentKind, string> = { scp: PAGES.scpSyntax, rcp: PAGES.rcpSyntax, permissionSet: PAGES.grammar };

/**
 * Statement elements each kind takes. SCPs: the identity-policy elements without Principal (an SCP applies to every
 * principal below its targets). RCPs: Principal "*" only, and neither NotAction nor NotPrincipal. Permission sets:
 * identity-based elements, no Principal.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html
 */
const STATEMENT_KEYS: Record<IamDocumentKind, readonly string[]> = {
  scp: ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'],
  rcp: ['Sid', 'Effect', 'Principal', 'Action', 'Resource', 'NotResource', 'Condition'],
  permissionSet: ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'],
};

const TOP_KEYS = ['Version', 'Id', 'Statement'];

/** Grammar, actions, resources and conditions of an IAM-grammar document. */
export function checkIamDocument(kind: IamDocumentKind, doc: Record<string, unknown>): DocumentFinding[] {
  const out: DocumentFinding[] = [];
  for (const key of Object.keys(doc)) {
    if (!TOP_KEYS.includes(key)) {
      out.push({ at: [], message: `has ${show(key)} at the top level${didYouMean(key, TOP_KEYS)}; a policy has Version and Statement${see(PAGES.grammar)}` });
    }
  }
  if (doc.Version !== '2012-10-17' && !(kind === 'permissionSet' && doc.Version === undefined)) {
    out.push({ at: ['Version'], message: `is ${show(doc.Version)}; use "2012-10-17"${see(PAGES.version)}` });
  }
  const raw = doc.Statement;
  const statements = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (statements.length === 0) out.push({ at: [], message: `has no Statement; add at least one${see(SYNTAX_PAGE[kind])}` });
  const sids = new Map<string, number>();
  statements.forEach((s, i) => {
    const at: PathSegment[] = Array.isArray(raw) ? ['Statement', i] : ['Statement'];
    if (!isObject(s)) {
      out.push({ at, message: `is ${show(s)}; a statement is an object with Effect, Action and Resource${see(PAGES.grammar)}` });
      return;
    }
    out.push(...checkStatement(kind, s, at));
    if (typeof s.Sid === 'string' && s.Sid !== '') {
      const first = sids.get(s.Sid);
      if (first !== undefined) out.push({ at: [...at, 'Sid'], message: `${show(s.Sid)} is already the Sid of Statement[${first}]; give each statement its own Sid${see(PAGES.sid)}` });
      else sids.set(s.Sid, i);
    }
  });
  return out;
}

function checkStatement(kind: IamDocumentKind, s: Record<string, unknown>, at: PathSegment[]): DocumentFinding[] {
  const out: DocumentFinding[] = [];
  const allowed = STATEMENT_KEYS[kind];
  for (const key of Object.keys(s)) {
    if (allowed.includes(key)) continue;
    let why: string;
    if (key === 'Principal' || key === 'NotPrincipal') {
      why =
        kind === 'scp'
          ? '; an SCP applies to every principal of the accounts below its targets, so it names none: narrow it with a Condition on aws:PrincipalArn instead'
          : kind === 'permissionSet'
            ? '; a permission set policy applies to whoever holds the role, so it has no Principal'
            : '; RCPs take "Principal": "*" only (narrow it with a Condition on aws:PrincipalArn)';
    } else if (kind === 'rcp' && key === 'NotAction') {
      why = '; RCPs do not support NotAction: list the actions under Action';
    } else {
      why = didYouMean(key, allowed) || `; use ${allowed.join(', ')}`;
    }
    out.push({ at: [...at, key], message: `is not allowed in ${LABEL[kind]}${why}${see(SYNTAX_PAGE[kind])}` });
  }
  if (s.Sid !== undefined && (typeof s.Sid !== 'string' || !/^[A-Za-z0-9]*$/.test(s.Sid))) {
    out.push({ at: [...at, 'Sid'], message: `${show(s.Sid)} is not a statement id; a Sid holds only letters and digits (A-Z, a-z, 0-9)${see(PAGES.sid)}` });
  }
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny') {
    const fixed = typeof s.Effect === 'string' ? ['Allow', 'Deny'].find((e) => e.toLowerCase() === s.Effect!.toString().toLowerCase()) : undefined;
    out.push({
      at: [...at, 'Effect'],
      message: fixed
        ? `is ${show(s.Effect)}; Effect is case-sensitive: write ${show(fixed)}${see(PAGES.effect)}`
        : `is ${show(s.Effect)}; use "Deny"${kind === 'rcp' ? '' : ' or "Allow"'}${see(PAGES.effect)}`,
    });
  }
  if (kind === 'rcp' && s.Effect === 'Allow') {
    out.push({ at: [...at, 'Effect'], message: `is "Allow"; RCPs only deny (RCPFullAWSAccess already allows), use "Deny"${see(PAGES.rcpSyntax)}` });
  }
  if (kind === 'rcp' && s.Principal !== '*') {
    out.push({ at: [...at, 'Principal'], message: `is ${show(s.Principal)}; RCPs need "Principal": "*" (narrow it with Condition)${see(PAGES.rcpSyntax)}` });
  }
  const actionKey = s.Action !== undefined ? 'Action' : s.NotAction !== undefined && allowed.includes('NotAction') ? 'NotAction' : undefined;
  if (s.Action === undefined && s.NotAction === undefined) out.push({ at, message: `has no Action; add the actions it ${kind === 'permissionSet' ? 'allows or denies' : 'denies'}, e.g. "Action": ["s3:GetObject"]${see(PAGES.action)}` });
  if (s.Action !== undefined && s.NotAction !== undefined) out.push({ at, message: `has both Action and NotAction; keep one${see(PAGES.action)}` });
  const resourceKey = s.Resource !== undefined ? 'Resource' : s.NotResource !== undefined ? 'NotResource' : undefined;
  if (!resourceKey) out.push({ at, message: `has no Resource; add "Resource": "*" or the ARNs it applies to${see(PAGES.resource)}` });
  if (s.Resource !== undefined && s.NotResource !== undefined) out.push({ at, message: `has both Resource and NotResource; keep one${see(PAGES.resource)}` });

  let actions: IamAction[] | undefined;
  if (actionKey) {
    const checked = checkActions(kind, s[actionKey], [...at, actionKey], actionKey);
    out.push(...checked.findings);
    actions = actionKey === 'Action' ? checked.actions : undefined;
  }
  if (resourceKey) {
    const value = s[resourceKey];
    const list = Array.isArray(value) ? value : [value];
    if (Array.isArray(value) && value.length === 0) out.push({ at: [...at, resourceKey], message: `is empty; write "*" or the ARNs it applies to${see(PAGES.resource)}` });
    list.forEach((r, j) => out.push(...checkResourceValue(r, Array.isArray(value) ? [...at, resourceKey, j] : [...at, resourceKey], resourceKey, actions)));
  }
  if (s.Condition !== undefined) out.push(...checkCondition(s.Condition, [...at, 'Condition'], { effect: s.Effect, actions }));
  return out;
}

/**
 * Every Action / NotAction names an existing action (`*` wildcards must match one) of a service; RCP actions belong to
 * services that support RCPs. Returns the named actions, wildcards expanded; undefined when the statement names `*`
 * or an action that does not exist, so later checks that depend on what the actions are do not run on guesses.
 */
function checkActions(kind: IamDocumentKind, value: unknown, at: PathSegment[], element: 'Action' | 'NotAction'): { findings: DocumentFinding[]; actions?: IamAction[] } {
  const findings: DocumentFinding[] = [];
  const list = Array.isArray(value) ? value : [value];
  if (Array.isArray(value) && value.length === 0) findings.push({ at, message: `is empty; list the actions, e.g. ["s3:GetObject"]${see(PAGES.action)}` });
  let actions: IamAction[] | undefined = [];
  list.forEach((action, j) => {
    const spot = Array.isArray(value) ? [...at, j] : at;
    if (typeof action !== 'string') {
      findings.push({ at: spot, message: `${show(action)} is not an action; actions are text like "s3:GetObject"${see(PAGES.action)}` });
      actions = undefined;
      return;
    }
    const check = checkAction(action);
    if (!check.ok) {
      actions = undefined;
      if (check.reason === 'syntax') findings.push({ at: spot, message: `${show(action)} is not an action; write "service:Action", e.g. "s3:GetObject"${see(PAGES.action)}` });
      else if (check.reason === 'service') findings.push({ at: spot, message: `${show(action)} names no AWS service${didYouMean(action.split(':')[0], check.candidates) || '; check the service prefix in the Service Authorization Reference'}${see(PAGES.serviceKeys)}` });
      else findings.push({ at: spot, message: `${show(action)} is not an IAM action${didYouMean(action, check.candidates) || '; check the Service Authorization Reference'}${see(PAGES.serviceKeys)}` });
      return;
    }
    if (action === '*') {
      actions = undefined;
      return;
    }
    if (kind === 'rcp') {
      const service = action.split(':')[0].toLowerCase();
      if (!servicesWithRcpSupport().includes(service)) {
        findings.push({ at: spot, message: `${show(action)}: ${service} does not support RCPs; move it to an SCP or use one of ${servicesWithRcpSupport().slice(0, 8).join(', ')} ...${see(PAGES.rcpServices)}` });
      }
    }
    actions?.push(...expandActionPattern(action));
  });
  if (element === 'NotAction') return { findings };
  return { findings, ...(actions ? { actions } : {}) };
}
