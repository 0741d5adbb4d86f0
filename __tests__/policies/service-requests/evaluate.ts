import { dirname, join } from 'node:path';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { loadPolicy } from '@cloud-copilot/iam-policy';
import type { LandingZoneConfig } from '../../../config/schema';
import { effectiveOu } from '../../../config/model';
import { ORGANIZATION_ID_PLACEHOLDER } from '../../../policies/common';
import { planGuardrailsOrThrow } from '../../../policies/plan';

export type Outcome = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';

/** One request of an AWS service principal to a resource, with the request context the service sends. */
export interface ServiceCall {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /** Account that owns the resource. */
  readonly resourceAccountId: string;
  readonly context: Readonly<Record<string, string>>;
  /** The resource's policy (bucket, key or topic policy). */
  readonly policy: object;
  /** The resource control policies of the resource's account, Root first (RcpLevel). @default none */
  readonly rcps?: readonly RcpLevel[];
}

/** The RCPs attached at one level of the organization (Root, an OU, the account). */
export interface RcpLevel {
  readonly orgIdentifier: string;
  readonly policies: ReadonlyArray<{ name: string; policy: object }>;
}

/** What every request of an AWS service principal carries: TLS, and that the principal is an AWS service. */
const SERVICE_CONTEXT = { 'aws:SecureTransport': 'true', 'aws:PrincipalIsAWSService': 'true' };

/**
 * The landing zone's RCPs that apply to resources of `accountName` (Root, each OU of its path, the account), as the
 * management stack attaches them, with the organization id filled in.
 */
export function rcpLevels(config: LandingZoneConfig, accountName: string, orgId: string): RcpLevel[] {
  const account = config.accounts.find((a) => a.name === accountName);
  if (!account) throw new Error(`no account ${accountName}`);
  const parts = effectiveOu(account).split('/');
  const targets = ['Root', ...parts.map((_, i) => parts.slice(0, i + 1).join('/')), accountName];
  const planned = planGuardrailsOrThrow(config).filter((p) => p.kind === 'rcp');
  return targets.map((target) => ({
    orgIdentifier: target,
    policies: planned.filter((p) => p.targets.includes(target)).map((p) => ({ name: p.name, policy: JSON.parse(p.content.split(ORGANIZATION_ID_PLACEHOLDER).join(orgId)) })),
  }));
}

// runSimulation drops request context keys it does not know for the action, and it does not know
// `kms:EncryptionContext:<key>` (its variable-key match needs a "/"), so it would evaluate a KMS request without the
// encryption context every service sends. KMS requests are therefore evaluated with the simulator's core engine,
// which takes the request context as given: the minimal evaluation for that case, on the same engine.
const dist = dirname(require.resolve('@cloud-copilot/iam-simulate'));
const { authorize } = require(join(dist, 'core_engine/CoreSimulatorEngine.js'));
const { AwsRequestImpl } = require(join(dist, 'request/request.js'));
const { RequestContextImpl } = require(join(dist, 'requestContext.js'));
const { DiscoveryContextKeyConstraints } = require(join(dist, 'context_keys/discoveryContextKeyConstraints.js'));

const RCP_FULL_AWS_ACCESS = { name: 'RCPFullAWSAccess', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] } };

function evaluateKms(call: ServiceCall): Outcome {
  const request = new AwsRequestImpl(
    call.principal,
    { resource: call.resource, accountId: call.resourceAccountId },
    call.action,
    new RequestContextImpl({ ...SERVICE_CONTEXT, ...call.context }),
  );
  return authorize({
    request,
    sessionPolicy: undefined,
    identityPolicies: [],
    serviceControlPolicies: [],
    // AWS attaches RCPFullAWSAccess at every level (runSimulation adds it itself; the core engine does not).
    resourceControlPolicies: (call.rcps ?? []).map((level) => ({
      orgIdentifier: level.orgIdentifier,
      policies: [RCP_FULL_AWS_ACCESS, ...level.policies].map(({ name, policy }) => loadPolicy(policy, { name })),
    })),
    resourcePolicy: loadPolicy(call.policy, { name: 'resource-policy' }),
    permissionBoundaries: undefined,
    vpcEndpointPolicies: undefined,
    simulationParameters: { simulationMode: 'Strict', discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints([]) },
    serviceSettings: { s3: {} },
  }).result as Outcome;
}

/**
 * Evaluates one service request against the resource's policy (and the RCPs, when given) with
 * @cloud-copilot/iam-simulate: S3 and SNS requests through runSimulation, KMS requests through its core engine (above).
 */
export async function evaluateCall(call: ServiceCall): Promise<Outcome> {
  if (call.action.startsWith('kms:')) return evaluateKms(call);
  const response = await runSimulation(
    {
      identityPolicies: [],
      serviceControlPolicies: [],
      resourceControlPolicies: (call.rcps ?? []).map((level) => ({ orgIdentifier: level.orgIdentifier, policies: [...level.policies] })),
      resourcePolicy: call.policy,
      request: {
        principal: call.principal,
        action: call.action,
        resource: { resource: call.resource, accountId: call.resourceAccountId },
        contextVariables: { ...SERVICE_CONTEXT, ...call.context },
      },
    },
    {},
  );
  if (response.resultType === 'error') throw new Error(JSON.stringify(response.errors));
  return response.overallResult as Outcome;
}
