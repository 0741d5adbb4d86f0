import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { parseConfig } from '../../config/load';
import { ConfigError } from '../../config/problems';
import type { LandingZoneConfig } from '../../config/schema';
import { effectiveGuardrails } from '../../policies/effective';
import { renderGuardrail } from '../../policies/plan';
import { checkPolicyDocument } from '../../policies/document-check';
import { checkLockout } from '../../checks/lockout/check';
import { exampleConfig } from '../harness/config';
import { controlTowerEnterprise } from '../harness/control-tower';
import { POLICY_BASE, POLICY_CASES, type PolicyCase } from './broken-policies';

/*
 * Issue 22: every policy document AWS would refuse, or that would lock the landing zone out, is refused before Terraform
 * with its path, line, value, fix and AWS's page; the catalogue's documents, the examples and correct custom documents
 * of every type load.
 */

/** The config text of a case, written beside its files in a fresh folder. */
function load(c: Omit<PolicyCase, 'problem' | 'name'>): LandingZoneConfig {
  const raw = parse(POLICY_BASE);
  if (c.guardrails) raw.guardrails = c.guardrails;
  if (c.identityCenter) raw.identityCenter = c.identityCenter;
  if (c.stackSets) raw.stackSets = c.stackSets;
  const dir = mkdtempSync(join(tmpdir(), 'lz-policies-'));
  for (const [path, text] of Object.entries(c.files ?? {})) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return parseConfig(stringify(raw), join(dir, 'landing-zone.yaml'));
}

function problemLines(c: Omit<PolicyCase, 'problem' | 'name'>): string[] {
  try {
    load(c);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.message.split('\n').slice(1).map((l) => l.replace(/^ {2}/, ''));
  }
  return [];
}

describe('policy documents AWS would refuse, and guardrails that lock the landing zone out, are refused', () => {
  it('has at least 25 distinct cases', () => {
    expect(POLICY_CASES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(POLICY_CASES.map((c) => c.name)).size).toBe(POLICY_CASES.length);
  });

  it.each(POLICY_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(problemLines(c)).toEqual([c.problem]);
  });

  it('reports every class at once, beside the other problems of the config', () => {
    const merged = {
      scp: [...(POLICY_CASES[0].guardrails!.scp as object[]), ...(POLICY_CASES.find((c) => c.name.startsWith('a custom SCP at Root'))!.guardrails!.scp as object[])],
      tag: POLICY_CASES.find((c) => c.name === 'a tag policy operator typo')!.guardrails!.tag,
      backup: POLICY_CASES.find((c) => c.name.startsWith('a backup rule'))!.guardrails!.backup,
    };
    const lines = problemLines({ guardrails: merged, identityCenter: POLICY_CASES.find((c) => c.identityCenter)!.identityCenter });
    expect(lines.map((l) => l.replace(/ \(line \d+\).*/, ''))).toEqual([
      'identityCenter.permissionSets[0].inlinePolicy.Statement[0].Condition.BoolIfExists.aws:MultiFactorAuthPresnt',
      'guardrails.scp[0].document.Statement[0].Condition.StringNotEquals.aws:PrincipalArm',
      'guardrails.tag[0].document.tags.costcenter.tag_key.@@Assign',
      'guardrails.backup[0].document.plans.Daily.rules.Daily.lifecycle.delete_after_days',
      'guardrails.scp[1].document.Statement[0]',
    ]);
  });
});

