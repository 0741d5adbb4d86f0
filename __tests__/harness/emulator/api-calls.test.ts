import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addApiCallsOfLog, mergeApiCalls, requestOfRecord, sortedApiCalls } from './api-calls';

// Records as Terraform 1.11 writes them with hashicorp/aws 5.100.0 and TF_LOG=debug (trimmed headers).
const CONFIGURE = `2026-12-07T03:43:51.912Z [DEBUG] provider.terraform-provider-aws_v5.100.0_x5: HTTP Request Sent: @module=aws.aws-base tf_rpc=ConfigureProvider aws.region=us-east-1 rpc.service=STS rpc.system=aws-api tf_aws.sdk=aws-sdk-go-v2 http.method=POST
  http.request.body=
  | Action=GetCallerIdentity&Version=2011-06-15
   http.url=http://127.0.0.1:53033/ http.user_agent="APN/1.0 HashiCorp/1.0 Terraform/1.11.4 terraform-provider-aws/5.100.0" rpc.method=GetCallerIdentity timestamp=2026-12-07T03:43:51.911Z`;
const PASSWORD_POLICY = `2026-12-07T03:43:51.954Z [DEBUG] provider.terraform-provider-aws_v5.100.0_x5: HTTP Request Sent: tf_resource_type=aws_iam_account_password_policy tf_rpc=ReadResource http.url=http://127.0.0.1:53033/ rpc.method=GetAccountPasswordPolicy aws.region=us-east-1 http.method=POST
  http.request.body=
  | Action=GetAccountPasswordPolicy&Version=2010-05-08
   rpc.service=IAM rpc.system=aws-api tf_aws.sdk=aws-sdk-go-v2`;
const CONFIG_RECORDER = `2026-12-07T03:43:52.100Z [DEBUG] provider.terraform-provider-aws_v5.100.0_x5: HTTP Request Sent: rpc.service="Config Service" tf_resource_type=aws_config_configuration_recorder rpc.method=DescribeConfigurationRecorders tf_rpc=ReadResource`;
const DATA_SOURCE = `2026-12-07T03:43:52.200Z [DEBUG] provider.terraform-provider-aws_v5.100.0_x5: HTTP Request Sent: rpc.service=GuardDuty tf_data_source_type=aws_guardduty_detector rpc.method=ListDetectors tf_rpc=ReadDataSource`;
const RESPONSE = `2026-12-07T03:43:52.210Z [DEBUG] provider.terraform-provider-aws_v5.100.0_x5: HTTP Response Received: rpc.service=GuardDuty rpc.method=ListDetectors http.status_code=200`;

describe('API calls of a Terraform debug log', () => {
  it('reads the service and operation of a request, and the Terraform type it was made for', () => {
    expect(requestOfRecord(PASSWORD_POLICY)).toEqual({ call: 'IAM:GetAccountPasswordPolicy', type: 'aws_iam_account_password_policy' });
    expect(requestOfRecord(CONFIG_RECORDER)).toEqual({ call: 'Config Service:DescribeConfigurationRecorders', type: 'aws_config_configuration_recorder' });
    expect(requestOfRecord(DATA_SOURCE)).toEqual({ call: 'GuardDuty:ListDetectors', type: 'data.aws_guardduty_detector' });
    expect(requestOfRecord(CONFIGURE)).toEqual({ call: 'STS:GetCallerIdentity', type: 'provider' });
  });

  it('ignores responses and other records', () => {
    expect(requestOfRecord(RESPONSE)).toBeUndefined();
    expect(requestOfRecord('2026-12-07T03:43:50.000Z [INFO]  Terraform version: 1.11.4')).toBeUndefined();
  });

  it('takes the operation from the query body when the record lacks rpc.method', () => {
    expect(requestOfRecord(PASSWORD_POLICY.replace('rpc.method=GetAccountPasswordPolicy ', ''))?.call).toBe('IAM:GetAccountPasswordPolicy');
  });

  it('fails on a request it cannot name, rather than leaving it out', () => {
    expect(() => requestOfRecord(DATA_SOURCE.replace('rpc.method=ListDetectors ', ''))).toThrow('without its service or operation');
  });

  it('collects every request of a log file, records spanning lines, and merges lists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-api-calls-'));
    try {
      const file = join(dir, 'plan.log');
      writeFileSync(file, [CONFIGURE, PASSWORD_POLICY, CONFIG_RECORDER, DATA_SOURCE, RESPONSE, DATA_SOURCE.replace('aws_guardduty_detector', 'aws_other')].join('\n'));
      const calls = new Map<string, Set<string>>();
      await addApiCallsOfLog(file, calls);
      const sorted = sortedApiCalls(calls);
      expect(sorted).toEqual({
        'Config Service:DescribeConfigurationRecorders': ['aws_config_configuration_recorder'],
        'GuardDuty:ListDetectors': ['data.aws_guardduty_detector', 'data.aws_other'],
        'IAM:GetAccountPasswordPolicy': ['aws_iam_account_password_policy'],
        'STS:GetCallerIdentity': ['provider'],
      });
      expect(mergeApiCalls(sorted, { 'IAM:GetAccountPasswordPolicy': ['aws_x'], 'S3:HeadBucket': ['aws_s3_bucket'] })).toEqual({
        ...sorted,
        'IAM:GetAccountPasswordPolicy': ['aws_iam_account_password_policy', 'aws_x'],
        'S3:HeadBucket': ['aws_s3_bucket'],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
