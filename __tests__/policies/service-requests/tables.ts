import { DEFAULT_ENABLED_REGIONS } from '../../../config/regions';
import { landingZoneTrailArn } from '../../../config/organization-trail';
import { accountIdOf } from '../simulate';
import type { ServiceCall } from './evaluate';
import { OTHER_ORG_ID, OUTSIDER, type World } from './world';

/**
 * The requests AWS services send to the resources the landing zone writes policies for, one table per service. Each
 * entry is the request as the service documents it (principal, action, resource, request context) with the pages
 * that say so; `refused` are the same request from somewhere else (another organization, account, trail, rule,
 * alarm or bucket), each of which the policy must not allow.
 */

/** AWS pages that document each request and its context keys. */
export const PAGES = {
  orgTrailBucketPolicy: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-create-and-update-an-organizational-trail-by-using-the-aws-cli.html',
  trailBucketPolicy: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html',
  trailKeyPolicy: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html',
  trailLogFiles: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-find-log-files.html',
  configBucketPolicy: 'https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-policy.html',
  configKeyPolicy: 'https://docs.aws.amazon.com/config/latest/developerguide/s3-kms-key-policy.html',
  controlTowerBucketPolicy: 'https://docs.aws.amazon.com/controltower/latest/userguide/logging-s3-audit-bucket.html',
  sourceOrgId: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceorgid',
  s3EncryptionContext: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html#encryption-context',
  guardDutyExport: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_exportfindings.html',
  accessLogging: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html',
  eventBridgeSns: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sns-permissions',
  eventBridgeDeputy: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/cross-service-confused-deputy-prevention.html',
  snsEncryptedTopic: 'https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services',
  cloudWatchAlarmSns: 'https://repost.aws/knowledge-center/cloudwatch-receive-sns-for-alarm-trigger',
} as const;

/** The same request from elsewhere: what differs from the real one. */
export interface Variant {
  readonly resource?: string;
  readonly context?: Readonly<Record<string, string>>;
}

export interface ServiceRequest {
  /** What the service does, in words. */
  readonly request: string;
  /** The AWS pages that document the request and its context keys. */
  readonly sources: readonly string[];
  /** The call, policy included. */
  readonly call: ServiceCall;
  /** Config name of the account that owns the resource, whose RCPs apply. @default none (the management account) */
  readonly owner?: string;
  /** The same request from elsewhere, by what it is: none may be allowed. */
  readonly refused: Readonly<Record<string, Variant>>;
}

export interface ServiceTable {
  readonly service: string;
  readonly requests: readonly ServiceRequest[];
}

const DAY = '2026/01/02';
const STAMP = '20260102T0000Z';

/** Config name of the account with `role`. */
function roleName(world: World, role: string): string {
  const account = world.config.accounts.find((a) => a.role === role);
  if (!account) throw new Error(`no ${role} account`);
  return account.name;
}

/** A trail ARN of another account (another organization's management account). */
function outsiderTrail(trailArn: string): string {
  const parts = trailArn.split(':');
  parts[4] = OUTSIDER;
  return parts.join(':');
}

/** `arn` with its resource part (after the last `/` or `:`) replaced by `name`: another resource of the same account. */
function sibling(arn: string, name: string): string {
  return arn.replace(/[^/:]+$/, name);
}

