import { minimalConfig } from '../../harness/config';
import { onlyResource, resourcesOf, synthLandingZone, type StackJson } from '../../harness/synth';
import { findingAggregatorLinking } from '../../../constructs/security';

describe('security stack of a single-region organization', () => {
  let json: StackJson;
  let management: StackJson;
  beforeAll(() => {
    const synth = synthLandingZone(
      minimalConfig((c) => {
        c.organization.governedRegions = ['us-east-1'];
        c.security = { detective: { enabled: true }, inspector: { enabled: true }, macie: { enabled: true } };
      }),
    );
    json = synth.stack('security');
    management = synth.stack('management');
  });

  it('keeps the Security Hub finding aggregator (central configuration needs one) with NO_REGIONS, never SPECIFIED_REGIONS without regions', () => {
    const aggregator = onlyResource(json, 'aws_securityhub_finding_aggregator');
    expect(aggregator).toMatchObject({ linking_mode: 'NO_REGIONS', provider: 'aws.security-us-east-1' });
    expect(aggregator.specified_regions).toBeUndefined();
    expect(onlyResource(json, 'aws_securityhub_organization_configuration').depends_on).toEqual([expect.stringMatching(/^aws_securityhub_finding_aggregator\./)]);
  });

  it('runs every regional service once, in the home region, with no cross-region forwarding', () => {
    for (const type of ['aws_guardduty_detector', 'aws_guardduty_organization_configuration', 'aws_detective_graph', 'aws_inspector2_organization_configuration', 'aws_macie2_organization_configuration']) {
      expect(Object.values(resourcesOf(json, type)).map((r) => r.provider)).toEqual(['aws.security-us-east-1']);
    }
    expect(onlyResource(json, 'aws_config_configuration_aggregator').organization_aggregation_source.regions).toEqual(['us-east-1']);
    expect(Object.keys(resourcesOf(json, 'aws_iam_role')).filter((name) => name.startsWith('FindingsForwardingRole'))).toEqual([]);
    for (const r of Object.values(resourcesOf(json, 'aws_cloudwatch_event_rule'))) expect(r.provider).toBe('aws.security-us-east-1');
  });

  it('designates every service once, in the home region only', () => {
    for (const type of ['aws_guardduty_organization_admin_account', 'aws_detective_organization_admin_account', 'aws_inspector2_delegated_admin_account', 'aws_macie2_organization_admin_account']) {
      expect(Object.values(resourcesOf(management, type)).map((r) => r.provider)).toEqual(['aws']);
    }
  });
});

describe('findingAggregatorLinking', () => {
  it('links every region, the listed ones, or none', () => {
    expect(findingAggregatorLinking('ALL')).toEqual({ linkingMode: 'ALL_REGIONS' });
    expect(findingAggregatorLinking(['ap-northeast-1'])).toEqual({ linkingMode: 'SPECIFIED_REGIONS', specifiedRegions: ['ap-northeast-1'] });
    expect(findingAggregatorLinking([])).toEqual({ linkingMode: 'NO_REGIONS' });
  });
});
