import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { policyDocument, renderPolicy, type PolicyDocument, type Statement } from '../../lib/policy-document';
import { guardDutyDetectorArns, guardDutyServicePrincipals, servicePrincipal, type GuardDutyExport } from './guardduty-export';

/** What the log-archive key policy is built from. */
export interface LogArchiveKeyPolicyInput {
  /** Account that owns the key (the log-archive account). */
  readonly accountId: string;
  /** Organization id (o-...): Config may use the key only on behalf of this organization. */
  readonly organizationId: string;
  /**
   * ARNs of the trails that deliver into the log archive (config/organization-trail.ts landingZoneTrailArn): the
   * `aws:SourceArn` and the `aws:cloudtrail:arn` encryption context CloudTrail sends for them.
   * @default - CloudTrail may not use the key
   */
  readonly trailArns?: readonly string[];
  /**
   * The GuardDuty detectors that export findings with the key (the security account's, in every security region).
   * @default - GuardDuty may not use the key
   */
  readonly guardDuty?: GuardDutyExport;
  /**
   * Accounts whose principals may decrypt logs (e.g. the security account's investigators), given IAM permission there.
   * @default - only the key's own account
   */
  readonly readerAccountIds?: readonly string[];
}

/**
 * Key policy of the log-archive key: the account administers it through IAM; every service may use it only for the
 * request AWS documents, from this landing zone's sources:
 * - CloudTrail (the three statements "Configure AWS KMS key policies for CloudTrail" requires for trails):
 *   `GenerateDataKey*` with `aws:SourceArn` = the trail and the encryption context `aws:cloudtrail:arn` of that trail
 *   (any region of its shadow copies), `DescribeKey` and `Decrypt` with `aws:SourceArn` = the trail. `Decrypt` is
 *   required because the log buckets use an S3 Bucket Key ("kms:Decrypt permissions are required to create or update
 *   a trail with SSE-KMS encryption enabled"). An organization trail belongs to the management account, so its ARN
 *   carries the management account id even when the delegated administrator made it.
 * - Config (delivering as its service principal): `GenerateDataKey` and `Decrypt` on behalf of an account of this
 *   organization (`aws:SourceOrgID`, present with the `aws:SourceAccount` Config documents).
 * - GuardDuty: `GenerateDataKey` from the security account's detectors (`aws:SourceAccount`, `aws:SourceArn`).
 * CloudTrail Lake's event data store does not use the key.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html
 * @see https://docs.aws.amazon.com/config/latest/developerguide/s3-kms-key-policy.html
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_exportfindings.html
 */
export function logArchiveKeyPolicy(input: LogArchiveKeyPolicyInput): PolicyDocument {
  const statements: Statement[] = [
    {
      Sid: 'AccountAdministersKey',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${input.accountId}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
  ];
  const trailArns = input.trailArns ?? [];
  if (trailArns.length > 0) {
    const fromTrails = { 'aws:SourceArn': [...trailArns] };
    statements.push(
      {
        Sid: 'CloudTrailEncryptsTrailLogs',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 'kms:GenerateDataKey*',
        Resource: '*',
        Condition: {
          StringEquals: fromTrails,
          StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': trailArns.map(anyRegionOfTrail) },
        },
      },
      {
        Sid: 'CloudTrailDescribesKey',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 'kms:DescribeKey',
        Resource: '*',
        Condition: { StringEquals: fromTrails },
      },
      {
        Sid: 'CloudTrailDecryptsWithBucketKey',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: { StringEquals: fromTrails },
      },
    );
  }
  statements.push({
    Sid: 'ConfigDeliversForOrganization',
    Effect: 'Allow',
    Principal: { Service: 'config.amazonaws.com' },
    Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
    Resource: '*',
    Condition: { StringEquals: { 'aws:SourceOrgID': input.organizationId } },
  });
  if (input.guardDuty) {
    statements.push({
      Sid: 'GuardDutyExportsFindings',
      Effect: 'Allow',
      Principal: { Service: servicePrincipal(guardDutyServicePrincipals(input.guardDuty.regions)) },
      Action: 'kms:GenerateDataKey',
      Resource: '*',
      Condition: {
        StringEquals: { 'aws:SourceAccount': input.guardDuty.accountId },
        ArnLike: { 'aws:SourceArn': guardDutyDetectorArns(input.guardDuty) },
      },
    });
  }
  if (input.readerAccountIds && input.readerAccountIds.length > 0) {
    statements.push({
      Sid: 'ReadersDecryptLogs',
      Effect: 'Allow',
      Principal: { AWS: input.readerAccountIds.map((id) => `arn:aws:iam::${id}:root`) },
      Action: ['kms:Decrypt', 'kms:DescribeKey'],
      Resource: '*',
    });
  }
  return policyDocument(...statements);
}

/** `arn:aws:cloudtrail:<region>:<account>:trail/<name>` with any region, as CloudTrail's documented encryption context condition has it. */
function anyRegionOfTrail(trailArn: string): string {
  const parts = trailArn.split(':');
  if (parts.length < 6 || parts[2] !== 'cloudtrail') throw new Error(`${trailArn} is not a trail ARN (arn:aws:cloudtrail:<region>:<account>:trail/<name>)`);
  parts[3] = '*';
  return parts.join(':');
}

export interface LogArchiveKeyProps extends LogArchiveKeyPolicyInput {
  /** Provider of the log-archive account in the log bucket's region. */
  readonly provider: AwsProvider;
  /** Alias name (`alias/<org>-logs`, from the naming helper). */
  readonly aliasName: string;
  /**
   * Days before a scheduled deletion takes effect.
   * @default 30
   */
  readonly deletionWindowDays?: number;
}

/**
 * The customer managed KMS key of the central logs: rotation on, a key policy that lets each service use it only for
 * this landing zone's trail, organization and detectors (logArchiveKeyPolicy), an alias, and `prevent_destroy`.
 */
export class LogArchiveKey extends Construct {
  readonly resource: KmsKey;
  readonly keyArn: string;
  readonly keyId: string;
  readonly aliasName: string;
  /** The rendered key policy (JSON text). */
  readonly policy: string;

  constructor(scope: Construct, id: string, props: LogArchiveKeyProps) {
    super(scope, id);
    this.policy = renderPolicy(logArchiveKeyPolicy(props));
    this.resource = new KmsKey(this, 'Resource', {
      provider: props.provider,
      description: 'Central CloudTrail, Config and GuardDuty logs of the organization (landing zone)',
      enableKeyRotation: true,
      deletionWindowInDays: props.deletionWindowDays ?? 30,
      policy: this.policy,
      lifecycle: { preventDestroy: true },
    });
    new KmsAlias(this, 'Alias', { provider: props.provider, name: props.aliasName, targetKeyId: this.resource.keyId });
    this.keyArn = this.resource.arn;
    this.keyId = this.resource.keyId;
    this.aliasName = props.aliasName;
  }
}