/** CloudTrail delivering the organization trail's log and digest files, and its KMS use. */
export function cloudTrailTable(world: World): ServiceTable {
  const trail = landingZoneTrailArn(world.config);
  const { orgId, managementId, homeRegion, trailBucketArn: bucket } = world;
  const member = world.accountIds[world.accountIds.length - 1];
  const source = { 'aws:SourceArn': trail, 'aws:SourceAccount': managementId, 'aws:SourceOrgID': orgId };
  const otherTrail = { 'aws:SourceArn': sibling(trail, 'another-trail') };
  const otherOrganization = { 'aws:SourceArn': outsiderTrail(trail), 'aws:SourceAccount': OUTSIDER, 'aws:SourceOrgID': OTHER_ORG_ID };
  const logFile = (account: string, prefix: string, folder = 'CloudTrail', suffix = 'CloudTrail') =>
    `${bucket}/AWSLogs/${prefix}/${folder}/${homeRegion}/${DAY}/${account}_${suffix}_${homeRegion}_${STAMP}_a1b2c3d4.json.gz`;
  const put = (request: string, object: string): ServiceRequest => ({
    request,
    sources: [PAGES.orgTrailBucketPolicy, PAGES.trailBucketPolicy, PAGES.trailLogFiles],
    call: {
      principal: 'cloudtrail.amazonaws.com',
      action: 's3:PutObject',
      resource: object,
      resourceAccountId: world.logArchiveId,
      context: { ...source, 's3:x-amz-acl': 'bucket-owner-full-control' },
      policy: world.policies.trailBucket,
    },
    owner: roleName(world, 'log-archive'),
    refused: {
      'another trail of the management account': { context: otherTrail },
      "another organization's trail": { context: otherOrganization },
    },
  });
  const logObject = logFile(member, `${orgId}/${member}`);
  const kms = (request: string, action: string, context: Record<string, string>): ServiceRequest => ({
    request,
    sources: [PAGES.trailKeyPolicy],
    call: { principal: 'cloudtrail.amazonaws.com', action, resource: world.logKeyArn, resourceAccountId: world.logArchiveId, context: { ...source, ...context }, policy: world.policies.logKey },
    owner: roleName(world, 'log-archive'),
    refused: {
      'another trail of the management account': { context: { ...otherTrail, ...(context['kms:EncryptionContext:aws:cloudtrail:arn'] ? { 'kms:EncryptionContext:aws:cloudtrail:arn': otherTrail['aws:SourceArn'] } : {}) } },
      "another organization's trail": {
        context: { ...otherOrganization, ...(context['kms:EncryptionContext:aws:cloudtrail:arn'] ? { 'kms:EncryptionContext:aws:cloudtrail:arn': otherOrganization['aws:SourceArn'] } : {}) },
      },
    },
  });
  const encryption = { 'kms:EncryptionContext:aws:cloudtrail:arn': trail, 'kms:EncryptionContext:aws:s3:arn': logObject };
  return {
    service: 'CloudTrail (the organization trail)',
    requests: [
      {
        request: 's3:GetBucketAcl: the ACL check at CreateTrail and before delivery',
        sources: [PAGES.orgTrailBucketPolicy, PAGES.trailBucketPolicy],
        call: { principal: 'cloudtrail.amazonaws.com', action: 's3:GetBucketAcl', resource: bucket, resourceAccountId: world.logArchiveId, context: source, policy: world.policies.trailBucket },
        owner: roleName(world, 'log-archive'),
        refused: { 'another trail of the management account': { context: otherTrail }, "another organization's trail": { context: otherOrganization } },
      },
      put("s3:PutObject of the management account's own path AWSLogs/<management account id>/ (checked at CreateTrail)", logFile(managementId, managementId)),
      put('s3:PutObject of a log file of a member account under AWSLogs/<organization id>/', logObject),
      put('s3:PutObject of a digest file under AWSLogs/<organization id>/', logFile(member, `${orgId}/${member}`, 'CloudTrail-Digest', 'CloudTrail-Digest')),
      kms('kms:GenerateDataKey for a log file (encryption context aws:cloudtrail:arn)', 'kms:GenerateDataKey', encryption),
      kms('kms:DescribeKey at CreateTrail', 'kms:DescribeKey', {}),
      kms('kms:Decrypt of the S3 Bucket Key', 'kms:Decrypt', encryption),
    ],
  };
}

/** AWS Config delivering configuration history and snapshots of an account as its service principal (service-linked role). */
export function configTable(world: World): ServiceTable {
  const { orgId, configBucketArn: bucket } = world;
  const regions = [...new Set([world.homeRegion, world.securityRegions[world.securityRegions.length - 1]])];
  const accounts = [...new Set([world.managementId, world.logArchiveId, world.securityId, world.accountIds[world.accountIds.length - 1]])];
  const requests: ServiceRequest[] = [];
  for (const account of accounts) {
    for (const region of regions) {
      const source = { 'aws:SourceAccount': account, 'aws:SourceArn': `arn:aws:config:${region}:${account}:*`, 'aws:SourceOrgID': orgId };
      const outsider = { 'aws:SourceAccount': OUTSIDER, 'aws:SourceArn': `arn:aws:config:${region}:${OUTSIDER}:*`, 'aws:SourceOrgID': OTHER_ORG_ID };
      const object = (of: string) => `${bucket}/config/AWSLogs/${of}/Config/${region}/2026/1/2/ConfigSnapshot/${of}_Config_${region}_ConfigSnapshot_${STAMP}_a1b2c3d4.json.gz`;
      const from = `from ${account} in ${region}`;
      const base = { principal: 'config.amazonaws.com', resourceAccountId: world.logArchiveId, owner: roleName(world, 'log-archive') };
      const refused = { 'an account of another organization': { context: outsider } };
      requests.push(
        {
          request: `s3:GetBucketAcl (permissions check) ${from}`,
          sources: [PAGES.configBucketPolicy, PAGES.controlTowerBucketPolicy, PAGES.sourceOrgId],
          call: { ...base, action: 's3:GetBucketAcl', resource: bucket, context: source, policy: world.policies.configBucket },
          owner: base.owner,
          refused,
        },
        {
          request: `s3:ListBucket (existence check) ${from}`,
          sources: [PAGES.configBucketPolicy, PAGES.controlTowerBucketPolicy, PAGES.sourceOrgId],
          call: { ...base, action: 's3:ListBucket', resource: bucket, context: source, policy: world.policies.configBucket },
          owner: base.owner,
          refused,
        },
        {
          request: `s3:PutObject under config/AWSLogs/<account>/Config/ ${from}`,
          sources: [PAGES.configBucketPolicy, PAGES.controlTowerBucketPolicy, PAGES.sourceOrgId],
          call: { ...base, action: 's3:PutObject', resource: object(account), context: { ...source, 's3:x-amz-acl': 'bucket-owner-full-control' }, policy: world.policies.configBucket },
          owner: base.owner,
          refused: { 'an account of another organization, under its own path': { resource: object(OUTSIDER), context: outsider } },
        },
        ...['kms:GenerateDataKey', 'kms:Decrypt'].map(
          (action): ServiceRequest => ({
            request: `${action} for the delivery (S3 Bucket Key: encryption context aws:s3:arn = the bucket) ${from}`,
            sources: [PAGES.configKeyPolicy, PAGES.s3EncryptionContext, PAGES.sourceOrgId],
            call: { ...base, action, resource: world.logKeyArn, context: { ...source, 'kms:EncryptionContext:aws:s3:arn': bucket }, policy: world.policies.logKey },
            owner: base.owner,
            refused,
          }),
        ),
      );
    }
  }
  return { service: 'AWS Config (delivery channels of every account)', requests };
}

