import type { AccountConfig, LandingZoneConfig } from '../../config/schema';
import { ROOT_TARGET } from '../../config/schema';
import type { PathSegment, Problem } from '../../config/problems';
import { show } from '../../config/problems';
import { effectiveOu } from '../../config/model';
import { ORGANIZATION_ID_PLACEHOLDER } from '../../policies/common';
import { effectiveGuardrails, type EffectiveGuardrail } from '../../policies/effective';
import { renderGuardrail } from '../../policies/plan';
import { statementsOf } from '../../policies/packing';
import { CATALOGUE } from '../../policies/catalogue';
import { servicesWithRcpSupport } from '../../policies/rcp-services';
import { checkPolicyDocument, formatInnerPath } from '../../policies/document-check';
import { evaluateLevels, type Decision, type NamedPolicy, type PolicyLevel } from './evaluate';
import { accountRequests, evaluationOrganizationId, type LandingZoneRequest, type RequestPrincipal } from './requests';
import { memberAccounts, plannedResources } from './planned-resources';
import { accessRoleNameFor } from '../../config/brownfield';

/*
 * Guardrails that would lock the landing zone out of its own accounts: every SCP and RCP that reaches a member account
 * (attached to Root, an OU above it or the account; the catalogue's documents and custom ones) is evaluated
 * (evaluate.ts) against the requests the landing zone's principals make there (requests.ts). A request an explicit
 * Deny matches, or that an allow-list SCP leaves unallowed at some level, would fail every later apply or plan of the
 * account: it is reported naming the policy, the statement, the principal, the actions and the fix.
 * Not evaluated: policies of guardrails.existing and Control Tower's own SCPs (their text is not in the config), and
 * custom documents with problems of their own (reported by the document checker first).
 */

const SCP_EVALUATION = 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html';
const RCP_EVALUATION = 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html';

const FULL_AWS_ACCESS = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const RCP_FULL_AWS_ACCESS = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] };

type Kind = 'scp' | 'rcp';

/** A rendered SCP or RCP and the guardrail it comes from. */
interface GuardrailDocument {
  readonly guardrail?: EffectiveGuardrail;
  /** An SCP with Allow statements: an allow list, meant to replace FullAWSAccess where it is attached. */
  readonly allowList: boolean;
}

function isAllowList(document: object): boolean {
  return statementsOf(document).some((s) => s !== null && typeof s === 'object' && s.Effect === 'Allow');
}

/** The SCPs and RCPs of the config, rendered with the organization id the requests carry. */
function guardrailDocuments(config: LandingZoneConfig): { kind: Kind; targets: ReadonlySet<string>; policy: NamedPolicy<GuardrailDocument> }[] {
  const orgId = evaluationOrganizationId(config);
  const out: { kind: Kind; targets: ReadonlySet<string>; policy: NamedPolicy<GuardrailDocument> }[] = [];
  for (const g of effectiveGuardrails(config)) {
    if (g.kind !== 'scp' && g.kind !== 'rcp') continue;
    if (g.document && checkPolicyDocument(g.kind, g.document).length > 0) continue;
    const rendered = renderGuardrail(config, g);
    if (!rendered) continue;
    const document = JSON.parse(JSON.stringify(rendered.document).split(ORGANIZATION_ID_PLACEHOLDER).join(orgId));
    const allowList = g.kind === 'scp' && !g.policy && isAllowList(document);
    out.push({ kind: g.kind, targets: new Set(g.targets), policy: { name: g.name, document, ref: { guardrail: g, allowList } } });
  }
  return out;
}

/** Root, then each OU from the top down to the account's OU, then the account. */
function targetsOf(account: AccountConfig): string[] {
  const parts = effectiveOu(account).split('/');
  return [ROOT_TARGET, ...parts.map((_, i) => parts.slice(0, i + 1).join('/')), account.name];
}

/** The policies of each kind by target they are attached to. */
type Attachments = Record<Kind, Map<string, NamedPolicy<GuardrailDocument>[]>>;

function attachments(documents: ReturnType<typeof guardrailDocuments>): Attachments {
  const out: Attachments = { scp: new Map(), rcp: new Map() };
  for (const d of documents) {
    for (const target of d.targets) out[d.kind].set(target, [...(out[d.kind].get(target) ?? []), d.policy]);
  }
  return out;
}

const FULL_ACCESS: Record<Kind, NamedPolicy<GuardrailDocument>> = {
  scp: { name: 'FullAWSAccess', document: FULL_AWS_ACCESS, ref: { allowList: false } },
  rcp: { name: 'RCPFullAWSAccess', document: RCP_FULL_AWS_ACCESS, ref: { allowList: false } },
};

/**
 * The levels of one kind for the account: FullAWSAccess / RCPFullAWSAccess stays attached everywhere (the landing zone
 * keeps it), except that an allow-list SCP at a level stands for the strategy it belongs to, FullAWSAccess detached there.
 */
