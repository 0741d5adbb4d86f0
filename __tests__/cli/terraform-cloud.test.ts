import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFrom, exampleConfig } from '../harness/config';
import { synthLandingZone, type SynthesizedLandingZone } from '../harness/synth';
import { runTriggers } from '../../cli/commands/plan-order';
import { examplesCopy, ensureBuilt, lz } from './binary';
import type { SynthOutput } from '../../cli/lib/synth-output';

/** The enterprise example with Terraform Cloud state: one workspace per stack, prefix "globex-lz". */
function cloudConfig(hostname?: string) {
  const base = exampleConfig('enterprise');
  return configFrom({
    ...JSON.parse(JSON.stringify(base)),
    state: { backend: 'cloud', cloud: { organization: 'globex', workspacePrefix: 'globex-lz', ...(hostname ? { hostname } : {}) } },
    stackSets: [],
    ci: { provider: 'none' },
    guardrails: { ...base.guardrails, scp: base.guardrails.scp.filter((e: any) => !('file' in e)) },
  });
}

function asOutput(synth: SynthesizedLandingZone): SynthOutput {
  return { outdir: 'memory', manifest: synth.manifest, stacks: synth.json };
}

describe('Terraform Cloud mode (state.backend: cloud)', () => {
  let synth: SynthesizedLandingZone;
  beforeAll(() => {
    synth = synthLandingZone(cloudConfig());
  });

  it('gives every stack its own workspace <workspacePrefix>-<stack-id> in the organization, and no other backend', () => {
    const ids = Object.keys(synth.manifest.stacks);
    expect(ids).not.toContain('bootstrap'); // the bucket stack exists only for S3 state
    for (const id of ids) {
      const terraform = synth.stack(id).terraform!;
      expect(terraform.cloud).toEqual({ hostname: 'app.terraform.io', organization: 'globex', workspaces: { name: `globex-lz-${id}`, project: 'Default Project' } });
      expect(terraform.backend).toBeUndefined();
    }
  });

  it('reads cross-stack values from the workspaces of the stacks it depends on', () => {
    for (const [id, entry] of Object.entries(synth.manifest.stacks)) {
      const remote = Object.values<any>(synth.stack(id).data?.terraform_remote_state ?? {});
      const read = remote.map((r) => r.config.workspaces.name).sort();
      expect(remote.every((r) => r.backend === 'remote' && r.config.organization === 'globex')).toBe(true);
      for (const workspace of read) expect(entry.dependencies.map((d) => `globex-lz-${d}`)).toContain(workspace);
    }
    const security = Object.values<any>(synth.stack('security').data?.terraform_remote_state ?? {}).map((r) => r.config.workspaces.name);
    expect(security.sort()).toEqual(['globex-lz-log-archive', 'globex-lz-management']);
  });

  it('derives run triggers from the stack dependencies: each workspace is triggered by the workspaces it reads', () => {
    const triggers = runTriggers(asOutput(synth));
    expect(Object.keys(triggers)[0]).toBe('globex-lz-management');
    expect(triggers['globex-lz-management']).toEqual([]);
    expect(triggers['globex-lz-log-archive']).toEqual(['globex-lz-management']);
    expect(triggers['globex-lz-security']).toEqual(['globex-lz-log-archive', 'globex-lz-management']);
    expect(triggers['globex-lz-workload-web-prod']).toContain('globex-lz-security');
  });

  it('uses a Terraform Enterprise hostname when one is set', () => {
    const tfe = synthLandingZone(cloudConfig('tfe.globex.example'));
    expect(tfe.stack('security').terraform!.cloud.hostname).toBe('tfe.globex.example');
  });

  it('fails run triggers for stacks that are not in Terraform Cloud, naming the stack', () => {
    const s3 = synthLandingZone(exampleConfig('enterprise'));
    expect(() => runTriggers(asOutput(s3))).toThrow('stack "management" has no Terraform Cloud workspace; run triggers need state.backend: cloud');
  });

  it('prints the run triggers from the built binary (lz plan-order --run-triggers)', () => {
    ensureBuilt();
    const dir = examplesCopy();
    writeFileSync(join(dir, 'cloud.yaml'), readFileSync(join(dir, 'minimal.yaml'), 'utf8').replace('backend: local', 'backend: cloud\n  cloud: { organization: acme, workspacePrefix: lz }'));
    const run = lz(['plan-order', '-c', 'cloud.yaml', '--run-triggers'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      'lz-management': [],
      'lz-log-archive': ['lz-management'],
      'lz-management-baseline': ['lz-log-archive'],
      'lz-security': ['lz-log-archive', 'lz-management'],
      'lz-workload-shop-prod': ['lz-management', 'lz-security'],
    });
  });
});
