import { minimalConfig } from '../harness/config';
import { onlyResource, synthLandingZone } from '../harness/synth';

function withState(state: Record<string, unknown>) {
  return synthLandingZone(minimalConfig((input) => (input.state = state)));
}

describe('bootstrap stack', () => {
  const s3 = { backend: 's3', bucket: 'acme-tfstate-111111111111', region: 'ap-northeast-1' };

  it('creates the state bucket in the state region, protected from destroy, with local state', () => {
    const lz = withState(s3);
    const stack = lz.stack('bootstrap');
    expect(stack.terraform?.backend).toEqual({ local: { path: '../../../terraform-state/bootstrap.tfstate' } });
    const bucket = onlyResource(stack, 'aws_s3_bucket');
    expect(bucket).toEqual(expect.objectContaining({ bucket: 'acme-tfstate-111111111111', force_destroy: false, lifecycle: { prevent_destroy: true } }));
    expect(bucket.provider).toBe('aws.ap-northeast-1');
    expect(lz.manifest.stacks.management.dependencies).toContain('bootstrap');
  });

  it('versions, encrypts, blocks public access and enforces TLS', () => {
    const stack = withState({ ...s3, kmsKeyId: 'arn:aws:kms:ap-northeast-1:111111111111:alias/tfstate' }).stack('bootstrap');
    expect(onlyResource(stack, 'aws_s3_bucket_versioning').versioning_configuration).toEqual({ status: 'Enabled' });
    expect(onlyResource(stack, 'aws_s3_bucket_server_side_encryption_configuration').rule).toEqual([
      {
        apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: 'arn:aws:kms:ap-northeast-1:111111111111:alias/tfstate' },
        bucket_key_enabled: true,
      },
    ]);
    expect(onlyResource(stack, 'aws_s3_bucket_public_access_block')).toEqual(
      expect.objectContaining({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true }),
    );
    const policy = JSON.parse(onlyResource(stack, 'aws_s3_bucket_policy').policy);
    expect(policy.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('uses SSE-S3 without a KMS key', () => {
    const stack = withState(s3).stack('bootstrap');
    expect(onlyResource(stack, 'aws_s3_bucket_server_side_encryption_configuration').rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } },
    ]);
  });

  it('moves its own state into the bucket after the one-time migration', () => {
    const stack = withState({ ...s3, bootstrapState: 's3' }).stack('bootstrap');
    expect(stack.terraform?.backend.s3).toEqual(expect.objectContaining({ bucket: 'acme-tfstate-111111111111', key: 'landing-zone/bootstrap.tfstate' }));
  });

  it('is left out when the bucket is managed elsewhere or the backend is not s3', () => {
    expect(withState({ ...s3, bootstrap: false }).json.bootstrap).toBeUndefined();
    expect(withState({ backend: 'local' }).json.bootstrap).toBeUndefined();
  });
});
