import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, type TerraformBackend, type TerraformStack } from '../../lib/cdktf';

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
  /** Terraform Cloud organization, workspace prefix and host (backend cloud). */
  readonly cloud?: { readonly organization: string; readonly workspacePrefix: string; readonly hostname: string };
  /** Folder for state files, relative to the project folder (backend local). */
  readonly localDirectory: string;
}

/** The relative path from a synthesized stack folder (`cdktf.out/stacks/<id>`) back to the project folder. */
const FROM_STACK_DIR_TO_PROJECT = '../../..';

/** Configures the backend of `stack` (named by its id) for the chosen state mode, and returns it. */
export function configureBackend(stack: TerraformStack, props: StateBackendProps): TerraformBackend {
  const stackId = stack.node.id;
  switch (props.backend) {
    case 's3': {
      if (!props.bucket) throw new Error('state.bucket is required with backend s3');
      const backend = new S3Backend(stack, {
        bucket: props.bucket,
        key: `${props.keyPrefix}/${stackId}.tfstate`,
        region: props.region,
        encrypt: true,
        kmsKeyId: props.kmsKeyId,
      });
      // S3-native state locking (Terraform >= 1.10); cdktf 0.21 has no field for it yet.
      stack.addOverride('terraform.backend.s3.use_lockfile', true);
      return backend;
    }
    case 'cloud': {
      if (!props.cloud) throw new Error('state.cloud is required with backend cloud');
      return new CloudBackend(stack, {
        hostname: props.cloud.hostname,
        organization: props.cloud.organization,
        workspaces: new NamedCloudWorkspace(`${props.cloud.workspacePrefix}-${stackId}`),
      });
    }
    case 'local':
      return new LocalBackend(stack, { path: `${FROM_STACK_DIR_TO_PROJECT}/${props.localDirectory}/${stackId}.tfstate` });
  }
}
