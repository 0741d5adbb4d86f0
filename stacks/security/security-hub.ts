import type { Construct } from 'constructs';
import { ROOT_TARGET } from '../../config/schema/common';
import { SecurityHubCentralConfiguration, standardArn, type PolicyTarget } from '../../constructs/security';
import { securityHubPolicyName } from '../../lib/naming';
import type { SecurityContext } from './context';

/** Resolves a configuration policy target (Root or an OU path) to its id. */
export interface OrganizationTargets {
  readonly rootId: string;
  ouId(path: string): string;
}

/** Security Hub central configuration from the home region, linked to every other security region. */
export function addSecurityHub(scope: Construct, ctx: SecurityContext, targets: OrganizationTargets): void {
  const settings = ctx.config.security.securityHub;
  if (!settings.enabled) return;
  const resolved: PolicyTarget[] = settings.targets.map((name) => ({
    name,
    id: name === ROOT_TARGET ? targets.rootId : targets.ouId(name),
  }));
  new SecurityHubCentralConfiguration(scope, 'SecurityHub', {
    provider: ctx.providerIn(ctx.homeRegion),
    linkedRegions: ctx.allRegions ? 'ALL' : ctx.regions.filter((r) => r !== ctx.homeRegion),
    policyName: securityHubPolicyName(ctx.naming),
    standardArns: settings.standards.map((s) => standardArn(s, ctx.homeRegion)),
    disabledControls: settings.disabledControls,
    targets: resolved,
  });
}
