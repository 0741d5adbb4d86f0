import { cloudTrailNames, trailNameProblem } from '../../../../checks/constraints/rules/cloudtrail-names';
import { context } from '../fixtures';

describe('constraint cloudtrail-names', () => {
  it('passes the trail and event data store names', () => {
    const result = cloudTrailNames.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence.map((e) => e.note)).toEqual(['acme-organization-trail', 'acme-organization-events']);
  });

  it.each([
    ['ab', 'is 2 characters (3 to 128)'],
    ['acme trail', 'may hold only letters, digits, periods, underscores and hyphens'],
    ['-acme', 'must begin and end with a letter or digit'],
    ['acme--trail', 'must not hold adjacent periods, underscores or hyphens'],
    ['10.0.0.1', 'must not be formatted as an IP address'],
  ])('rejects trail name %s: %s', (name, problem) => {
    expect(trailNameProblem(name)).toBe(problem);
  });

  it('fails the resources with their names', () => {
    const result = cloudTrailNames.check(
      context((s) => {
        s.security.resource.aws_cloudtrail.Trail.name = 'acme_-trail';
        s.security.resource.aws_cloudtrail_event_data_store.Lake.name = 'acme events';
      }),
    );
    expect(result.problems).toEqual([
      'security: aws_cloudtrail.Trail: "acme_-trail" must not hold adjacent periods, underscores or hyphens',
      'security: aws_cloudtrail_event_data_store.Lake: "acme events" must be 3 to 128 of letters, digits, . _ -',
    ]);
  });
});
