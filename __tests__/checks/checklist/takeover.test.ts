import { deferredSettings, formatTakeover, takeoverReport } from '../../../checks/checklist/takeover';
import { runChecklist } from '../../../checks/checklist';
import { synthesizeToMemory } from '../../../cli/lib/synth-output';
import { governedRegions } from '../../../config/model';
import { minimalConfig } from '../../harness/config';
import { takeoverConfig } from '../../stacks/takeover/takeover-config';

// lz check on an adopted organization: every behaviour setting left off, with what turning it on does and how; the
// checklist reports them as warnings, not failures.

describe('lz check: left off on takeover', () => {
  it('lists every organization-wide setting the config does not write, and the existing accounts that keep their own', () => {
    const rows = takeoverReport(takeoverConfig());
    expect(rows.map((r) => [r.id, r.accounts])).toEqual([
      ['region-deny', undefined],
      ['deny-iam-user-access-keys', undefined],
      ['org-principals-only', undefined],
      ['https-only', undefined],
      ['vpc-block-public-access', undefined],
      ['image-block-public-access', undefined],
      ['snapshot-block-public-access', undefined],
      ['imdsv2-required', undefined],
      ['account-imds-defaults', ['management', 'log-archive', 'security', 'shop-prod']],
      ['account-s3-public-access-block', ['management', 'log-archive', 'security', 'shop-prod']],
    ]);
    const text = formatTakeover(rows);
    expect(text).toContain('OFF   VPC Block Public Access (declarative policy ec2-block-public-access, vpcBlockPublicAccess)');
    expect(text).toContain('        turning it on: block_bidirectional cuts all traffic through internet gateways');
    expect(text).toContain('        to turn it on: guardrails.declarative: [{ policy: ec2-block-public-access, options: { vpcBlockPublicAccess: block_ingress } }]');
    expect(text).toContain('OFF   S3 account public access block (baseline.s3BlockPublicAccess) in management, log-archive, security, shop-prod');
  });

  it('lists nothing the config writes, and nothing on a new organization', () => {
    const written = takeoverReport(
      takeoverConfig((c) => {
        c.guardrails.scp.push({ policy: 'region-deny', targets: ['Workloads/Dev'] });
        c.guardrails.declarative = [{ policy: 'ec2-block-public-access', options: { imdsv2Required: true } }];
        c.baseline = { s3BlockPublicAccess: true };
      }),
    ).map((r) => r.id);
    expect(written).not.toContain('region-deny');
    expect(written).not.toContain('imdsv2-required');
    expect(written).toContain('vpc-block-public-access');
    expect(written).not.toContain('account-s3-public-access-block');
    expect(takeoverReport(minimalConfig())).toEqual([]);
  });

  it('reports the deferred preventive controls as warnings, so the checklist item does not fail for them', () => {
    const config = takeoverConfig();
    const output = synthesizeToMemory(config);
    const ctx = { stacks: output.stacks, governedRegions: governedRegions(config), managementAccountId: config.organization.managementAccountId };
    const failing = runChecklist(ctx).find((r) => r.id === 'preventive-controls')!;
    expect(failing.status).toBe('fail');
    const row = runChecklist({ ...ctx, deferred: deferredSettings(takeoverReport(config)) }).find((r) => r.id === 'preventive-controls')!;
    expect(row.status).toBe('pass');
    expect(row.warnings).toEqual([
      'region deny (SCP): left off on this adopted organization until the config turns it on (guardrails.scp: [{ policy: region-deny }] (targets default to Root; a test OU first)); see "Left off on takeover" below',
      'organization principals only (RCP): left off on this adopted organization until the config turns it on (guardrails.rcp: [{ policy: org-principals-only }]); see "Left off on takeover" below',
      'HTTPS only (RCP): left off on this adopted organization until the config turns it on (guardrails.rcp: [{ policy: https-only }]); see "Left off on takeover" below',
      'EC2 declarative policy (VPC / AMI / EBS snapshot block public access, IMDSv2): left off on this adopted organization until the config turns it on (guardrails.declarative: ec2-block-public-access with the options to turn on); see "Left off on takeover" below',
    ]);
  });
});