/** GuardDuty's service principal in `region`: regional in an opt-in region. */
function guardDutyPrincipal(region: string): string {
  return (DEFAULT_ENABLED_REGIONS as readonly string[]).includes(region) ? 'guardduty.amazonaws.com' : `guardduty.${region}.amazonaws.com`;
}

/** GuardDuty of the delegated administrator exporting findings from each security region. */
export function guardDutyTable(world: World): ServiceTable {
  const { orgId, securityId, configBucketArn: bucket } = world;
  const member = world.accountIds[world.accountIds.length - 1];
  const requests: ServiceRequest[] = [];
  for (const region of world.securityRegions) {
    const detector = (account: string) => `arn:aws:guardduty:${region}:${account}:detector/12abc34d567e8fa901bc2d34e56789f0`;
    const source = { 'aws:SourceAccount': securityId, 'aws:SourceArn': detector(securityId), 'aws:SourceOrgID': orgId };
    const refused = {
      "another account's detector in the organization": { context: { 'aws:SourceAccount': member, 'aws:SourceArn': detector(member) } },
      "another organization's detector": { context: { 'aws:SourceAccount': OUTSIDER, 'aws:SourceArn': detector(OUTSIDER), 'aws:SourceOrgID': OTHER_ORG_ID } },
    };
    const base = { principal: guardDutyPrincipal(region), resourceAccountId: world.logArchiveId };
    const owner = roleName(world, 'log-archive');
    requests.push(
      {
        request: `s3:GetBucketLocation from the ${region} detector`,
        sources: [PAGES.guardDutyExport],
        call: { ...base, action: 's3:GetBucketLocation', resource: bucket, context: source, policy: world.policies.configBucket },
        owner,
        refused,
      },
      {
        request: `s3:PutObject of findings under guardduty/ from the ${region} detector`,
        sources: [PAGES.guardDutyExport],
        call: {
          ...base,
          action: 's3:PutObject',
          resource: `${bucket}/guardduty/AWSLogs/${securityId}/GuardDuty/${region}/${DAY}/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b.jsonl.gz`,
          context: { ...source, 's3:x-amz-server-side-encryption': 'aws:kms', 's3:x-amz-server-side-encryption-aws-kms-key-id': world.logKeyArn },
          policy: world.policies.configBucket,
        },
        owner,
        refused,
      },
      {
        request: `kms:GenerateDataKey for the export from the ${region} detector (encryption context aws:s3:arn = the bucket)`,
        sources: [PAGES.guardDutyExport, PAGES.s3EncryptionContext],
        call: { ...base, action: 'kms:GenerateDataKey', resource: world.logKeyArn, context: { ...source, 'kms:EncryptionContext:aws:s3:arn': bucket }, policy: world.policies.logKey },
        owner,
        refused,
      },
    );
  }
  return { service: 'GuardDuty (findings export of the delegated administrator)', requests };
}

