import { MINIMAL_YAML, problemsOf } from '../../harness/config';
import { parse } from 'yaml';

describe('organization and account meaning checks', () => {
  const base = parse(MINIMAL_YAML);

  it('fails on an account in an unknown OU', () => {
    const text = MINIMAL_YAML.replace('ou: Workloads/Dev }', 'ou: Workload/Dev }');
    expect(problemsOf(text)).toContain('accounts[3].ou (line 12): OU "Workload/Dev" does not exist; did you mean "Workloads/Dev"?');
  });

  it('fails on a duplicate account email', () => {
    const text = MINIMAL_YAML.replace('aws+shop-dev@acme.example', 'aws+shop-prod@acme.example');
    expect(problemsOf(text)).toContain('accounts[3].email (line 12): "aws+shop-prod@acme.example" is already used by accounts[2] (shop-prod); every account needs its own email');
  });

  it('fails on an adopted OU id for an OU that is not in the config', () => {
    const text = JSON.stringify({ ...base, organization: { ...base.organization, ouIds: { 'Workloads/Pro': 'ou-ab12-cd34ef56' } } });
    expect(problemsOf(text)).toMatch(/organization\.ouIds\.Workloads\/Pro \(line \d+\): OU "Workloads\/Pro" is not in organizationalUnits; did you mean "Workloads\/Prod"\?/);
  });

  it('fails on an account that is both managed and closed', () => {
    const text = JSON.stringify({ ...base, closedAccounts: [{ name: 'shop-dev' }] });
    expect(problemsOf(text)).toContain('"shop-dev" is also under accounts[3]; an account is either managed (accounts) or closed (closedAccounts), remove one of the two');
  });
});
