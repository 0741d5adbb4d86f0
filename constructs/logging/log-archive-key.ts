import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { policyDocument, renderPolicy, type PolicyDocument, type Statement } from '../../lib/policy-document';

/** What the log-archive key policy is built from. */
export interface LogArchiveKeyPolicyInput {
  /** Account that owns the key (the log-archive account). */
  readonly accountId: string;
  /** Organization id (o-...): service principals may use the key only on behalf of this organization. */
  readonly organizationId: string;
  /**
   * Accounts whose trails may encrypt with the key: the management account (owner of an organization
   * trail, even one a delegated administrator creates) and the security account.
   */
  readonly trailAccountIds: readonly string[];
  /**
   * Account whose GuardDuty detector exports findings (the security account, delegated administrator).
   * @default - GuardDuty may not use the key
   */
  readonly guardDutyAccountId?: string;
  /**
   * Accounts whose principals may decrypt logs (e.g. the security account's investigators), given IAM permission there.
   * @default - only the key's own account
   */
  readonly readerAccountIds?: readonly string[];
}

/**
 * Key policy of the log-archive key: the account administers it through IAM; CloudTrail may generate
 * data keys only for this organization's trails (aws:SourceOrgID and the trail ARN encryption context);
 * Config may use it only for this organization; GuardDuty only from the delegated administrator.
 */
export function logArchiveKeyPolicy(input: LogArchiveKeyPolicyInput): PolicyDocument {
  const orgOnly = { StringEquals: { 'aws:SourceOrgID': input.organizationId } };
  const statements: Statement[] = [
    {
      Sid: 'AccountAdministersKey',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${input.accountId}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'CloudTrailEncryptsOrganizationTrails',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 'kms:GenerateDataKey*',
      Resource: '*',
      Condition: {
        ...orgOnly,
        StringLike: {
          'kms:EncryptionContext:aws:cloudtrail:arn': input.trailAccountIds.map((id) => `arn:aws:cloudtrail:*:${id}:trail/*`),
        },
      },
    },
    {
      Sid: 'CloudTrailDescribesKey',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 'kms:DescribeKey',
      Resource: '*',
      Condition: orgOnly,
    },
    {
      Sid: 'ConfigDeliversForOrganization',
      Effect: 'Allow',
      Principal: { Service: 'config.amazonaws.com' },
      Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
      Resource: '*',
      Condition: orgOnly,
    },
  ];
  if (input.guardDutyAccountId) {
    statements.push({
      Sid: 'GuardDutyExportsFindings',
      Effect: 'Allow',
      Principal: { Service: 'guardduty.amazonaws.com' },
      Action: 'kms:GenerateDataKey',
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceAccount': input.guardDutyAccountId } },
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
 * The customer managed KMS key of the central logs: rotation on, org-scoped key policy, an alias, and
 * `prevent_destroy`.
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
