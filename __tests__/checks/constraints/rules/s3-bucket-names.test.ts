import { bucketNameProblem, s3BucketNames } from '../../../../checks/constraints/rules/s3-bucket-names';
import { context } from '../fixtures';

describe('constraint s3-bucket-names', () => {
  it('passes lowercase names of 3 to 63 characters', () => {
    const result = s3BucketNames.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence.map((e) => e.note)).toEqual(['acme-trail-logs', 'acme-config-logs']);
  });

  it.each([
    ['ab', 'is 2 characters (3 to 63)'],
    [`acme-${'x'.repeat(59)}`, 'is 64 characters (3 to 63)'],
    ['Acme-Logs', 'may hold only lowercase letters, digits, dots and hyphens'],
    ['acme_logs', 'may hold only lowercase letters, digits, dots and hyphens'],
    ['-acme-logs', 'must begin and end with a letter or digit'],
    ['acme..logs', 'must not hold two adjacent dots'],
    ['192.168.5.4', 'must not be formatted as an IP address'],
    ['xn--acme', 'must not begin with the reserved prefix xn--'],
    ['acme-s3alias', 'must not end with the reserved suffix -s3alias'],
  ])('rejects %s: %s', (name, problem) => {
    expect(bucketNameProblem(name)).toBe(problem);
  });

  it('fails the bucket resource with its name and the rule, and checks the literal part of names with expressions', () => {
    const result = s3BucketNames.check(
      context((s) => {
        s['log-archive'].resource.aws_s3_bucket.ConfigLogs.bucket = 'acme..logs';
        s['log-archive'].resource.aws_s3_bucket.TrailLogs.bucket = 'Acme-${data.aws_caller_identity.me.account_id}';
      }),
    );
    expect(result.problems).toEqual([
      'log-archive: aws_s3_bucket.TrailLogs: "Acme-${data.aws_caller_identity.me.account_id}" may hold only lowercase letters, digits, dots and hyphens',
      'log-archive: aws_s3_bucket.ConfigLogs: "acme..logs" must not hold two adjacent dots',
    ]);
  });
});
