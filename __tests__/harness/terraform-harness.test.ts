import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terraformAvailable, validateStackDir } from './terraform';

const stack = (resource: Record<string, unknown>) => ({
  terraform: { required_providers: { aws: { source: 'aws', version: '5.100.0' } } },
  provider: { aws: [{ region: 'us-east-1' }] },
  resource,
});

async function validate(json: unknown, prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(json));
  return validateStackDir(dir, 'broken');
}

/** This worker's provider servers (harness/provider-servers.ts): their pids, when the run has an init folder. */
function workerServers(): number[] {
  const root = process.env.LZ_TEST_TERRAFORM_INIT;
  if (!root || !existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => name.startsWith(`server-${process.pid}-`) && name.endsWith('.json'))
    .map((name) => (JSON.parse(readFileSync(join(root, name), 'utf8')) as { pid: number }).pid);
}

// The validate harness must be able to fail: an argument the provider does not have is an error.
(terraformAvailable() ? describe : describe.skip)('terraform validate harness', () => {
  it('reports an invalid stack with terraform\'s diagnostic', async () => {
    const result = await validate(stack({ aws_s3_bucket: { b: { bucket: 'x', no_such_argument: true } } }), 'lz-invalid-');
    expect(result.valid).toBe(false);
    expect(result.diagnostics.join('\n')).toContain('no_such_argument');
  }, 120_000);

  it('reports what only the provider checks (an IAM role name over 64 characters), from one provider server per worker in a run', async () => {
    const name = 'a-role-name-that-is-longer-than-the-sixty-four-characters-iam-allows';
    const first = await validate(stack({ aws_iam_role: { r: { name, assume_role_policy: '{}' } } }), 'lz-provider-check-');
    expect(first.diagnostics.join('\n')).toContain(`expected length of name to be in the range (1 - 64), got ${name}`);
    const servers = workerServers();
    const second = await validate(stack({ aws_iam_role: { r: { name: `${name}-too`, assume_role_policy: '{}' } } }), 'lz-provider-check-');
    expect(second.diagnostics.join('\n')).toContain(`got ${name}-too`);
    // In a jest run (globalSetup names the init folder) both validates asked the same server.
    if (process.env.LZ_TEST_TERRAFORM_INIT) {
      expect(servers).toHaveLength(1);
      expect(workerServers()).toEqual(servers);
      expect(() => process.kill(servers[0], 0)).not.toThrow();
    }
  }, 120_000);
});