function levelsFor(kind: Kind, account: AccountConfig, attached: Attachments): PolicyLevel<GuardrailDocument>[] {
  return targetsOf(account).map((target) => {
    const here = attached[kind].get(target) ?? [];
    const allowListHere = kind === 'scp' && here.some((p) => p.ref?.allowList);
    return { target, policies: allowListHere ? here : [FULL_ACCESS[kind], ...here] };
  });
}

/**
 * The SCP and RCP levels that reach `account` (Root, its OUs, the account), as the lock-out check evaluates them: the
 * config's rendered documents, FullAWSAccess / RCPFullAWSAccess where they stay attached.
 */
export function policyLevels(config: LandingZoneConfig, account: AccountConfig): Record<Kind, PolicyLevel<GuardrailDocument>[]> {
  const attached = attachments(guardrailDocuments(config));
  return { scp: levelsFor('scp', account, attached), rcp: levelsFor('rcp', account, attached) };
}

/** One way the guardrails lock the landing zone out, with every account and request it hits. */
interface Finding {
  readonly kind: Kind;
  readonly decision: Exclude<Decision<GuardrailDocument>, { result: 'Allowed' }>;
  readonly principal: RequestPrincipal;
  readonly accounts: Set<string>;
  /** action -> what it is for and the resource it acts on */
  readonly actions: Map<string, { purpose: string; resource: string }>;
}

/** The lock-out problems of the config (see the module comment). */
export function checkLockout(config: LandingZoneConfig): Problem[] {
  if (!config.guardrails.enabled) return [];
  const attached = attachments(guardrailDocuments(config));
  const rcpServices = new Set(servicesWithRcpSupport());
  const findings = new Map<string, Finding>();
  // Accounts whose requests and policies differ only by the account's own id and name share one evaluation: the same
  // policies at each level, OU, roles and planned resources. A policy that names the account itself gets its own.
  const shapes = new Map<string, { kind: Kind; decision: Exclude<Decision<GuardrailDocument>, { result: 'Allowed' }>; request: LandingZoneRequest }[]>();
  const texts = new Map<string, string>();
  // The policy names level by level (the OU path is part of the key below, so the targets themselves need not be).
  const names = (levels: PolicyLevel<GuardrailDocument>[]) => levels.map((l) => l.policies.map((p) => p.name).join(',')).join('/');

  for (const account of memberAccounts(config)) {
    const scpLevels = levelsFor('scp', account, attached);
    const rcpLevels = levelsFor('rcp', account, attached);
    const chain = `${names(scpLevels)}|${names(rcpLevels)}`;
    let text = texts.get(chain);
    if (text === undefined) {
      text = JSON.stringify([...scpLevels, ...rcpLevels].flatMap((l) => l.policies.map((p) => p.document)));
      texts.set(chain, text);
    }
    const planned = plannedResources(config, account);
    const personal = text.includes(account.name) || (account.id !== undefined && text.includes(account.id));
    const key = personal
      ? `account:${account.name}`
      : `${chain}|${effectiveOu(account)}|${accessRoleNameFor(config, account)}|${JSON.stringify(planned).split(account.name).join('<name>')}`;
    let denied = shapes.get(key);
    let accountId = '';
    if (!denied) {
      denied = [];
      const built = accountRequests(config, account, planned);
      accountId = built.accountId;
      for (const request of built.requests) {
        const evaluation = { action: request.action, resource: request.resource, principal: request.principal.arn, context: request.context };
        if (request.principal.inMemberAccount) {
          const decision = evaluateLevels(scpLevels, evaluation);
          if (decision.result !== 'Allowed') denied.push({ kind: 'scp', decision, request: anonymous(request, accountId, account.name) });
        }
        if (rcpServices.has(request.action.split(':')[0])) {
          const decision = evaluateLevels(rcpLevels, evaluation);
          if (decision.result !== 'Allowed') denied.push({ kind: 'rcp', decision, request: anonymous(request, accountId, account.name) });
        }
      }
      shapes.set(key, denied);
    }
    for (const { kind, decision, request } of denied) {
      const where = decision.result === 'ExplicitlyDenied' ? `${decision.policy.name}#${decision.statementIndex}` : `implicit@${decision.level}`;
      const id = `${kind}|${where}|${request.principal.kind}|${request.principal.roleName}`;
      let finding = findings.get(id);
      if (!finding) {
        finding = { kind, decision, principal: request.principal, accounts: new Set(), actions: new Map() };
        findings.set(id, finding);
      }
      finding.accounts.add(account.name);
      if (!finding.actions.has(request.action)) finding.actions.set(request.action, { purpose: request.purpose, resource: request.resource });
    }
  }
  const accountNames = new Set(config.accounts.map((a) => a.name));
  return [...findings.values()].map((f) => problemOf(f, accountNames));
}

/** The request with the account's id and name in its resource shown as placeholders (it stands for every account of its shape). */
function anonymous(request: LandingZoneRequest, accountId: string, name: string): LandingZoneRequest {
  return { ...request, resource: request.resource.split(accountId).join('<account-id>').split(name).join('<account>') };
}

const list = (items: readonly string[], max: number) => `${items.slice(0, max).join(', ')}${items.length > max ? `, ... (${items.length})` : ''}`;

