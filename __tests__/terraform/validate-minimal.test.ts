import { exampleConfig } from '../harness/config';
import { terraformAvailable, validateLandingZone } from '../harness/terraform';

// Real `terraform validate` of every stack synthesized from examples/minimal.yaml (one file per
// example so jest runs the two examples in parallel).
const haveTerraform = terraformAvailable();

(haveTerraform ? describe : describe.skip)('terraform validate: examples/minimal.yaml', () => {
  it('passes on every synthesized stack', async () => {
    const results = await validateLandingZone(exampleConfig('minimal'));
    expect(results.length).toBeGreaterThanOrEqual(4);
    const invalid = results.filter((r) => !r.valid);
    expect(invalid).toEqual([]);
  }, 600_000);
});
