import { minimalConfig } from '../../harness/config';
import { synthLandingZone } from '../../harness/synth';

function withState(state: Record<string, unknown>) {
  return synthLandingZone(minimalConfig((input) => (input.state = state)));
}

describe('state backends', () => {
  it('s3: one key per stack, encrypted, with S3-native locking', () => {
    const lz = withState({ backend: 's3', bucket: 'acme-tfstate-111111111111', region: 'us-east-1', keyPrefix: 'lz/prod' });
    for (const id of ['management', 'log-archive', 'security', 'workload-shop-prod']) {
      expect(lz.stack(id).terraform?.backend).toEqual({
        s3: { bucket: 'acme-tfstate-111111111111', key: `lz/prod/${id}.tfstate`, region: 'us-east-1', encrypt: true, use_lockfile: true },
      });
    }
  });

  it('s3: encrypts with the configured KMS key and defaults the region to the home region', () => {
    const lz = withState({ backend: 's3', bucket: 'acme-tfstate-111111111111', kmsKeyId: 'alias/tfstate' });
    expect(lz.stack('management').terraform?.backend.s3).toEqual(
      expect.objectContaining({ kms_key_id: 'alias/tfstate', region: 'us-east-1', key: 'landing-zone/management.tfstate' }),
    );
  });

  it('cloud: one named Terraform Cloud workspace per stack, and remote state read from the management workspace', () => {
    const lz = withState({ backend: 'cloud', cloud: { organization: 'acme', workspacePrefix: 'lz' } });
    for (const id of ['management', 'security', 'workload-shop-dev']) {
      expect(lz.stack(id).terraform?.cloud).toEqual({ hostname: 'app.terraform.io', organization: 'acme', workspaces: { name: `lz-${id}`, project: 'Default Project' } });
    }
    const remote = lz.stack('workload-shop-dev').data?.terraform_remote_state?.['cross-stack-reference-input-management'];
    expect(remote).toEqual(
      expect.objectContaining({ backend: 'remote', config: expect.objectContaining({ organization: 'acme', workspaces: { name: 'lz-management' } }) }),
    );
    expect(lz.json.bootstrap).toBeUndefined();
  });

  it('local: one state file per stack under the project folder', () => {
    const lz = withState({ backend: 'local', localDirectory: '.state' });
    expect(lz.stack('security').terraform?.backend).toEqual({ local: { path: '../../../.state/security.tfstate' } });
  });
});
