import { problemsOf as problemsWithLines, minimalConfig, exampleConfig } from '../../harness/config';
import { onlyResource, synthLandingZone } from '../../harness/synth';
import { GUARDDUTY_MALWARE_PROTECTION_PRINCIPAL, serviceAccessPrincipals } from '../../../stacks/management/service-access';
import { parse } from 'yaml';
import { MINIMAL_YAML } from '../../harness/config';

const principalsOf = (edit: (input: any) => void) => serviceAccessPrincipals(minimalConfig(edit));

describe('trusted access (aws_service_access_principals)', () => {
  it('trusts GuardDuty Malware Protection when EBS malware protection is on (the default)', () => {
    expect(GUARDDUTY_MALWARE_PROTECTION_PRINCIPAL).toBe('malware-protection.guardduty.amazonaws.com');
    expect(principalsOf(() => {})).toContain('malware-protection.guardduty.amazonaws.com');
    const org = onlyResource(synthLandingZone(exampleConfig('enterprise')).stack('management'), 'aws_organizations_organization');
    expect(org.aws_service_access_principals).toContain('malware-protection.guardduty.amazonaws.com');
  });

  it('leaves Malware Protection out when the plan is not chosen or GuardDuty is off', () => {
    expect(principalsOf((c) => (c.security = { guardDuty: { features: ['S3_DATA_EVENTS'] } }))).not.toContain('malware-protection.guardduty.amazonaws.com');
    expect(principalsOf((c) => (c.security = { guardDuty: { enabled: false } }))).not.toContain('malware-protection.guardduty.amazonaws.com');
  });

  it('keeps the principals listed in organization.additionalServiceAccessPrincipals, once and sorted', () => {
    const principals = principalsOf((c) => (c.organization.additionalServiceAccessPrincipals = ['controltower.amazonaws.com', 'backup.amazonaws.com', 'sso.amazonaws.com']));
    expect(principals).toEqual(expect.arrayContaining(['controltower.amazonaws.com', 'backup.amazonaws.com']));
    expect(principals.filter((p) => p === 'sso.amazonaws.com')).toHaveLength(1);
    expect(principals).toEqual([...principals].sort());
  });

  it('fails on an additional principal that is not a service principal', () => {
    const input = parse(MINIMAL_YAML);
    input.organization.additionalServiceAccessPrincipals = ['controltower'];
    expect(problemsWithLines(JSON.stringify(input)).replace(/ \(line \d+\)/g, '')).toContain(
      'organization.additionalServiceAccessPrincipals[0]: "controltower" is not an AWS service principal; it looks like "controltower.amazonaws.com"',
    );
  });
});