/** S3 server access logging delivering the logs of the two log buckets. */
export function accessLoggingTable(world: World): ServiceTable {
  const { orgId, logArchiveId, accessLogBucketArn } = world;
  const requests = [world.trailBucketArn, world.configBucketArn].map((sourceBucket): ServiceRequest => {
    const name = sourceBucket.replace('arn:aws:s3:::', '');
    const object = (prefix: string) => `${accessLogBucketArn}/${prefix}/2026-01-02-00-00-00-A1B2C3D4E5F60718`;
    return {
      request: `s3:PutObject of the access logs of ${name} under its prefix`,
      sources: [PAGES.accessLogging],
      call: {
        principal: 'logging.s3.amazonaws.com',
        action: 's3:PutObject',
        resource: object(name),
        resourceAccountId: logArchiveId,
        context: { 'aws:SourceArn': sourceBucket, 'aws:SourceAccount': logArchiveId, 'aws:SourceOrgID': orgId },
        policy: world.policies.accessLogBucket,
      },
      owner: roleName(world, 'log-archive'),
      refused: {
        'another bucket of the log-archive account': { context: { 'aws:SourceArn': 'arn:aws:s3:::some-other-bucket' } },
        'a bucket of that name in another organization': { context: { 'aws:SourceAccount': OUTSIDER, 'aws:SourceOrgID': OTHER_ORG_ID } },
      },
    };
  });
  return { service: 'S3 server access logging', requests };
}

/** EventBridge rules publishing findings to the encrypted findings topic. */
export function eventBridgeTable(world: World): ServiceTable {
  const { orgId, securityId, findingsTopicArn, findingsKeyArn } = world;
  const owner = roleName(world, 'security');
  const requests: ServiceRequest[] = [];
  for (const rule of world.findingRuleArns) {
    const source = { 'aws:SourceArn': rule, 'aws:SourceAccount': securityId, 'aws:SourceOrgID': orgId };
    const refused = {
      'another rule of the security account': { context: { 'aws:SourceArn': sibling(rule, 'another-rule') } },
      "another account's rule of the same name": { context: { 'aws:SourceArn': rule.replace(`:${securityId}:`, `:${OUTSIDER}:`), 'aws:SourceAccount': OUTSIDER, 'aws:SourceOrgID': OTHER_ORG_ID } },
    };
    const name = rule.slice(rule.indexOf('rule/') + 5);
    requests.push({
      request: `sns:Publish by the rule ${name}`,
      sources: [PAGES.eventBridgeSns, PAGES.eventBridgeDeputy],
      call: { principal: 'events.amazonaws.com', action: 'sns:Publish', resource: findingsTopicArn, resourceAccountId: securityId, context: source, policy: world.policies.findingsTopic },
      owner,
      refused,
    });
    for (const action of ['kms:GenerateDataKey', 'kms:Decrypt']) {
      requests.push({
        request: `${action} for the rule ${name}'s message (encryption context aws:sns:topicArn)`,
        sources: [PAGES.snsEncryptedTopic],
        call: {
          principal: 'events.amazonaws.com',
          action,
          resource: findingsKeyArn,
          resourceAccountId: securityId,
          context: { ...source, 'kms:EncryptionContext:aws:sns:topicArn': findingsTopicArn },
          policy: world.policies.findingsKey,
        },
        owner,
        refused: { ...refused, 'another topic of the security account': { context: { 'kms:EncryptionContext:aws:sns:topicArn': sibling(findingsTopicArn, 'another-topic') } } },
      });
    }
  }
  return { service: 'EventBridge (finding rules to the findings topic)', requests };
}

/** CloudWatch publishing each account's billing alarm to its billing topic. */
export function cloudWatchTable(world: World): ServiceTable {
  const requests = world.billingTopics.map((topic): ServiceRequest => {
    // RCPs apply to member accounts' resources only; the management account's topic has none.
    const owner = world.config.accounts.find((a) => accountIdOf(world.config, a.name) === topic.accountId)?.name;
    return {
      request: `sns:Publish by the billing alarm of ${topic.stack} (${topic.accountId})`,
      sources: [PAGES.cloudWatchAlarmSns],
      call: {
        principal: 'cloudwatch.amazonaws.com',
        action: 'sns:Publish',
        resource: topic.topicArn,
        resourceAccountId: topic.accountId,
        context: { 'aws:SourceArn': topic.alarmArn, 'aws:SourceAccount': topic.accountId, 'aws:SourceOrgID': world.orgId },
        policy: topic.policy,
      },
      owner,
      refused: {
        'another alarm of the account': { context: { 'aws:SourceArn': sibling(topic.alarmArn, 'AnotherAlarm') } },
        "another account's alarm of the same name": {
          context: { 'aws:SourceArn': topic.alarmArn.replace(`:${topic.accountId}:`, `:${OUTSIDER}:`), 'aws:SourceAccount': OUTSIDER, 'aws:SourceOrgID': OTHER_ORG_ID },
        },
      },
    };
  });
  return { service: 'CloudWatch alarms (billing alarm to its topic)', requests };
}

/** Every table. */
export function serviceTables(world: World): ServiceTable[] {
  return [cloudTrailTable(world), configTable(world), guardDutyTable(world), accessLoggingTable(world), eventBridgeTable(world), cloudWatchTable(world)];
}
