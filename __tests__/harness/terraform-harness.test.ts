import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terraformAvailable, validateStackDir } from './terraform';

// The validate harness must be able to fail: an argument the provider does not have is an error.
(terraformAvailable() ? describe : describe.skip)('terraform validate harness', () => {
  it('reports an invalid stack with terraform\'s diagnostic', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-invalid-'));
    writeFileSync(
      join(dir, 'cdk.tf.json'),
      JSON.stringify({
        terraform: { required_providers: { aws: { source: 'aws', version: '5.100.0' } } },
        provider: { aws: [{ region: 'us-east-1' }] },
        resource: { aws_s3_bucket: { b: { bucket: 'x', no_such_argument: true } } },
      }),
    );
    const result = await validateStackDir(dir, 'broken');
    expect(result.valid).toBe(false);
    expect(result.diagnostics.join('\n')).toContain('no_such_argument');
  }, 120_000);
});
