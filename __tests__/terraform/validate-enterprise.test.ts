import { exampleConfig } from '../harness/config';
import { terraformAvailable, validateLandingZone } from '../harness/terraform';

// Real `terraform validate` of every stack synthesized from examples/enterprise.yaml (one file per
// example so jest runs the two examples in parallel). Its management stack holds every policy type the
// guardrails support: SCP, RCP, declarative, tag and AI opt-out policies.
const haveTerraform = terraformAvailable();

(haveTerraform ? describe : describe.skip)('terraform validate: examples/enterprise.yaml', () => {
  it('passes on every synthesized stack', async () => {
    const results = await validateLandingZone(exampleConfig('enterprise'));
    expect(results.length).toBeGreaterThanOrEqual(4);
    const invalid = results.filter((r) => !r.valid);
    expect(invalid).toEqual([]);
  }, 600_000);
});
