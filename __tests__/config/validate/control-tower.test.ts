import { parse } from 'yaml';
import { MINIMAL_YAML, minimalConfig, problemsOf } from '../../harness/config';

/** MINIMAL_YAML governed by Control Tower (both workload OUs registered), with `edit` applied. */
function withControlTower(edit: (c: any) => void = () => {}): string {
  const c = parse(MINIMAL_YAML);
  c.controlTower = { homeRegion: 'us-east-1', governedRegions: ['us-east-1', 'ap-northeast-1'], registeredOus: ['Workloads/Prod', 'Workloads/Dev'] };
  edit(c);
  return JSON.stringify(c, null, 2);
}

describe('Control Tower meaning checks (config/validate/control-tower.ts)', () => {
  it('accepts a consistent Control Tower section', () => {
    const config = minimalConfig((c) => {
      c.controlTower = { homeRegion: 'us-east-1', governedRegions: ['us-east-1', 'ap-northeast-1', 'eu-west-1'], registeredOus: ['Workloads/Prod'] };
      // An adopted recorder in an account Control Tower does not enroll, or in a region it does not govern, is the landing zone's.
      c.accounts[3].id = '333333333333';
      c.accounts[3].adopt = { configRecorders: { 'us-east-1': { recorder: 'default' } } };
    });
    expect(config.controlTower?.registeredOus).toEqual(['Workloads/Prod']);
  });

  it('fails with every problem at once, each with its path, value and fix', () => {
    const text = withControlTower((c) => {
      c.controlTower.homeRegion = 'eu-west-1';
      c.controlTower.governedRegions = ['us-east-1'];
      c.controlTower.registeredOus = ['Workloads/Prd', 'Workloads/Dev', 'Workloads/Dev'];
      c.accounts[3].id = '333333333333';
      c.accounts[3].adopt = { configRecorders: { 'us-east-1': { recorder: 'default', deliveryChannel: 'default' } } };
    });
    const message = problemsOf(text);
    expect(message).toMatch(/has 5 problems/);
    expect(message).toMatch(/controlTower\.registeredOus\[0\] \(line \d+\): OU "Workloads\/Prd" is not in organizationalUnits; did you mean "Workloads\/Prod"\?/);
    expect(message).toMatch(/controlTower\.registeredOus\[2\] \(line \d+\): "Workloads\/Dev" is already listed at registeredOus\[1\]; list each OU once/);
    expect(message).toMatch(/controlTower\.homeRegion \(line \d+\): "eu-west-1" is not one of controlTower\.governedRegions \(us-east-1\); Control Tower always governs its home region/);
    expect(message).toMatch(
      /organization\.governedRegions\[1\] \(line \d+\): "ap-northeast-1" is not governed by Control Tower \(controlTower\.governedRegions: us-east-1\).*AWSControlTowerExecution.*add ap-northeast-1 to the governed Regions in Control Tower's landing zone settings and to controlTower\.governedRegions, or remove it from organization\.governedRegions/,
    );
    expect(message).toMatch(/accounts\[3\]\.adopt\.configRecorders\.us-east-1 \(line \d+\): account "shop-dev" is enrolled in Control Tower .*aws-controltower-BaselineConfigRecorder.*drop this entry/);
  });

  it('names the configured execution role in the governed-region problem', () => {
    const text = withControlTower((c) => {
      c.controlTower.governedRegions = ['us-east-1'];
      c.controlTower.executionRoleName = 'CTExec';
    });
    expect(problemsOf(text)).toContain('lets nobody but CTExec make one');
  });

  it('fails on a CI role named like Control Tower\'s execution role (any case)', () => {
    const text = withControlTower((c) => {
      c.ci = { planRoleName: 'awscontroltowerexecution' };
    });
    expect(problemsOf(text)).toMatch(/ci\.planRoleName \(line \d+\): "awscontroltowerexecution" is controlTower\.executionRoleName, Control Tower's execution role in enrolled accounts; name the CI role differently, e.g. "LandingZonePlan"/);
  });

  it('fails on a custom SCP named with the aws-guardrails- prefix', () => {
    const byName = withControlTower((c) => {
      c.guardrails = { scp: [{ name: 'aws-guardrails-extra', document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*' }] }, targets: ['Root'] }] };
    });
    expect(problemsOf(byName)).toMatch(/guardrails\.scp\[0\]\.name \(line \d+\): "aws-guardrails-extra" starts with aws-guardrails-, the prefix of Control Tower's own SCPs/);
  });

  it('leaves a config without controlTower alone (the same names are not an error there)', () => {
    expect(() =>
      minimalConfig((c) => {
        c.guardrails = { scp: [{ name: 'aws-guardrails-extra', document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*' }] }, targets: ['Root'] }] };
      }),
    ).not.toThrow();
  });
});
