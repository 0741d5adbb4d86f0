import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleStacks } from './stack-bundle';
import { terraformAvailable, validateStackDir, validateStacks, type StackDir } from './terraform';

const REQUIRED = { required_providers: { aws: { source: 'aws', version: '5.100.0' } } };

/** A stack with one of everything the bundle renames. */
function sample(): Record<string, unknown> {
  return {
    '//': { metadata: {} },
    terraform: { ...REQUIRED, backend: { s3: { bucket: 'b', key: 'k', region: 'us-east-1' } } },
    provider: { aws: [{ region: 'us-east-1' }, { alias: 'member', region: 'us-east-1', assume_role: [{ role_arn: 'arn:aws:iam::1:role/${var.role}' }] }] },
    variable: { role: { type: 'string', default: 'R', validation: [{ condition: '${var.role != ""}', error_message: 'empty' }] } },
    data: {
      aws_iam_roles: { Existing: { name_regex: 'x' } },
      terraform_remote_state: { Other: { backend: 's3', config: { bucket: 'b', key: 'k', region: 'us-east-1' } } },
    },
    resource: {
      aws_s3_bucket: {
        Logs: { bucket: '${data.terraform_remote_state.Other.outputs.name}', tags: { policy: '$${aws:username}' }, lifecycle: { ignore_changes: ['tags'] } },
        Copy: { bucket: 'copy-${aws_s3_bucket.Logs.id}', provider: 'aws.member', depends_on: ['aws_s3_bucket.Logs', 'data.aws_iam_roles.Existing'] },
      },
    },
    import: [{ for_each: '${toset(data.aws_iam_roles.Existing.arns)}', id: '${each.value}', to: 'aws_s3_bucket.Logs' }],
    removed: [{ from: 'aws_s3_bucket.Gone', lifecycle: { destroy: false } }],
    output: { name: { value: '${aws_s3_bucket.Copy.bucket}' } },
  };
}

describe('stack bundle: one root module for several stacks', () => {
  const bundle = bundleStacks([{ id: 'accounts-1', json: sample() }, { id: 'accounts-10', json: sample() }]);
  const one = bundle.files['accounts-1.tf.json'] as Record<string, any>;

  it('prefixes every declared name and every reference to it, and leaves everything else as written', () => {
    expect(Object.keys(one.resource.aws_s3_bucket)).toEqual(['accounts-1__Logs', 'accounts-1__Copy']);
    const copy = one.resource.aws_s3_bucket['accounts-1__Copy'];
    expect(copy.bucket).toBe('copy-${aws_s3_bucket.accounts-1__Logs.id}');
    expect(copy.depends_on).toEqual(['aws_s3_bucket.accounts-1__Logs', 'data.aws_iam_roles.accounts-1__Existing']);
    expect(copy.provider).toBe('aws.accounts-1__member');
    const logs = one.resource.aws_s3_bucket['accounts-1__Logs'];
    expect(logs.bucket).toBe('${data.terraform_remote_state.accounts-1__Other.outputs.name}');
    expect(logs.tags).toEqual({ policy: '$${aws:username}' });
    expect(logs.lifecycle).toEqual({ ignore_changes: ['tags'] });
    expect(one.variable['accounts-1__role'].validation[0].condition).toBe('${var.accounts-1__role != ""}');
    expect(one.output['accounts-1__name'].value).toBe('${aws_s3_bucket.accounts-1__Copy.bucket}');
    expect(one.removed).toEqual([{ from: 'aws_s3_bucket.accounts-1__Gone', lifecycle: { destroy: false } }]);
  });

  it('turns the default provider into an alias and names it where the default was used (but not on built-in data sources)', () => {
    expect(one.provider.aws.map((p: { alias: string }) => p.alias)).toEqual(['accounts-1__default', 'accounts-1__member']);
    expect(one.provider.aws[1].assume_role[0].role_arn).toBe('arn:aws:iam::1:role/${var.accounts-1__role}');
    expect(one.resource.aws_s3_bucket['accounts-1__Logs'].provider).toBe('aws.accounts-1__default');
    expect(one.data.aws_iam_roles['accounts-1__Existing'].provider).toBe('aws.accounts-1__default');
    expect(one.data.terraform_remote_state['accounts-1__Other'].provider).toBeUndefined();
    expect(one.import).toEqual([
      { for_each: '${toset(data.aws_iam_roles.accounts-1__Existing.arns)}', id: '${each.value}', to: 'aws_s3_bucket.accounts-1__Logs', provider: 'aws.accounts-1__default' },
    ]);
  });

  it('keeps one terraform block without the backends, and maps diagnostics back to their stack', () => {
    expect(bundle.files['terraform.tf.json']).toEqual({ terraform: REQUIRED });
    expect(one.terraform).toBeUndefined();
    expect(bundle.stackOf({ range: { filename: 'accounts-10.tf.json' } })).toBe('accounts-10');
    expect(bundle.stackOf({ address: 'aws_s3_bucket.accounts-10__Logs' })).toBe('accounts-10');
    expect(bundle.stackOf({ address: 'aws_s3_bucket.accounts-1__Logs' })).toBe('accounts-1');
    expect(bundle.stackOf({})).toBeUndefined();
    expect(bundle.unprefix('aws_s3_bucket.accounts-10__Logs and aws.accounts-1__member')).toBe('aws_s3_bucket.Logs and aws.member');
  });

  it('refuses stacks that disagree on the provider version', () => {
    const other = { ...sample(), terraform: { required_providers: { aws: { source: 'aws', version: '6.0.0' } } } };
    expect(() => bundleStacks([{ id: 'a', json: sample() }, { id: 'b', json: other }])).toThrow(/required_providers.aws .*6.0.0.* differs/);
  });
});

(terraformAvailable() ? describe : describe.skip)('stack bundle: terraform validate', () => {
  let outdir: string;
  beforeAll(() => (outdir = mkdtempSync(join(tmpdir(), 'lz-bundle-'))));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  /** Writes `json` as a stack folder. */
  function stackDir(id: string, json: Record<string, unknown>): StackDir {
    const dir = join(outdir, id);
    mkdirSync(dir);
    writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(json));
    return { id, dir };
  }

  it('finds a broken stack beside a valid one, names only that stack, and gives the diagnostics in the stack\'s own names', async () => {
    const json = sample() as Record<string, any>;
    json.resource.aws_s3_bucket.Copy.no_such_argument = true;
    json.import[0].to = 'aws_s3_bucket.Missing';
    const broken = stackDir('broken', json);
    const results = await validateStacks([stackDir('good', sample()), broken]);
    expect(results.map((r) => [r.stack, r.valid])).toEqual([['good', true], ['broken', false]]);
    const text = results[1].diagnostics.join('\n');
    expect(text).toContain('no_such_argument');
    expect(text).toContain('Configuration for import target does not exist');
    expect(text).not.toContain('broken__');
    // The same stack alone gives as many errors.
    expect((await validateStackDir(broken.dir, 'broken')).diagnostics).toHaveLength(results[1].diagnostics.length);
  }, 300_000);
});
