import { verdict, type CheckRule, type Evidence } from '../types';
import { conditionKeys, deniesExplicitly, organizationPolicies, requireAttachedStatement, type StatementRequirement } from '../policies';
import { BEHAVIOUR_SETTINGS, behaviourSetting } from '../../../config/takeover';

/** Said where an adopted organization leaves a setting off: a warning, not a failure (lz check lists them). */
function leftOff(label: string, what: string): string {
  return `${label}: left off on this adopted organization until the config turns it on (${what}); see "Left off on takeover" below`;
}

const EC2_SETTINGS = BEHAVIOUR_SETTINGS.filter((s) => s.guardrail?.policy === 'ec2-block-public-access');

const PROTECTED_ACTIONS = ['cloudtrail:StopLogging', 'config:StopConfigurationRecorder', 'guardduty:DeleteDetector'];

const REQUIREMENTS: readonly StatementRequirement[] = [
  {
    label: 'region deny (SCP)',
    policyType: 'SERVICE_CONTROL_POLICY',
    fix: 'guardrails.scp (policy: region-deny)',
    setting: 'region-deny',
    matches: (s) => s.Effect === 'Deny' && conditionKeys(s).includes('aws:requestedregion'),
  },
  {
    label: 'no disabling CloudTrail / Config / GuardDuty (SCP)',
    policyType: 'SERVICE_CONTROL_POLICY',
    fix: 'guardrails.scp (policy: protect-security-services)',
    matches: (s) => PROTECTED_ACTIONS.every((a) => deniesExplicitly(s, a)),
  },
  {
    label: 'no leaving the organization (SCP)',
    policyType: 'SERVICE_CONTROL_POLICY',
    fix: 'guardrails.scp (policy: deny-leave-organization)',
    matches: (s) => deniesExplicitly(s, 'organizations:LeaveOrganization') && !conditionKeys(s).includes('aws:requestedregion'),
  },
  {
    label: 'organization principals only (RCP)',
    policyType: 'RESOURCE_CONTROL_POLICY',
    fix: 'guardrails.rcp (policy: org-principals-only)',
    setting: 'org-principals-only',
    matches: (s) => s.Effect === 'Deny' && conditionKeys(s).includes('aws:principalorgid'),
  },
  {
    label: 'HTTPS only (RCP)',
    policyType: 'RESOURCE_CONTROL_POLICY',
    fix: 'guardrails.rcp (policy: https-only)',
    setting: 'https-only',
    matches: (s) => s.Effect === 'Deny' && conditionKeys(s).includes('aws:securetransport'),
  },
];

/**
 * Seed 004 state 1-D: preventive controls. Attached SCPs that deny leaving the governed regions,
 * disabling CloudTrail / Config / GuardDuty and leaving the organization; RCPs that limit resources
 * to organization principals and to HTTPS; an attached EC2 declarative policy (VPC, AMI and EBS
 * snapshot block public access).
 */
export const preventiveControls: CheckRule = {
  id: 'preventive-controls',
  title: 'Preventive controls: SCPs (region deny, protect security services, no leaving), RCPs, declarative policy',
  seedItem: '1-D',
  check(ctx) {
    const policies = organizationPolicies(ctx);
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const warnings: string[] = [];
    for (const req of REQUIREMENTS) {
      const found = requireAttachedStatement(policies, req);
      if (found.evidence) evidence.push(found.evidence);
      if (found.problem && req.setting && ctx.deferred?.has(req.setting)) warnings.push(leftOff(req.label, behaviourSetting(req.setting).enable));
      else if (found.problem) problems.push(found.problem);
    }
    const declarative = policies.filter((p) => p.type === 'DECLARATIVE_POLICY_EC2');
    const attached = declarative.find((p) => p.attachments.length > 0);
    if (attached) {
      const keys = Object.keys(attached.document?.ec2_attributes ?? {}).filter((k) => k !== 'exception_message');
      evidence.push({ stack: attached.stack, address: attached.address, note: `EC2 declarative policy (${keys.join(', ')}) attached to ${attached.attachments.length} target(s)` });
    } else if (declarative.length > 0) {
      problems.push(`EC2 declarative policy: ${declarative[0].address} is attached nowhere; add targets in guardrails.declarative`);
    } else if (EC2_SETTINGS.some((s) => ctx.deferred?.has(s.id))) {
      warnings.push(leftOff('EC2 declarative policy (VPC / AMI / EBS snapshot block public access, IMDSv2)', 'guardrails.declarative: ec2-block-public-access with the options to turn on'));
    } else problems.push('EC2 declarative policy (VPC / AMI / EBS snapshot block public access): none; turn it on with guardrails.declarative (policy: ec2-block-public-access)');
    return verdict(evidence, problems, warnings);
  },
};
