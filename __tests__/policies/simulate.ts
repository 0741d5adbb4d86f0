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

function levels(policies: readonly PlannedPolicy[], kind: 'scp' | 'rcp', targets: string[], withFullAccess: boolean) {
  return targets.map((target) => ({
    orgIdentifier: target,
    policies: [
      ...(withFullAccess ? [FULL_AWS_ACCESS] : []),
      ...policies
        .filter((p) => p.kind === kind && p.targets.includes(target))
        .map((p) => ({ name: p.name, policy: JSON.parse(p.content.split(ORGANIZATION_ID_PLACEHOLDER).join(ORG_ID)) })),
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
    serviceControlPolicies: req.principalAccount ? levels(policies, 'scp', hierarchy(config, req.principalAccount), true) : [],
    resourceControlPolicies: resourceAccount ? levels(policies, 'rcp', hierarchy(config, resourceAccount), false) : [],
    resourcePolicy: req.resourcePolicy,
  };
  const result = await runSimulation(simulation, {});
  if (result.resultType === 'error') throw new Error(`simulation error: ${JSON.stringify(result.errors)}`);
  return result.overallResult;
}
