import type { LandingZoneConfig } from '../../../config/schema';
import { AWS_REGIONS } from '../../../config/regions';
import { securityRegions } from '../../../config/model';
import { resourcesOf, synthLandingZone, type StackJson } from '../../harness/synth';
import { accountIdOf } from '../simulate';

/**
 * The landing zone as AWS services see it: the resource policies exactly as the stacks synthesize them, with every
 * Terraform reference replaced by the value AWS would hold (account and organization ids, and ARNs built from the
 * resources' own names, regions and accounts), and the ids and ARNs the service requests are made of.
 */

/** Sample id of the organization when the config does not adopt one. */
export const SAMPLE_ORG_ID = 'o-exampleorg1';
/** Another organization and one of its accounts: the confused deputy the conditions keep out. */
export const OTHER_ORG_ID = 'o-zzzzzzzzz9';
export const OUTSIDER = '999999999999';

/** Every resource policy the landing zone writes that an AWS service is the principal of. */
export interface ResourcePolicies {
  /** CloudTrail log bucket (log-archive). */
  readonly trailBucket: object;
  /** Config log bucket: Config deliveries and GuardDuty findings (log-archive). */
  readonly configBucket: object;
  /** Access-log bucket: server access logs of the two log buckets (log-archive). */
  readonly accessLogBucket: object;
  /** Log-archive KMS key. */
  readonly logKey: object;
  /** Findings topic (security). */
  readonly findingsTopic: object;
  /** Findings topic's KMS key (security). */
  readonly findingsKey: object;
}

/** One account's billing topic and alarm. */
export interface BillingTopic {
  /** Stack that makes it. */
  readonly stack: string;
  readonly accountId: string;
  readonly region: string;
  readonly topicArn: string;
  readonly alarmArn: string;
  readonly policy: object;
}

export interface World {
  readonly config: LandingZoneConfig;
  readonly orgId: string;
  readonly homeRegion: string;
  readonly managementId: string;
  readonly logArchiveId: string;
  readonly securityId: string;
  /** Every account of the organization: the management account and each account of the config. */
  readonly accountIds: readonly string[];
  readonly securityRegions: readonly string[];
  readonly trailBucketArn: string;
  readonly configBucketArn: string;
  readonly accessLogBucketArn: string;
  readonly logKeyArn: string;
  readonly findingsTopicArn: string;
  readonly findingsKeyArn: string;
  /** The EventBridge rules that target the findings topic. */
  readonly findingRuleArns: readonly string[];
  /** The organization trails the landing zone makes (security stack). */
  readonly trailArns: readonly string[];
  readonly policies: ResourcePolicies;
  readonly billingTopics: readonly BillingTopic[];
}

const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';

/** Account and region a resource lives in, from its provider (`aws.<account>-<region>`, or `aws` / `aws.<region>` for the management account). */
function placeOf(config: LandingZoneConfig, resource: Record<string, any>): { accountId: string; region: string } {
  const alias = String(resource.provider ?? 'aws').replace(/^aws\.?/, '');
  const region = AWS_REGIONS.find((r) => alias === r || alias.endsWith(`-${r}`));
  const name = region ? alias.slice(0, Math.max(0, alias.length - region.length - 1)) : alias;
  const accountId = name === '' ? config.organization.managementAccountId : accountIdOf(config, name);
  return { accountId, region: region ?? config.organization.homeRegion };
}

/** Replaces every `${...}` reference of a stack's text by the value AWS would hold; fails on one it does not know. */
function resolver(config: LandingZoneConfig, json: StackJson, orgId: string): (text: string) => string {
  const resolveRef = (ref: string): string => {
    if (ref.includes('aws_organizations_organization')) return orgId;
    const account = /aws_organizations_accountAccount-(.+)_[0-9A-F]{8}id$/.exec(ref);
    if (account) return accountIdOf(config, account[1]);
    const attribute = /^(aws_[a-z0-9_]+)\.([^.]+)\.(arn|id|name)$/.exec(ref);
    if (attribute) {
      const [, type, name, field] = attribute;
      const resource = resourcesOf(json, type)[name];
      if (!resource) throw new Error(`no ${type}.${name} for reference ${ref}`);
      const { accountId, region } = placeOf(config, resource);
      if (type === 'aws_s3_bucket') return field === 'arn' ? `arn:aws:s3:::${resource.bucket}` : resource.bucket;
      if (type === 'aws_sns_topic' && field === 'arn') return `arn:aws:sns:${region}:${accountId}:${resource.name}`;
      if (type === 'aws_cloudwatch_metric_alarm' && field === 'arn') return `arn:aws:cloudwatch:${region}:${accountId}:alarm:${resource.alarm_name}`;
      if (type === 'aws_cloudwatch_event_rule' && field === 'name') return resource.name;
      if (type === 'aws_kms_key' && field === 'arn') return `arn:aws:kms:${region}:${accountId}:key/${KEY_ID}`;
    }
    throw new Error(`unexpected reference in a resource policy: ${ref}`);
  };
  return (text) => text.replace(/\$\{([^}]*)\}/g, (_, ref: string) => resolveRef(ref));
}

/** The one resource of `type` in `json` whose Terraform name starts with `prefix`. */
function named(json: StackJson, type: string, prefix: string): Record<string, any> {
  const found = Object.entries(resourcesOf(json, type)).filter(([name]) => name.startsWith(prefix));
  if (found.length !== 1) throw new Error(`expected one ${type} named ${prefix}*, found ${found.length}`);
  return found[0][1];
}

