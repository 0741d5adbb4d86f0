import type { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, type TerraformBackend, type TerraformRemoteState } from '../lib/cdktf';
import type { LandingZoneConfig } from '../config/schema';
import { accessRoleNameFor } from '../config/brownfield';
import { defaultTags } from '../config/default-tags';
import { configureBackend, readStackOutputs, type StateBackendProps } from '../constructs/core/backend';
import { AccountProviders, type TargetAccount } from '../constructs/core/providers';
import { PROVIDER_RETRIES } from '../constructs/core/api-retries';
import { REQUIRED_TERRAFORM_VERSION } from '../constructs/core/terraform-version';

/** Every stack takes the checked config. */
export interface LandingZoneStackProps {
  readonly config: LandingZoneConfig;
  /**
   * Backend for this stack instead of `config.state.backend` (the bootstrap stack starts local).
   * @default - config.state.backend
   */
  readonly stateBackend?: 's3' | 'cloud' | 'local';
}

/** Tags every resource of the landing zone carries (through the providers' default tags): config/default-tags.ts. */
export { defaultTags };

/**
 * Base of every stack: the Terraform it needs, the state backend, a default `aws` provider in the home region (the
 * credentials the stack runs with, the management account's in CI), and provider aliases that
 * assume the access role into member accounts.
 */
export abstract class LandingZoneStack extends TerraformStack {
  readonly config: LandingZoneConfig;
  /** Default provider: home region, the caller's own credentials. */
  readonly defaultProvider: AwsProvider;
  private readonly accountProviders: AccountProviders;
  private readonly regionalProviders = new Map<string, AwsProvider>();
  private readonly tags: Record<string, string>;
  private readonly backend: TerraformBackend;
  private readonly state: StateBackendProps;
  /** Stacks this one runs after, by id, in the order they were declared (see dependOn). */
  private readonly dependencyIds: string[] = [];
  private readonly remoteStates = new Map<string, TerraformRemoteState>();

  constructor(scope: Construct, id: string, props: LandingZoneStackProps) {
    super(scope, id);
    const { config } = props;
    this.config = config;
    const { state, organization } = config;
    const stateProps: StateBackendProps = {
      backend: state.backend,
      bucket: state.bucket,
      region: state.region ?? organization.homeRegion,
      keyPrefix: state.keyPrefix,
      kmsKeyId: state.kmsKeyId,
      cloud: state.cloud,
      localDirectory: state.localDirectory,
    };
    this.state = stateProps;
    this.addOverride('terraform.required_version', REQUIRED_TERRAFORM_VERSION);
    this.backend = configureBackend(this, { ...stateProps, backend: props.stateBackend ?? state.backend });
    const tags = defaultTags(config);
    this.tags = tags;
    this.defaultProvider = new AwsProvider(this, 'aws', { region: organization.homeRegion, defaultTags: [{ tags }], ...PROVIDER_RETRIES });
    this.accountProviders = new AccountProviders(this, 'providers', {
      // The access role per account: Control Tower's execution role in an enrolled account (controlTower.useExecutionRole).
      accessRoleName: config.controlTower ? (account) => accessRoleNameFor(config, account.name) : organization.accessRoleName,
      planRoleName: config.ci.planRoleName,
      defaultTags: tags,
      sessionName: `lz-${id}`.slice(0, 64),
    });
  }

  /**
   * The stack's backend. TerraformStack looks it up by walking the whole construct tree, and does so
   * for every stack that reads this one's outputs: with one workload stack per account reading the
   * management stack, that walk made synth quadratic in the number of accounts (docs/performance.md).
   */
  override ensureBackendExists(): TerraformBackend {
    return this.backend;
  }

  /**
   * Runs this stack after the stack `stackId`. The dependency is recorded by id, so it holds when that
   * stack is built in another process (batched synth, synth/synth.ts); when it is in the same app it is
   * also a cdktf dependency.
   */
  dependOn(stackId: string): void {
    if (this.dependencyIds.includes(stackId)) return;
    this.dependencyIds.push(stackId);
    const other = this.node.scope?.node.tryFindChild(stackId);
    if (other && TerraformStack.isStack(other) && !this.dependencies.includes(other)) this.addDependency(other);
  }

  /** Ids of the stacks this one runs after: those declared with dependOn, then cdktf's own (cross-stack references). */
  get dependencyStackIds(): string[] {
    return [...new Set([...this.dependencyIds, ...this.dependencies.map((d) => d.node.path)])];
  }

  /**
   * The outputs of the stack `stackId`, read from its state (`terraform_remote_state`, one per stack read),
   * and a dependency on it. The same data source a cdktf cross-stack reference would create.
   */
  outputsOf(stackId: string): TerraformRemoteState {
    let remote = this.remoteStates.get(stackId);
    if (!remote) {
      this.dependOn(stackId);
      remote = readStackOutputs(this, stackId, this.state);
      this.remoteStates.set(stackId, remote);
    }
    return remote;
  }

  /**
   * Provider with the stack's own credentials in `region`: the default provider in the home
   * region, else an alias named after the region.
   */
  providerForRegion(region: string): AwsProvider {
    if (region === this.config.organization.homeRegion) return this.defaultProvider;
    let provider = this.regionalProviders.get(region);
    if (!provider) {
      provider = new AwsProvider(this, `aws-${region}`, { alias: region, region, defaultTags: [{ tags: this.tags }], ...PROVIDER_RETRIES });
      this.regionalProviders.set(region, provider);
    }
    return provider;
  }

  /**
   * Provider alias that assumes a role into `account` in `region`: the account's access role (Control Tower's
   * execution role in an enrolled account), or the read-only plan role when the run sets
   * `TF_VAR_member_role_name` (constructs/core/providers.ts).
   */
  providerFor(account: TargetAccount, region: string): AwsProvider {
    return this.accountProviders.for(account, region);
  }
}
