import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../../lib/cdktf';
import { exampleConfig } from '../harness/config';
import { terraformAvailable, validateStackDir } from '../harness/terraform';
import { ManagementStack } from '../../stacks/management-stack';

// Real `terraform validate` of the management stack alone, with every policy type the guardrails
// support (examples/enterprise.yaml enables SCP, RCP, declarative, tag and AI opt-out policies).
(terraformAvailable() ? describe : describe.skip)('terraform validate: management stack with every guardrail type', () => {
  it('passes', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'lz-guardrails-validate-'));
    try {
      const app = new App({ outdir });
      new ManagementStack(app, 'management', { config: exampleConfig('enterprise') });
      app.synth();
      const result = await validateStackDir(join(outdir, 'stacks', 'management'), 'management');
      expect(result.diagnostics).toEqual([]);
      expect(result.valid).toBe(true);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 300_000);
});