/** Synthesizes `config` and builds its world. */
export function worldOf(config: LandingZoneConfig): World {
  const lz = synthLandingZone(config);
  const orgId = config.organization.id ?? SAMPLE_ORG_ID;
  const role = (r: string) => {
    const account = config.accounts.find((a) => a.role === r);
    if (!account) throw new Error(`the config has no ${r} account`);
    return accountIdOf(config, account.name);
  };
  const logArchive = lz.stack('log-archive');
  const security = lz.stack('security');
  const inLogArchive = resolver(config, logArchive, orgId);
  const inSecurity = resolver(config, security, orgId);
  const policy = (json: StackJson, resolve: (t: string) => string, type: string, prefix: string) => JSON.parse(resolve(named(json, type, prefix).policy));
  const arnOf = (json: StackJson, resolve: (t: string) => string, type: string, prefix: string) => {
    const [name] = Object.entries(resourcesOf(json, type)).find(([n]) => n.startsWith(prefix)) ?? [];
    if (!name) throw new Error(`no ${type} named ${prefix}*`);
    return resolve(`\${${type}.${name}.arn}`);
  };

  const findingsTopicArn = arnOf(security, inSecurity, 'aws_sns_topic', 'FindingsTopic_');
  const findingRuleArns = Object.values(resourcesOf(security, 'aws_cloudwatch_event_target'))
    .filter((target) => inSecurity(target.arn) === findingsTopicArn)
    .map((target) => {
      const ruleName = /^\$\{aws_cloudwatch_event_rule\.([^.]+)\.name\}$/.exec(target.rule)?.[1];
      const rule = resourcesOf(security, 'aws_cloudwatch_event_rule')[ruleName ?? ''];
      const { accountId, region } = placeOf(config, rule);
      return `arn:aws:events:${region}:${accountId}:rule/${rule.name}`;
    });
  const trailArns = Object.values(resourcesOf(security, 'aws_cloudtrail')).map((trail) => {
    const { region } = placeOf(config, trail);
    // Organization trails belong to the management account, whichever account creates them.
    return `arn:aws:cloudtrail:${region}:${config.organization.managementAccountId}:trail/${trail.name}`;
  });

  const billingTopics: BillingTopic[] = [];
  for (const [stack, json] of Object.entries(lz.json)) {
    const resolve = resolver(config, json, orgId);
    for (const [name, topicPolicy] of Object.entries(resourcesOf(json, 'aws_sns_topic_policy'))) {
      if (!name.includes('BillingAlarm_TopicPolicy')) continue;
      // The alarm whose action is the topic this policy is for.
      const alarm = Object.entries(resourcesOf(json, 'aws_cloudwatch_metric_alarm')).find(([, a]) => (a.alarm_actions ?? []).includes(topicPolicy.arn));
      if (!alarm) throw new Error(`no alarm publishes to the topic of ${stack}/${name}`);
      const { accountId, region } = placeOf(config, topicPolicy);
      billingTopics.push({
        stack,
        accountId,
        region,
        topicArn: resolve(topicPolicy.arn),
        alarmArn: resolve(`\${aws_cloudwatch_metric_alarm.${alarm[0]}.arn}`),
        policy: JSON.parse(resolve(topicPolicy.policy)),
      });
    }
  }

  const logArchiveId = role('log-archive');
  return {
    config,
    orgId,
    homeRegion: config.organization.homeRegion,
    managementId: config.organization.managementAccountId,
    logArchiveId,
    securityId: role('security'),
    accountIds: [config.organization.managementAccountId, ...config.accounts.map((a) => accountIdOf(config, a.name))],
    securityRegions: securityRegions(config),
    trailBucketArn: arnOf(logArchive, inLogArchive, 'aws_s3_bucket', 'LogBucket_Logs_'),
    configBucketArn: arnOf(logArchive, inLogArchive, 'aws_s3_bucket', 'LogBucket_ConfigLogs_'),
    accessLogBucketArn: arnOf(logArchive, inLogArchive, 'aws_s3_bucket', 'LogBucket_AccessLogs_'),
    logKeyArn: arnOf(logArchive, inLogArchive, 'aws_kms_key', 'LogKey_'),
    findingsTopicArn,
    findingsKeyArn: arnOf(security, inSecurity, 'aws_kms_key', 'FindingsTopic_Key_'),
    findingRuleArns,
    trailArns,
    policies: {
      trailBucket: policy(logArchive, inLogArchive, 'aws_s3_bucket_policy', 'LogBucket_Logs_Policy_'),
      configBucket: policy(logArchive, inLogArchive, 'aws_s3_bucket_policy', 'LogBucket_ConfigLogs_Policy_'),
      accessLogBucket: policy(logArchive, inLogArchive, 'aws_s3_bucket_policy', 'LogBucket_AccessLogs_Policy_'),
      logKey: policy(logArchive, inLogArchive, 'aws_kms_key', 'LogKey_'),
      findingsTopic: policy(security, inSecurity, 'aws_sns_topic_policy', 'FindingsTopic_Policy_'),
      findingsKey: policy(security, inSecurity, 'aws_kms_key', 'FindingsTopic_Key_'),
    },
    billingTopics,
  };
}