describe('correct documents load', () => {
  const cases: [string, () => LandingZoneConfig][] = [
    ['examples/minimal.yaml', () => exampleConfig('minimal')],
    ['examples/enterprise.yaml (its custom SCP file included)', () => exampleConfig('enterprise')],
    ['examples/enterprise.yaml in Control Tower mode', () => controlTowerEnterprise()],
  ];

  it.each(cases)("%s: every guardrail's document passes the checker and none locks the landing zone out", (_name, config) => {
    const c = config();
    const guardrails = effectiveGuardrails(c);
    expect(guardrails.length).toBeGreaterThan(7);
    for (const g of guardrails) {
      const rendered = renderGuardrail(c, g)!;
      expect({ guardrail: g.name, findings: checkPolicyDocument(g.kind, rendered.document as Record<string, unknown>) }).toEqual({ guardrail: g.name, findings: [] });
    }
    expect(checkLockout(c)).toEqual([]);
  });

  const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
  const valid: [string, Omit<PolicyCase, 'problem' | 'name'>][] = [
    [
      'an SCP that exempts the landing zone roles, with every operator family',
      {
        guardrails: {
          scp: [
            {
              name: 'protect-tags',
              targets: ['Root'],
              document: doc(
                {
                  Sid: 'ProtectOwnerTag',
                  Effect: 'Deny',
                  Action: ['ec2:CreateTags', 'ec2:DeleteTags'],
                  Resource: 'arn:aws:ec2:*:*:instance/*',
                  Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['Owner'] }, ArnNotLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/OrganizationAccountAccessRole', 'arn:aws:iam::*:role/Admin*'] } },
                },
                { Sid: 'SmallInstances', Effect: 'Deny', Action: 'ec2:RunInstances', Resource: 'arn:aws:ec2:*:*:instance/*', Condition: { StringNotLike: { 'ec2:InstanceType': ['t3.*', 't4g.*'] } } },
                { Sid: 'MfaForDeletes', Effect: 'Deny', Action: 's3:DeleteBucket', Resource: 'arn:aws:s3:::*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' }, ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/OrganizationAccountAccessRole' } } },
                { Sid: 'CorporateNetwork', Effect: 'Deny', NotAction: ['s3:Get*', 'config:*', 'sts:*', 'iam:*'], Resource: '*', Condition: { NotIpAddressIfExists: { 'aws:SourceIp': ['203.0.113.0/24'] }, Null: { 'aws:PrincipalTag/Team': 'false' }, DateGreaterThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } } },
              ),
            },
          ],
        },
      },
    ],
    [
      'an RCP that keeps requests in the organization with a policy variable',
      {
        guardrails: {
          rcp: [
            {
              name: 'own-org',
              targets: ['Root'],
              document: doc({ Sid: 'OwnOrg', Effect: 'Deny', Principal: '*', Action: ['s3:*', 'sts:AssumeRole'], Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': '${aws:ResourceOrgID}' }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } } }),
            },
          ],
        },
      },
    ],
    [
      'an allow-list SCP that allows the landing zone roles everything',
      {
        guardrails: {
          scp: [
            {
              name: 'allow-list',
              targets: ['Workloads/Dev'],
              document: doc(
                { Sid: 'Workloads', Effect: 'Allow', Action: ['ec2:*', 's3:*', 'lambda:*'], Resource: '*' },
                { Sid: 'LandingZone', Effect: 'Allow', Action: '*', Resource: '*', Condition: { ArnLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/OrganizationAccountAccessRole', 'arn:aws:iam::*:role/LandingZonePlan'] } } },
              ),
            },
          ],
        },
      },
    ],
    [
      'a declarative policy declaring every EC2 attribute',
      {
        guardrails: {
          declarative: [
            {
              name: 'ec2-all',
              targets: ['Workloads'],
              document: {
                ec2_attributes: {
                  exception_message: { '@@assign': 'Blocked by policy; ask the platform team.' },
                  vpc_block_public_access: { internet_gateway_block: { mode: { '@@assign': 'block_ingress' }, exclusions_allowed: { '@@assign': 'enabled' } } },
                  serial_console_access: { status: { '@@assign': 'disabled' } },
                  image_block_public_access: { state: { '@@assign': 'block_new_sharing' } },
                  allowed_images_settings: {
                    state: { '@@assign': 'audit_mode' },
                    image_criteria: { criteria_1: { allowed_image_providers: { '@@append': ['amazon', '123456789012'] }, creation_date_condition: { maximum_days_since_created: { '@@assign': '300' } } } },
                  },
                  instance_metadata_defaults: { http_tokens: { '@@assign': 'required' }, http_put_response_hop_limit: { '@@assign': '2' }, http_endpoint: { '@@assign': 'enabled' }, instance_metadata_tags: { '@@assign': 'no_preference' } },
                  snapshot_block_public_access: { state: { '@@assign': 'block_all_sharing', '@@operators_allowed_for_child_policies': ['@@none'] } },
                },
              },
            },
          ],
        },
      },
    ],
    [
      "AWS's backup policy example",
      {
        guardrails: {
          backup: [
            {
              name: 'pii',
              targets: ['Workloads/Prod'],
              document: {
                plans: {
                  PII_Backup_Plan: {
                    rules: {
                      My_Hourly_Rule: {
                        schedule_expression: { '@@assign': 'cron(0 5 ? * * *)' },
                        start_backup_window_minutes: { '@@assign': '60' },
                        complete_backup_window_minutes: { '@@assign': '604800' },
                        target_backup_vault_name: { '@@assign': 'My_Backup_Vault' },
                        recovery_point_tags: { owner: { tag_key: { '@@assign': 'Owner' }, tag_value: { '@@assign': 'Backup' } } },
                        lifecycle: { move_to_cold_storage_after_days: { '@@assign': '180' }, delete_after_days: { '@@assign': '270' } },
                        copy_actions: {
                          'arn:aws:backup:us-west-2:$account:backup-vault:My_Secondary_Vault': {
                            target_backup_vault_arn: { '@@assign': 'arn:aws:backup:us-west-2:$account:backup-vault:My_Secondary_Vault' },
                            lifecycle: { move_to_cold_storage_after_days: { '@@assign': '180' }, delete_after_days: { '@@assign': '270' } },
                          },
                        },
                      },
                      Continuous: { schedule_expression: { '@@assign': 'cron(0 6 ? * * *)' }, target_backup_vault_name: { '@@assign': 'Default' }, enable_continuous_backup: { '@@assign': 'true' }, lifecycle: { delete_after_days: { '@@assign': '35' } } },
                    },
                    regions: { '@@append': ['us-east-1', 'eu-north-1'] },
                    selections: { tags: { datatype: { iam_role_arn: { '@@assign': 'arn:aws:iam::$account:role/MyIamRole' }, tag_key: { '@@assign': 'dataType' }, tag_value: { '@@assign': ['PII', 'RED'] } } } },
                    advanced_backup_settings: { ec2: { WindowsVSS: { '@@assign': 'enabled' } } },
                    backup_plan_tags: { stage: { tag_key: { '@@assign': 'Stage' }, tag_value: { '@@assign': 'Beta' } } },
                  },
                },
              },
            },
          ],
        },
      },
    ],
    [
      'a tag policy with every operator',
      {
        guardrails: {
          tag: [
            {
              name: 'tags',
              targets: ['Root'],
              document: {
                tags: {
                  costcenter: {
                    tag_key: { '@@assign': 'CostCenter', '@@operators_allowed_for_child_policies': ['@@none'] },
                    tag_value: { '@@append': ['100', '2*'] },
                    enforced_for: { '@@assign': ['ec2:instance', 'secretsmanager:*', 'redshift:ALL_SUPPORTED'] },
                  },
                  project: { tag_value: { '@@remove': ['Legacy'] } },
                },
              },
            },
          ],
        },
      },
    ],
    [
      "AWS's AI opt-out example with child control",
      {
        guardrails: {
          aiOptOut: [
            {
              name: 'ai',
              targets: ['Root'],
              document: {
                services: {
                  '@@operators_allowed_for_child_policies': ['@@none'],
                  default: { '@@operators_allowed_for_child_policies': ['@@none'], opt_out_policy: { '@@operators_allowed_for_child_policies': ['@@none'], '@@assign': 'optOut' } },
                  lex: { opt_out_policy: { '@@assign': 'optIn' } },
                },
              },
            },
          ],
        },
      },
    ],
    [
      'a permission set inline policy with conditions and resources of its actions',
      {
        identityCenter: {
          permissionSets: [
            {
              name: 'Developer',
              managedPolicies: ['PowerUserAccess'],
              inlinePolicy: {
                Statement: [
                  { Sid: 'Reports', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'], Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
                  { Sid: 'HomeRegions', Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'ap-northeast-1'] } } },
                ],
              },
            },
          ],
        },
      },
    ],
  ];

  it.each(valid)('%s', (_name, c) => {
    expect(problemLines(c)).toEqual([]);
  });
});
