import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../../lib/cdktf';
import { BootstrapStack } from '../../stacks/bootstrap-stack';
import type { LandingZoneConfig } from '../../config/schema';
import { exampleConfig, minimalConfig } from '../harness/config';
import { onlyResource, synthLandingZone } from '../harness/synth';
import { terraformAvailable, validateStackDir } from '../harness/terraform';

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

  it('lets only the writers write the state objects: the management account root, the CI apply role, the break-glass roles and state.writers', () => {
    const writers = (state: Record<string, unknown>, edit: (input: any) => void = () => {}) => {
      const stack = synthLandingZone(
        minimalConfig((input) => {
          input.state = state;
          input.organization.breakGlassRoleNames = ['BreakGlassAdmin'];
          edit(input);
        }),
      ).stack('bootstrap');
      const policy = JSON.parse(onlyResource(stack, 'aws_s3_bucket_policy').policy);
      expect(policy.Statement[0]).toEqual(expect.objectContaining({ Sid: 'DenyInsecureTransport', Effect: 'Deny', Action: 's3:*' }));
      return policy.Statement.find((st: any) => st.Sid === 'OnlyStateWritersWriteObjects');
    };
    const github = (input: any) => (input.ci = { provider: 'github', repository: 'acme/landing-zone' });
    const statement = writers(s3, github);
    expect(statement).toEqual({
      Sid: 'OnlyStateWritersWriteObjects',
      Effect: 'Deny',
      Principal: '*',
      Action: ['s3:PutObject*', 's3:DeleteObject*', 's3:Replicate*', 's3:RestoreObject', 's3:AbortMultipartUpload', 's3:BypassGovernanceRetention', 's3:ObjectOwnerOverrideToBucketOwner', 's3:InitiateReplication', 's3:UpdateObjectEncryption'],
      Resource: expect.stringMatching(/^\$\{aws_s3_bucket\.StateBucket_[A-Za-z0-9_]+\.arn\}\/\*$/),
      Condition: {
        ArnNotLike: {
          'aws:PrincipalArn': ['arn:aws:iam::111111111111:root', 'arn:aws:iam::111111111111:role/LandingZoneApply', 'arn:aws:iam::111111111111:role/BreakGlassAdmin'],
        },
      },
    });
    const admin = 'arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_AdministratorAccess_*';
    expect(writers({ ...s3, writers: [admin] }, github).Condition.ArnNotLike['aws:PrincipalArn']).toContain(admin);
    // Without a CI apply role, only a config that names its writers restricts them (else its operators could not write state).
    expect(writers(s3)).toBeUndefined();
    expect(writers({ ...s3, writers: [admin] }).Condition.ArnNotLike['aws:PrincipalArn']).toEqual(['arn:aws:iam::111111111111:root', 'arn:aws:iam::111111111111:role/BreakGlassAdmin', admin]);
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

  (terraformAvailable() ? it : it.skip)(
    'passes terraform validate with the CI identities, a KMS key and state writers (examples/enterprise.yaml)',
    async () => {
      const config = exampleConfig('enterprise');
      const outdir = mkdtempSync(join(tmpdir(), 'lz-bootstrap-s3-'));
      try {
        const app = new App({ outdir });
        const state = { ...config.state, kmsKeyId: 'alias/tfstate', writers: ['arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_AdministratorAccess_*'] };
        new BootstrapStack(app, 'bootstrap', { config: { ...config, state } as LandingZoneConfig });
        app.synth();
        const result = await validateStackDir(join(outdir, 'stacks', 'bootstrap'), 'bootstrap');
        expect(result.diagnostics).toEqual([]);
        expect(result.valid).toBe(true);
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
