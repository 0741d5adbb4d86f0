import type { CheckContext } from '../../../checks/checklist';
import type { StackJson } from '../../../lib/stack-json';

/*
 * Small hand-made stack JSON for the checklist rules: a compliant landing zone in two regions with
 * one workload account. Each test copies it and breaks one thing.
 */

const ORG = 'aws_organizations_organization.Organization';
const ROOT = `\${${ORG}.roots[0].id}`;

function policy(name: string, type: string, document: unknown) {
  return { name, type, content: JSON.stringify(document) };
}

function attachment(policyName: string, target = ROOT) {
  return { policy_id: `\${aws_organizations_policy.${policyName}.id}`, target_id: target };
}

export function management(): StackJson {
  return {
    provider: { aws: [{ region: 'us-east-1' }, { alias: 'ap-northeast-1', region: 'ap-northeast-1' }] },
    resource: {
      aws_organizations_organization: { Organization: { feature_set: 'ALL' } },
      aws_iam_organizations_features: { RootAccessManagement: { enabled_features: ['RootCredentialsManagement', 'RootSessions'] } },
      aws_organizations_policy: {
        Scp: policy('lz-scp-Root-1', 'SERVICE_CONTROL_POLICY', {
          Version: '2012-10-17',
          Statement: [
            { Sid: 'DenyLeaveOrganization', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' },
            { Sid: 'DenyRootUser', Effect: 'Deny', Action: '*', Resource: '*', Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:root' } } },
            { Sid: 'ProtectSecurityServices', Effect: 'Deny', Action: ['cloudtrail:StopLogging', 'config:StopConfigurationRecorder', 'guardduty:DeleteDetector'], Resource: '*' },
            { Sid: 'DenyOutsideGovernedRegions', Effect: 'Deny', NotAction: ['iam:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'ap-northeast-1'] } } },
          ],
        }),
        Rcp: policy('lz-rcp', 'RESOURCE_CONTROL_POLICY', {
          Version: '2012-10-17',
          Statement: [
            { Sid: 'EnforceOrgIdentities', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc' } } },
            { Sid: 'EnforceSecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } } },
          ],
        }),
        Declarative: policy('ec2-block-public-access', 'DECLARATIVE_POLICY_EC2', { ec2_attributes: { vpc_block_public_access: {} } }),
      },
      aws_organizations_policy_attachment: {
        ScpRoot: attachment('Scp'),
        RcpRoot: attachment('Rcp'),
        DeclarativeRoot: attachment('Declarative'),
      },
      aws_guardduty_organization_admin_account: {
        GdHome: { admin_account_id: '222222222222' },
        GdTokyo: { admin_account_id: '222222222222', provider: 'aws.ap-northeast-1' },
      },
      aws_securityhub_organization_admin_account: { Sh: { admin_account_id: '222222222222' } },
      aws_organizations_delegated_administrator: {
        Config: { account_id: '222222222222', service_principal: 'config.amazonaws.com' },
        Analyzer: { account_id: '222222222222', service_principal: 'access-analyzer.amazonaws.com' },
      },
      aws_cloudtrail_organization_delegated_admin_account: { Trail: { account_id: '222222222222' } },
      aws_ssoadmin_permission_set: {
        Admin: { name: 'AdministratorAccess', session_duration: 'PT1H' },
        ReadOnly: { name: 'ReadOnlyAccess', session_duration: 'PT4H' },
      },
      aws_ssoadmin_account_assignment: { AdminsEverywhere: { principal_type: 'GROUP', target_id: '333333333333' } },
      aws_budgets_budget: { Budget: {} },
    },
  };
}

export function logArchive(): StackJson {
  return { provider: { aws: [{ region: 'us-east-1' }] }, resource: { aws_s3_bucket: { LogBucket: { bucket: 'acme-logs' }, AccessLogs: { bucket: 'acme-access-logs' } } } };
}

export function security(): StackJson {
  const p = (region: string) => `aws.security-${region}`;
  return {
    provider: {
      aws: [
        { region: 'us-east-1' },
        { alias: 'security-us-east-1', region: 'us-east-1' },
        { alias: 'security-ap-northeast-1', region: 'ap-northeast-1' },
      ],
    },
    resource: {
      aws_cloudtrail: {
        Trail: { is_organization_trail: true, is_multi_region_trail: true, enable_log_file_validation: true, enable_logging: true, s3_bucket_name: 'acme-logs', provider: p('us-east-1') },
      },
      aws_config_organization_managed_rule: { Rule: { rule_identifier: 'ROOT_ACCOUNT_MFA_ENABLED' } },
      aws_config_configuration_aggregator: { Aggregator: { organization_aggregation_source: { all_regions: true } } },
      aws_securityhub_organization_configuration: { Org: { auto_enable: false, organization_configuration: { configuration_type: 'CENTRAL' }, provider: p('us-east-1') } },
      aws_securityhub_configuration_policy: {
        Policy: { configuration_policy: { service_enabled: true, enabled_standard_arns: ['arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0'] }, provider: p('us-east-1') },
      },
      aws_securityhub_configuration_policy_association: {
        Root: { policy_id: '${aws_securityhub_configuration_policy.Policy.id}', target_id: '${data.terraform_remote_state.x.outputs.cross-stack-output-aws_organizations_organizationOrganizationroots0id}' },
      },
      aws_securityhub_finding_aggregator: { Aggregator: { linking_mode: 'SPECIFIED_REGIONS', specified_regions: ['ap-northeast-1'], provider: p('us-east-1') } },
      aws_guardduty_organization_configuration: {
        Home: { auto_enable_organization_members: 'ALL', provider: p('us-east-1') },
        Tokyo: { auto_enable_organization_members: 'ALL', provider: p('ap-northeast-1') },
      },
      aws_cloudwatch_event_rule: {
        ConfigCompliance: {
          event_pattern: JSON.stringify({ source: ['aws.config'], 'detail-type': ['Config Rules Compliance Change'], detail: { newEvaluationResult: { complianceType: ['NON_COMPLIANT'] } } }),
        },
      },
      aws_cloudwatch_event_target: { ConfigCompliance_Target: { rule: '${aws_cloudwatch_event_rule.ConfigCompliance.name}', arn: '${aws_sns_topic.Findings.arn}' } },
      aws_sns_topic: { Findings: {} },
    },
  };
}

export function workload(name = 'shop'): StackJson {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {
    aws_config_configuration_recorder: {},
    aws_config_configuration_recorder_status: {},
    aws_config_delivery_channel: {},
  };
  for (const region of ['us-east-1', 'ap-northeast-1']) {
    const provider = `aws.${name}-${region}`;
    resources.aws_config_configuration_recorder[`Recorder-${region}`] = { name: 'default', provider };
    resources.aws_config_configuration_recorder_status[`Status-${region}`] = { is_enabled: true, provider };
    resources.aws_config_delivery_channel[`Channel-${region}`] = { s3_bucket_name: 'acme-logs', provider };
  }
  return {
    provider: { aws: [{ region: 'us-east-1' }, { alias: `${name}-us-east-1`, region: 'us-east-1' }, { alias: `${name}-ap-northeast-1`, region: 'ap-northeast-1' }] },
    resource: resources,
  };
}

/** A compliant context; `edit` changes the stacks (deep copies) before the context is built. */
export function context(edit?: (stacks: Record<string, StackJson & { resource: Record<string, Record<string, Record<string, any>>> }>) => void): CheckContext {
  const stacks = JSON.parse(
    JSON.stringify({ management: management(), 'log-archive': logArchive(), security: security(), 'workload-shop': workload() }),
  );
  edit?.(stacks);
  return { stacks, governedRegions: ['us-east-1', 'ap-northeast-1'], managementAccountId: '111111111111' };
}

/** Replaces one policy statement list (by policy resource name) in the management stack. */
export function withStatements(stacks: Record<string, any>, policyName: string, change: (statements: any[]) => any[]): void {
  const p = stacks.management.resource.aws_organizations_policy[policyName];
  const doc = JSON.parse(p.content);
  doc.Statement = change(doc.Statement);
  p.content = JSON.stringify(doc);
}
