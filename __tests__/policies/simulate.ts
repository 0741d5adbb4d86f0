import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import type { LandingZoneConfig } from '../../config/schema';
import { effectiveOu } from '../../config/model';
import { ORGANIZATION_ID_PLACEHOLDER } from '../../policies/common';
import { planGuardrailsOrThrow, type PlannedPolicy } from '../../policies/plan';

/** Organization id used in simulations (the enterprise example adopts o-a1b2c3d4e5). */
export const ORG_ID = 'o-a1b2c3d4e5';
export const OTHER_ORG_ID = 'o-zyxwvu987654';

const FULL_AWS_ACCESS = { name: 'FullAWSAccess', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };
const ADMIN = { name: 'AdministratorAccess', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };

/** Targets from the root down to the account: Root, each OU of its path, the account. */
function hierarchy(config: LandingZoneConfig, accountName: string): string[] {
  const account = config.accounts.find((a) => a.name === accountName);
  if (!account) throw new Error(`no account ${accountName}`);
  const parts = effectiveOu(account).split('/');
  return ['Root', ...parts.map((_, i) => parts.slice(0, i + 1).join('/')), accountName];
}

/** An SCP the landing zone does not make (e.g. one of Control Tower's) attached at `target`. */
export interface OtherScp {
  readonly target: string;
  readonly name: string;
  readonly policy: object;
}

function levels(policies: readonly PlannedPolicy[], kind: 'scp' | 'rcp', targets: string[], withFullAccess: boolean, others: readonly OtherScp[] = []) {
  return targets.map((target) => ({
    orgIdentifier: target,
    policies: [
      ...(withFullAccess ? [FULL_AWS_ACCESS] : []),
      ...policies
        .filter((p) => p.kind === kind && p.targets.includes(target))
        .map((p) => ({ name: p.name, policy: JSON.parse(p.content.split(ORGANIZATION_ID_PLACEHOLDER).join(ORG_ID)) })),
      ...others.filter((o) => o.target === target).map(({ name, policy }) => ({ name, policy })),
    ],
  }));
}

export interface Request {
  /** Account (by config name) of the calling principal; its SCPs apply. Omit for principals outside the organization. */
  readonly principalAccount?: string;
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /** Account (by config name) that owns the resource; its RCPs apply. Defaults to principalAccount. */
  readonly resourceAccount?: string;
  readonly context?: Record<string, string | string[]>;
  readonly resourcePolicy?: object;
  /** Identity policies of the principal. @default AdministratorAccess */
  readonly identityPolicies?: { name: string; policy: object }[];
  /** SCPs besides the landing zone's (Control Tower's controls on registered OUs). @default none */
  readonly otherScps?: readonly OtherScp[];
}

/** Account id the simulation uses for an account name. */
export function accountIdOf(config: LandingZoneConfig, name: string): string {
  const i = config.accounts.findIndex((a) => a.name === name);
  return config.accounts[i].id ?? String(300000000000 + i);
}

/**
 * Evaluates one request against the synthesized guardrails of `config` (the same plan the
 * management stack turns into aws_organizations_policy resources) with @cloud-copilot/iam-simulate.
 * Returns 'Allowed', 'ExplicitlyDenied' or 'ImplicitlyDenied'.
 */
export async function evaluate(config: LandingZoneConfig, req: Request): Promise<string> {
  const policies = planGuardrailsOrThrow(config);
  const resourceAccount = req.resourceAccount ?? req.principalAccount;
  const simulation: Simulation = {
    request: {
      principal: req.principal,
      action: req.action,
      resource: { resource: req.resource, accountId: resourceAccount ? accountIdOf(config, resourceAccount) : '999999999999' },
      contextVariables: {
        'aws:SecureTransport': 'true',
        ...(req.principalAccount ? { 'aws:PrincipalOrgID': ORG_ID } : {}),
        ...(req.principal.startsWith('arn:') ? { 'aws:PrincipalArn': req.principal } : {}),
        ...req.context,
      },
    },
    identityPolicies: req.identityPolicies ?? (req.principal.startsWith('arn:') ? [ADMIN] : []),
    serviceControlPolicies: req.principalAccount ? levels(policies, 'scp', hierarchy(config, req.principalAccount), true, req.otherScps) : [],
    resourceControlPolicies: resourceAccount ? levels(policies, 'rcp', hierarchy(config, resourceAccount), false) : [],
    resourcePolicy: req.resourcePolicy,
  };
  const result = await runSimulation(simulation, {});
  if (result.resultType === 'error') throw new Error(`simulation error: ${JSON.stringify(result.errors)}`);
  return result.overallResult;
}
