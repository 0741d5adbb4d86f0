import { Construct } from 'constructs';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Cloudtrail, type CloudtrailAdvancedEventSelector } from '@cdktf/provider-aws/lib/cloudtrail';

export interface OrganizationTrailProps {
  /** Provider of the account that creates the trail (the security account as delegated administrator, home region). */
  readonly provider: AwsProvider;
  /** Trail name (naming helper). */
  readonly trailName: string;
  /** Central log bucket in the log-archive account. */
  readonly bucketName: string;
  /** KMS key ARN (or alias ARN) of the log-archive key. */
  readonly kmsKeyArn: string;
  /**
   * Record S3 object-level data events of every bucket.
   * @default false
   */
  readonly s3DataEvents?: boolean;
  /**
   * Record Lambda Invoke data events of every function.
   * @default false
   */
  readonly lambdaDataEvents?: boolean;
  /**
   * Record management events. Off for a trail that only adds data events beside another organization trail
   * that already records them (AWS Control Tower's): a second copy of management events is billed.
   * @default true
   * @see https://aws.amazon.com/cloudtrail/pricing/
   */
  readonly managementEvents?: boolean;
}

/**
 * The organization trail (seed 004, 1B): every account, every region, global service events, log file
 * validation, SSE-KMS with the log-archive key, delivered to the central log bucket under
 * `AWSLogs/<org-id>/`. A delegated administrator can create it; the management account owns it.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html
 */
export class OrganizationTrail extends Construct {
  readonly resource: Cloudtrail;
  readonly trailArn: string;

  constructor(scope: Construct, id: string, props: OrganizationTrailProps) {
    super(scope, id);
    const selectors: CloudtrailAdvancedEventSelector[] = [];
    if (props.managementEvents ?? true) {
      selectors.push({ name: 'Management events', fieldSelector: [{ field: 'eventCategory', equalTo: ['Management'] }] });
    }
    if (props.s3DataEvents) {
      selectors.push({
        name: 'S3 data events',
        fieldSelector: [
          { field: 'eventCategory', equalTo: ['Data'] },
          { field: 'resources.type', equalTo: ['AWS::S3::Object'] },
        ],
      });
    }
    if (props.lambdaDataEvents) {
      selectors.push({
        name: 'Lambda data events',
        fieldSelector: [
          { field: 'eventCategory', equalTo: ['Data'] },
          { field: 'resources.type', equalTo: ['AWS::Lambda::Function'] },
        ],
      });
    }
    this.resource = new Cloudtrail(this, 'Resource', {
      provider: props.provider,
      name: props.trailName,
      s3BucketName: props.bucketName,
      kmsKeyId: props.kmsKeyArn,
      isOrganizationTrail: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      advancedEventSelector: selectors,
    });
    this.trailArn = this.resource.arn;
  }
}
