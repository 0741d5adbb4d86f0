import { organizationTrail } from '../../../../checks/checklist/rules/organization-trail';
import { context } from '../fixtures';

describe('check rule organization-trail', () => {
  it('passes with a multi-region organization trail with log file validation into the log-archive bucket', () => {
    const result = organizationTrail.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual([{ stack: 'security', address: 'aws_cloudtrail.Trail', note: 'multi-region, log file validation, logging to acme-logs' }]);
  });

  it('fails a single-region trail without log file validation', () => {
    const result = organizationTrail.check(
      context((s) => Object.assign(s.security.resource.aws_cloudtrail.Trail, { is_multi_region_trail: false, enable_log_file_validation: false })),
    );
    expect(result.status).toBe('fail');
    expect(result.problems).toEqual([
      'Trail: is_multi_region_trail is not true; the trail must cover every region',
      'Trail: enable_log_file_validation is not true',
    ]);
  });

  it('fails a trail that delivers outside the log archive', () => {
    const result = organizationTrail.check(context((s) => (s.security.resource.aws_cloudtrail.Trail.s3_bucket_name = 'somewhere-else')));
    expect(result.problems).toEqual(['Trail: delivers to "somewhere-else", which is not a bucket of the log-archive stack']);
  });

  it('fails when there is no organization trail', () => {
    const result = organizationTrail.check(context((s) => (s.security.resource.aws_cloudtrail.Trail.is_organization_trail = false)));
    expect(result.problems[0]).toContain('no aws_cloudtrail with is_organization_trail = true');
  });
});
