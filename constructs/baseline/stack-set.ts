import { Construct } from 'constructs';
import type { ITerraformDependable } from '../../lib/cdktf';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudformationStackSet } from '@cdktf/provider-aws/lib/cloudformation-stack-set';
import { CloudformationStackSetInstance } from '@cdktf/provider-aws/lib/cloudformation-stack-set-instance';

export interface ServiceManagedStackSetProps {
  /**
   * Provider of the administrator: the management account, or the delegated administrator
   * account when `callAs` is DELEGATED_ADMIN.
   */
  readonly provider: AwsProvider;
  /** StackSet name. */
  readonly stackSetName: string;
  /** CloudFormation template text (JSON or YAML), read by the config loader. */
  readonly templateBody: string;
  /** Ids of the OUs (or the root) whose accounts get stack instances. */
  readonly organizationalUnitIds: readonly string[];
  /** Regions of the stack instances (one instance resource per region). */
  readonly regions: readonly string[];
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Template parameters.
   * @default - none
   */
  readonly parameters?: Record<string, string>;
  /**
   * Capabilities the template needs (CAPABILITY_IAM, CAPABILITY_NAMED_IAM, CAPABILITY_AUTO_EXPAND).
   * @default - none
   */
  readonly capabilities?: readonly string[];
  /**
   * Deploy to accounts that join a target OU later.
   * @default true
   */
  readonly autoDeploymentEnabled?: boolean;
  /**
   * Keep the stacks of an account that leaves the target OUs.
   * @default false
   */
  readonly retainStacksOnAccountRemoval?: boolean;
  /**
   * SELF from the management account, DELEGATED_ADMIN from a registered delegated administrator.
   * @default 'SELF'
   */
  readonly callAs?: 'SELF' | 'DELEGATED_ADMIN';
  /**
   * Resources the StackSet waits for, e.g. the StackSets delegated-administrator registration.
   * @default - none
   */
  readonly dependsOn?: readonly ITerraformDependable[];
  /**
   * Percent of accounts per region deployed to at once.
   * @default 25
   */
  readonly maxConcurrentPercentage?: number;
  /**
   * Percent of accounts per region that may fail before the region stops.
   * @default 0
   */
  readonly failureTolerancePercentage?: number;
}

/**
 * A service-managed CloudFormation StackSet (permissions through AWS Organizations, automatic
 * deployment to accounts joining the target OUs) and its instances, one per region, targeting OUs.
 * Template text and parameter values are passed raw: `${AWS::Region}` in a `!Sub` stays CloudFormation's,
 * not a Terraform interpolation.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-orgs-manage-auto-deployment.html
 */
export class ServiceManagedStackSet extends Construct {
  /** The StackSet (construct id `Resource`). */
  readonly resource: CloudformationStackSet;
  /** Stack instances by region. */
  readonly instances = new Map<string, CloudformationStackSetInstance>();

  constructor(scope: Construct, id: string, props: ServiceManagedStackSetProps) {
    super(scope, id);
    const problems: string[] = [];
    if (props.organizationalUnitIds.length === 0) problems.push('needs at least one target OU');
    if (props.regions.length === 0) problems.push('needs at least one region');
    if (problems.length) throw new Error(`ServiceManagedStackSet ${this.node.path}: ${problems.join('; ')}`);
    const { provider } = props;
    const callAs = props.callAs ?? 'SELF';
    const operationPreferences = {
      maxConcurrentPercentage: props.maxConcurrentPercentage ?? 25,
      failureTolerancePercentage: props.failureTolerancePercentage ?? 0,
      regionConcurrencyType: 'PARALLEL',
    };
    const parameters = props.parameters && Object.keys(props.parameters).length > 0
      ? Object.fromEntries(Object.entries(props.parameters).map(([k, v]) => [k, escapeTemplateSequences(v)]))
      : undefined;

    this.resource = new CloudformationStackSet(this, 'Resource', {
      provider,
      dependsOn: props.dependsOn ? [...props.dependsOn] : undefined,
      name: props.stackSetName,
      description: props.description,
      templateBody: escapeTemplateSequences(props.templateBody),
      parameters,
      capabilities: props.capabilities && props.capabilities.length > 0 ? [...props.capabilities] : undefined,
      permissionModel: 'SERVICE_MANAGED',
      callAs,
      autoDeployment: {
        enabled: props.autoDeploymentEnabled ?? true,
        retainStacksOnAccountRemoval: props.retainStacksOnAccountRemoval ?? false,
      },
      managedExecution: { active: true },
      operationPreferences,
      // AWS fills administration_role_arn for service-managed StackSets; ignore it to avoid a perpetual diff.
      lifecycle: { ignoreChanges: ['administration_role_arn'] },
    });
    for (const region of props.regions) {
      this.instances.set(
        region,
        new CloudformationStackSetInstance(this, region, {
          provider,
          stackSetName: this.resource.name,
          region,
          callAs,
          deploymentTargets: { organizationalUnitIds: [...props.organizationalUnitIds] },
          operationPreferences: { ...operationPreferences, concurrencyMode: 'SOFT_FAILURE_TOLERANCE' },
        }),
      );
    }
  }
}

/**
 * Terraform reads every JSON string as a template: `${...}` and `%{...}` would be evaluated. Doubling
 * them (`$${`, `%%{`) makes Terraform pass CloudFormation's own `${AWS::Region}` through unchanged.
 */
export function escapeTemplateSequences(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}
