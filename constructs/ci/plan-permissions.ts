import type { Statement } from '../../lib/policy-document';
import { OBJECT_READ_ACTIONS, PLAN_READS_READ_ONLY_ACCESS_LACKS, PLAN_SERVICES, type PlanDeny } from './plan-reads';
import planDeny from './plan-deny.json';

/**
 * The deny list derived from ReadOnlyAccess (plan-reads.ts, written by config/aws-data/write-plan-deny.ts):
 * the content reads of the services plans call, as action patterns.
 */
export const PLAN_DENY: PlanDeny = planDeny;

/** AWS managed policy every plan role carries: reads of every service, kept by AWS; planReadStatements narrows it to configuration. */
export const READ_ONLY_ACCESS_ARN = 'arn:aws:iam::aws:policy/ReadOnlyAccess';

/** The S3 state a plan reads (backend s3; plans run with `-lock=false`, so they never write). */
export interface PlanStateAccess {
  readonly bucket: string;
  /** Keys are `<keyPrefix>/<stack-id>.tfstate`. */
  readonly keyPrefix: string;
  /** Region of the bucket (KMS requests come through S3 in that region). */
  readonly region: string;
  /**
   * The state is encrypted with this KMS key (id, alias or ARN).
   * @default - SSE-S3, no KMS permission
   */
  readonly kmsKeyId?: string;
}

/** The state objects of the landing zone's stacks: `arn:aws:s3:::<bucket>/<keyPrefix>/*.tfstate`. */
export function stateObjectsArn(state: Pick<PlanStateAccess, 'bucket' | 'keyPrefix'>): string {
  return `arn:aws:s3:::${state.bucket}/${state.keyPrefix}/*.tfstate`;
}

/**
 * Statements of every plan role besides ReadOnlyAccess (plan-reads.ts): the few reads the plans need that
 * ReadOnlyAccess lacks, then the denials that keep its reads to configuration: every service plans never call,
 * the content reads of the others (PLAN_DENY), and object contents except `stateObjects` (member plan roles:
 * no object at all).
 */
export function planReadStatements(stateObjects?: string): Statement[] {
  return [
    { Sid: 'PlanReadsReadOnlyAccessLacks', Effect: 'Allow', Action: Object.keys(PLAN_READS_READ_ONLY_ACCESS_LACKS), Resource: '*' },
    { Sid: 'DenyServicesPlansDoNotCall', Effect: 'Deny', NotAction: PLAN_SERVICES.map((s) => `${s}:*`), Resource: '*' },
    { Sid: 'DenyContentReads', Effect: 'Deny', Action: [...PLAN_DENY.deny], Resource: '*' },
    stateObjects
      ? { Sid: 'DenyObjectReadsButState', Effect: 'Deny', Action: [...OBJECT_READ_ACTIONS], NotResource: stateObjects }
      : { Sid: 'DenyObjectReads', Effect: 'Deny', Action: [...OBJECT_READ_ACTIONS], Resource: '*' },
  ];
}

/**
 * What Terraform needs beyond ReadOnlyAccess to plan with S3 state and `-lock=false`: list the bucket (the
 * backend lists workspaces at init), read the state objects (its own, and the outputs other stacks read
 * through `terraform_remote_state`), and decrypt them through S3 when a KMS key encrypts them. Nothing is
 * written: no state, no lock object.
 * @see https://developer.hashicorp.com/terraform/language/backend/s3#s3-bucket-permissions
 */
export function stateStatements(state: PlanStateAccess): Statement[] {
  const bucketArn = `arn:aws:s3:::${state.bucket}`;
  const statements: Statement[] = [
    { Sid: 'StateList', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucketArn },
    { Sid: 'StateRead', Effect: 'Allow', Action: 's3:GetObject', Resource: stateObjectsArn(state) },
  ];
  if (state.kmsKeyId) {
    statements.push({
      Sid: 'StateKey',
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: {
        StringEquals: { 'kms:ViaService': `s3.${state.region}.amazonaws.com` },
        // With an S3 Bucket Key the context is the bucket, without it the object.
        StringLike: { 'kms:EncryptionContext:aws:s3:arn': [bucketArn, stateObjectsArn(state)] },
      },
    });
  }
  return statements;
}

export interface PlanIdentityOptions {
  /** The plan role's name: the same in every account. */
  readonly planRoleName: string;
  /** Roles the plan identity must never assume: the access role, break-glass roles, the CI apply role. */
  readonly writerRoleNames: readonly string[];
  /**
   * The S3 state the plans read.
   * @default - no state permissions (HCP Terraform keeps the state)
   */
  readonly state?: PlanStateAccess;
}

/**
 * Inline policy of the CI plan identity in the management account (besides ReadOnlyAccess): state read,
 * `sts:AssumeRole` on the plan role of the member accounts, an explicit deny on every writer role (the
 * access role trusts the whole management account, so an allow elsewhere must not reach it), and no data
 * reads but the state objects.
 */
export function planIdentityStatements(options: PlanIdentityOptions): Statement[] {
  const stateObjects = options.state ? stateObjectsArn(options.state) : undefined;
  return [
    ...(options.state ? stateStatements(options.state) : []),
    { Sid: 'AssumeMemberPlanRoles', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::*:role/${options.planRoleName}` },
    {
      Sid: 'DenyWriterRoles',
      Effect: 'Deny',
      Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
      Resource: [...new Set(options.writerRoleNames)].map((name) => `arn:aws:iam::*:role/${name}`),
    },
    ...planReadStatements(stateObjects),
  ];
}
