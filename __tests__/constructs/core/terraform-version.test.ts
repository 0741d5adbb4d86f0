import { exampleConfig, minimalConfig } from '../../harness/config';
import { synthLandingZone } from '../../harness/synth';

describe('the Terraform every stack needs', () => {
  it('is declared in every stack, whatever its backend (S3, Terraform Cloud, the bootstrap stack\'s local state)', () => {
    const s3 = synthLandingZone(exampleConfig('enterprise'));
    const cloud = synthLandingZone(minimalConfig((input) => (input.state = { backend: 'cloud', cloud: { organization: 'acme', workspacePrefix: 'lz' } })));
    for (const lz of [s3, cloud]) {
      for (const [id, json] of Object.entries(lz.json)) expect([id, json.terraform?.required_version]).toEqual([id, '>= 1.10']);
    }
    expect(Object.keys(s3.json)).toContain('bootstrap');
  });
});
