import { minimalConfig } from '../../harness/config';
import { synthLandingZone } from '../../harness/synth';
it('prints', () => {
  const config = minimalConfig((c) => {
    c.accounts[2].id = '222222222222';
    c.accounts[2].adopt = { configRecorders: { 'us-east-1': { recorder: 'my-rec', deliveryChannel: 'my-chan' }, 'ap-northeast-1': { recorder: 'rec2' } }, passwordPolicy: true, s3PublicAccessBlock: true, ebsEncryptionByDefault: ['us-east-1'], alternateContacts: ['SECURITY'], budgets: ['shop-prod-monthly-cost'], accessAnalyzers: { 'us-east-1': 'old' } };
    c.accounts[2].baseline = { accessAnalyzer: 'always', alternateContacts: { security: { name: 'a', title: 'b', email: 'a@b.example', phone: '+1 555' } } };
  });
  const lz = synthLandingZone(config);
  const j = lz.stack('workload-shop-prod');
  console.log(JSON.stringify(j.import, null, 1));
  console.log(JSON.stringify(j.resource!.aws_config_configuration_recorder, null, 1));
});
