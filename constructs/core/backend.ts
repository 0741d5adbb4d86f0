import type { Construct } from 'constructs';
import {
  CloudBackend,
  DataTerraformRemoteState,
  DataTerraformRemoteStateLocal,
  DataTerraformRemoteStateS3,
  LocalBackend,
  NamedCloudWorkspace,
  S3Backend,
  type TerraformBackend,
  type TerraformRemoteState,
  type TerraformStack,
} from '../../lib/cdktf';

/** Where a stack keeps its state; mirrors the `state` config section. */
export interface StateBackendProps {
  /** s3: one object per stack in a shared bucket; cloud: one Terraform Cloud workspace per stack; local: files. */
  readonly backend: 's3' | 'cloud' | 'local';
  /** State bucket (backend s3). */
  readonly bucket?: string;
  /** Region of the state bucket (backend s3). */
  readonly region: string;
  /** Key of a stack's state is `<keyPrefix>/<stack-id>.tfstate` (backend s3). */
  readonly keyPrefix: string;
  /**
   * KMS key for the state objects (backend s3).
   * @default - SSE-S3 (AES256)
   */
  readonly kmsKeyId?: string;
  /**
   * Terraform Cloud organization, workspace prefix and host (backend cloud), and the project new workspaces are
   * made in (the CI roles trust runs of that project only).
   */
  readonly cloud?: { readonly organization: string; readonly workspacePrefix: string; readonly hostname: string; readonly project?: string };
  /** Folder for state files, relative to the project folder (backend local). */
  readonly localDirectory: string;
}

/** The relative path from a synthesized stack folder (`cdktf.out/stacks/<id>`) back to the project folder. */
const FROM_STACK_DIR_TO_PROJECT = '../../..';

/** The S3 backend settings of the stack `stackId`. */
function s3Settings(stackId: string, props: StateBackendProps) {
  if (!props.bucket) throw new Error('state.bucket is required with backend s3');
  return { bucket: props.bucket, key: `${props.keyPrefix}/${stackId}.tfstate`, region: props.region, encrypt: true, kmsKeyId: props.kmsKeyId };
}

/** The Terraform Cloud settings of the stack `stackId`. */
function cloudSettings(stackId: string, props: StateBackendProps) {
  if (!props.cloud) throw new Error('state.cloud is required with backend cloud');
  return { hostname: props.cloud.hostname, organization: props.cloud.organization, workspace: `${props.cloud.workspacePrefix}-${stackId}` };
}

/** The local state file of the stack `stackId`, relative to its synthesized folder. */
function localPath(stackId: string, props: StateBackendProps): string {
  return `${FROM_STACK_DIR_TO_PROJECT}/${props.localDirectory}/${stackId}.tfstate`;
}

/**
 * A `terraform_remote_state` data source in `scope` that reads the outputs of the stack `fromStackId`,
 * built from the state settings alone, so the stack that writes those outputs need not be in the same
 * process. Its id and arguments are exactly those of the data source cdktf creates for a cross-stack
 * reference (`cross-stack-reference-input-<stack>`, the backend's getRemoteStateDataSource), so the
 * synthesized JSON is the same either way.
 */
export function readStackOutputs(scope: Construct, fromStackId: string, props: StateBackendProps): TerraformRemoteState {
  const id = `cross-stack-reference-input-${fromStackId}`;
  const workspace = '${terraform.workspace}';
  switch (props.backend) {
    case 's3':
      return new DataTerraformRemoteStateS3(scope, id, { ...s3Settings(fromStackId, props), workspace });
    case 'cloud': {
      const { hostname, organization, workspace: name } = cloudSettings(fromStackId, props);
      return new DataTerraformRemoteState(scope, id, { organization, workspaces: { name }, hostname });
    }
    case 'local':
      return new DataTerraformRemoteStateLocal(scope, id, { path: localPath(fromStackId, props), workspace });
  }
}

/** Configures the backend of `stack` (named by its id) for the chosen state mode, and returns it. */
export function configureBackend(stack: TerraformStack, props: StateBackendProps): TerraformBackend {
  const stackId = stack.node.id;
  switch (props.backend) {
    case 's3': {
      const backend = new S3Backend(stack, s3Settings(stackId, props));
      // S3-native state locking (Terraform >= 1.10); cdktf 0.21 has no field for it yet.
      stack.addOverride('terraform.backend.s3.use_lockfile', true);
      return backend;
    }
    case 'cloud': {
      const { hostname, organization, workspace } = cloudSettings(stackId, props);
      return new CloudBackend(stack, { hostname, organization, workspaces: new NamedCloudWorkspace(workspace, props.cloud?.project) });
    }
    case 'local':
      return new LocalBackend(stack, { path: localPath(stackId, props) });
  }
}
