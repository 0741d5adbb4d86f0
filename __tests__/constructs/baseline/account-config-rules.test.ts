import { AccountConfigRules, ConfigRecorder, configServiceLinkedRoleArn } from '../../../constructs/baseline';
import { resourcesOf } from '../../harness/synth';
import { synthWith } from './helpers';

function rulesWith(homeRegion: boolean) {
  return synthWith((scope, provider) => {
    const recorder = new ConfigRecorder(scope, 'Config', { provider, roleArn: configServiceLinkedRoleArn('123456789012'), bucketName: 'logs', keyPrefix: 'config' });
    new AccountConfigRules(scope, 'Rules', {
      provider,
      rules: ['iam-password-policy', 'root-account-mfa-enabled', 'encrypted-volumes', 'restricted-ssh'],
      homeRegion,
      recorderStatus: recorder.status,
    });
  });
}

describe('AccountConfigRules', () => {
  it('creates AWS managed rules named lz-<rule> from the catalogue, each after the recorder status', () => {
    const json = rulesWith(true);
    const rules = Object.values(resourcesOf(json, 'aws_config_config_rule'));
    const [status] = Object.keys(resourcesOf(json, 'aws_config_configuration_recorder_status'));
    expect(rules.map((r) => r.name).sort()).toEqual(['lz-encrypted-volumes', 'lz-iam-password-policy', 'lz-restricted-ssh', 'lz-root-account-mfa-enabled']);
    for (const r of rules) expect(r.depends_on).toEqual([`aws_config_configuration_recorder_status.${status}`]);
    const password = rules.find((r) => r.name === 'lz-iam-password-policy')!;
    expect(password).toEqual(
      expect.objectContaining({
        source: { owner: 'AWS', source_identifier: 'IAM_PASSWORD_POLICY' },
        description: 'The account password policy meets the baseline.',
        maximum_execution_frequency: 'TwentyFour_Hours',
      }),
    );
    expect(JSON.parse(password.input_parameters)).toEqual({
      RequireUppercaseCharacters: 'true',
      RequireLowercaseCharacters: 'true',
      RequireSymbols: 'true',
      RequireNumbers: 'true',
      MinimumPasswordLength: '14',
      PasswordReusePrevention: '24',
      MaxPasswordAge: '90',
    });
    const ssh = rules.find((r) => r.name === 'lz-restricted-ssh')!;
    expect(ssh.source).toEqual({ owner: 'AWS', source_identifier: 'INCOMING_SSH_DISABLED' });
    expect(ssh.input_parameters).toBeUndefined();
    expect(ssh.maximum_execution_frequency).toBeUndefined();
  });

  it('leaves the account-wide rules out outside the home region', () => {
    const rules = Object.values(resourcesOf(rulesWith(false), 'aws_config_config_rule'));
    expect(rules.map((r) => r.source.source_identifier).sort()).toEqual(['ENCRYPTED_VOLUMES', 'INCOMING_SSH_DISABLED']);
  });
});