function doing(p: RequestPrincipal): string {
  switch (p.kind) {
    case 'access':
      return 'applying the account\'s stacks';
    case 'plan':
      return "planning the account's stacks";
    case 'apply-assume':
    case 'plan-assume':
      return 'reaching the account';
    case 'stackset':
      return 'deploying there';
  }
}

function consequence(p: RequestPrincipal, accounts: number): string {
  const these = accounts === 1 ? 'the account' : 'these accounts';
  switch (p.kind) {
    case 'access':
    case 'apply-assume':
      return `every later apply of ${these} fails`;
    case 'plan':
    case 'plan-assume':
      return `every plan of ${these} fails`;
    case 'stackset':
      return 'the StackSet fails to deploy there';
  }
}

/** Where the problem is reported, and how the statement is named inside its document. */
function locate(g: EffectiveGuardrail | undefined, kind: Kind, principal: RequestPrincipal, statementIndex?: number, single?: boolean): { path: PathSegment[]; prefix: string } {
  const inner: PathSegment[] = statementIndex === undefined ? [] : single ? ['Statement'] : ['Statement', statementIndex];
  // A catalogue guardrail on by default is not in the file: a StackSet it stops is reported at the StackSet.
  if (!g?.path) return { path: principal.stackSet !== undefined ? ['stackSets', principal.stackSet] : ['guardrails', kind], prefix: '' };
  if (g.file) return { path: [...g.path, 'file'], prefix: `${show(g.file)}${inner.length ? ` ${formatInnerPath(inner)}` : ''}: ` };
  if (g.document) return { path: [...g.path, 'document', ...inner], prefix: '' };
  return { path: [...g.path], prefix: '' };
}

function problemOf(f: Finding, accountNames: ReadonlySet<string>): Problem {
  const at = (level: string) => (level === ROOT_TARGET ? 'Root' : accountNames.has(level) ? 'the account' : `OU ${show(level)}`);
  const label = f.kind === 'scp' ? 'SCP' : 'RCP';
  const page = f.kind === 'scp' ? SCP_EVALUATION : RCP_EVALUATION;
  const accounts = [...f.accounts];
  const actions = [...f.actions.entries()].map(([action, { purpose, resource }]) => `${action} on ${resource} (${purpose})`);
  const who = `${f.principal.label} (${f.principal.pattern}) ${doing(f.principal)}`;
  const inAccounts = accounts.length === 1 ? `in account ${show(accounts[0])}` : `in ${accounts.length} accounts (${list(accounts, 4)})`;
  const exempt = `{"ArnNotLike": {"aws:PrincipalArn": "${f.principal.pattern.replace(/::\d{12}:/, '::*:')}"}}`;
  if (f.decision.result === 'ExplicitlyDenied') {
    const d = f.decision;
    const g = d.policy.ref?.guardrail;
    const { path, prefix } = locate(g, f.kind, f.principal, d.statementIndex, d.single);
    const statement = d.sid ? `statement ${show(d.sid)}` : `Statement[${d.statementIndex}]`;
    const retarget = f.principal.kind === 'stackset' ? ', or deploy the StackSet to OUs the guardrail does not reach (its targets)' : '';
    const fix = g?.policy
      ? CATALOGUE[g.policy]?.options.includes('exemptRoleNames') && f.principal.kind !== 'stackset'
        ? `exempt the role (options.exemptRoleNames: [${f.principal.roleName}])${retarget}`
        : f.principal.kind === 'stackset'
          ? `change the StackSet's template so it leaves what ${show(g.policy)} protects alone, or deploy the StackSet only to OUs the guardrail does not reach (its targets)`
          : `${show(g.policy)} takes no exemptions for this role: attach it where these accounts are not`
      : `exempt the role (add ${exempt} to the statement's Condition) or narrow the statement so it leaves these actions alone${retarget}`;
    return {
      path,
      message: `${prefix}${label} ${show(d.policy.name)} ${statement} (attached to ${at(d.level)}) denies ${who} ${inAccounts}: ${list(actions, 3)}; ${consequence(f.principal, accounts.length)}. Fix: ${fix} (${page})`,
    };
  }
  const d = f.decision;
  const allowList = d.policies.find((p) => p.ref?.allowList);
  const g = allowList?.ref?.guardrail;
  const { path, prefix } = locate(g, f.kind, f.principal);
  const names = d.policies.map((p) => show(p.name)).join(', ');
  return {
    path,
    message:
      `${prefix}${label} ${show(allowList?.name ?? '')} is an allow list at ${at(d.level)} (its Allow statements only take effect with FullAWSAccess detached there, as the allow-list strategy does), ` +
      `and no SCP at ${at(d.level)} (${names}) allows what ${who} needs ${inAccounts}: ${list(actions, 3)}; once FullAWSAccess is detached, ${consequence(f.principal, accounts.length)}. ` +
      `Fix: allow these actions in its Allow statements (or add a statement allowing "*" with the Condition {"ArnLike": {"aws:PrincipalArn": "${f.principal.pattern.replace(/::\d{12}:/, '::*:')}"}}) (${page})`,
  };
}
