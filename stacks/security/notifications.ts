import type { Construct } from 'constructs';
import { EventForwardingRole, FindingRule, FindingsTopic } from '../../constructs/security';
import { findingsKeyAliasName, findingsTopicName } from '../../lib/naming';
import type { SecurityContext } from './context';

/** EventBridge patterns of what the security team is told about. */
export function findingPatterns(settings: SecurityContext['config']['security']['notifications']) {
  return {
    guardDuty: {
      source: ['aws.guardduty'],
      'detail-type': ['GuardDuty Finding'],
      detail: { severity: [{ numeric: ['>=', settings.guardDutyMinimumSeverity] }] },
    },
    securityHub: {
      source: ['aws.securityhub'],
      'detail-type': ['Security Hub Findings - Imported'],
      detail: {
        findings: {
          Severity: { Label: [...settings.securityHubSeverities] },
          Workflow: { Status: ['NEW'] },
          RecordState: ['ACTIVE'],
        },
      },
    },
    /** Config rule evaluations of every account, as Security Hub receives them (aggregated in the home region). */
    configFindings: {
      source: ['aws.securityhub'],
      'detail-type': ['Security Hub Findings - Imported'],
      detail: {
        findings: {
          ProductName: ['Config'],
          Compliance: { Status: ['FAILED'] },
          RecordState: ['ACTIVE'],
        },
      },
    },
    /** Config rules of the security account itself turning NON_COMPLIANT. */
    configCompliance: {
      source: ['aws.config'],
      'detail-type': ['Config Rules Compliance Change'],
      detail: { messageType: ['ComplianceChangeNotification'], newEvaluationResult: { complianceType: ['NON_COMPLIANT'] } },
    },
  };
}

/**
 * Notifications (seed 004, 1C): an encrypted SNS topic with the configured e-mail subscriptions in the
 * home region, fed by EventBridge rules for high-severity GuardDuty findings (other regions forward theirs
 * to the home region's bus), high-severity Security Hub findings (already aggregated from every region) and
 * Config non-compliance. Only those rules may publish to the topic and use its key (FindingsTopic).
 */
export function addNotifications(scope: Construct, ctx: SecurityContext): FindingsTopic {
  const { security } = ctx.config;
  const settings = security.notifications;
  const org = ctx.naming.orgName;
  const home = ctx.providerIn(ctx.homeRegion);
  const patterns = findingPatterns(settings);

  // The rules that publish to the topic, decided first: the topic and key policies name them (aws:SourceArn).
  const toTopic: Array<{ id: string; ruleName: string; description: string; eventPattern: Record<string, unknown> }> = [];
  if (security.guardDuty.enabled) {
    toTopic.push({ id: 'GuardDutyFindings', ruleName: `${org}-guardduty-findings`, description: `GuardDuty findings of severity ${settings.guardDutyMinimumSeverity} or more, from every region`, eventPattern: patterns.guardDuty });
  }
  if (security.securityHub.enabled) {
    toTopic.push({ id: 'SecurityHubFindings', ruleName: `${org}-securityhub-findings`, description: `Security Hub findings labelled ${settings.securityHubSeverities.join(', ')}, aggregated from every region`, eventPattern: patterns.securityHub });
  }
  if (settings.configNonCompliance && security.config.enabled) {
    toTopic.push({ id: 'ConfigCompliance', ruleName: `${org}-config-noncompliance`, description: 'Config rules of the security account turning NON_COMPLIANT', eventPattern: patterns.configCompliance });
    if (security.securityHub.enabled) {
      toTopic.push({ id: 'ConfigFindings', ruleName: `${org}-config-findings`, description: 'Failed Config rule evaluations of every account, through Security Hub', eventPattern: patterns.configFindings });
    }
  }

  const topic = new FindingsTopic(scope, 'FindingsTopic', {
    provider: home,
    topicName: findingsTopicName(ctx.naming),
    keyAliasName: findingsKeyAliasName(ctx.naming),
    accountId: ctx.account.id,
    region: ctx.homeRegion,
    publisherRuleNames: toTopic.map((rule) => rule.ruleName),
    emails: settings.emails,
  });
  for (const { id, ruleName, description, eventPattern } of toTopic) {
    new FindingRule(scope, id, { provider: home, ruleName, description, eventPattern, targetArn: topic.topicArn });
  }

  if (security.guardDuty.enabled) {
    const others = ctx.regions.filter((r) => r !== ctx.homeRegion);
    if (others.length > 0) {
      const homeBus = `arn:aws:events:${ctx.homeRegion}:${ctx.account.id}:event-bus/default`;
      const role = new EventForwardingRole(scope, 'FindingsForwardingRole', {
        provider: home,
        roleName: `${org}-findings-forwarding`.slice(0, 64),
        eventBusArn: homeBus,
        accountId: ctx.account.id,
      });
      for (const region of others) {
        new FindingRule(scope, `GuardDutyForward-${region}`, {
          provider: ctx.providerIn(region),
          ruleName: `${org}-guardduty-forward`,
          description: `Forwards GuardDuty findings of ${region} to the ${ctx.homeRegion} event bus`,
          eventPattern: patterns.guardDuty,
          targetArn: homeBus,
          roleArn: role.roleArn,
        });
      }
    }
  }
  return topic;
}
