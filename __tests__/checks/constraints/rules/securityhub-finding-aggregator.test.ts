import { securityHubFindingAggregator } from '../../../../checks/constraints/rules/securityhub-finding-aggregator';
import { context } from '../fixtures';

describe('constraint securityhub-finding-aggregator', () => {
  it('passes SPECIFIED_REGIONS with a region list and central configuration beside its aggregator', () => {
    const result = securityHubFindingAggregator.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence.map((e) => e.note)).toEqual(['SPECIFIED_REGIONS ap-northeast-1', 'central configuration with its aggregator in us-east-1']);
  });

  it('fails SPECIFIED_REGIONS with an empty list (a single-region organization)', () => {
    const result = securityHubFindingAggregator.check(context((s) => (s.security.resource.aws_securityhub_finding_aggregator.Aggregator.specified_regions = [])));
    expect(result.problems).toEqual([
      'security: aws_securityhub_finding_aggregator.Aggregator (us-east-1): linking_mode SPECIFIED_REGIONS with an empty specified_regions; with a single governed region use NO_REGIONS (or ALL_REGIONS), otherwise list the other regions',
    ]);
  });

  it('passes NO_REGIONS without a list and fails it with one', () => {
    const noRegions = (regions: string[]) => (s: any) => Object.assign(s.security.resource.aws_securityhub_finding_aggregator.Aggregator, { linking_mode: 'NO_REGIONS', specified_regions: regions });
    expect(securityHubFindingAggregator.check(context(noRegions([]))).status).toBe('pass');
    expect(securityHubFindingAggregator.check(context(noRegions(['ap-northeast-1']))).problems).toEqual([
      'security: aws_securityhub_finding_aggregator.Aggregator (us-east-1): linking_mode NO_REGIONS takes no specified_regions, but 1 are set',
    ]);
  });

  it('fails central configuration without an aggregator in its region', () => {
    const result = securityHubFindingAggregator.check(context((s) => delete s.security.resource.aws_securityhub_finding_aggregator));
    expect(result.problems).toEqual([
      'security: aws_securityhub_organization_configuration.Org uses central configuration in us-east-1, but the security account (222222222222) has no finding aggregator there (cross-Region aggregation is its prerequisite)',
    ]);
  });
});
