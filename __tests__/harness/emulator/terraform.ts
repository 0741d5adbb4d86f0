import { execFile } from 'node:child_process';

/** One `terraform ... -json` run: its exit code and its machine-readable messages. */
export interface TerraformRun {
  readonly code: number;
  readonly messages: ReadonlyArray<Record<string, any>>;
  /** stderr and non-JSON output, for failure messages. */
  readonly text: string;
}

/** Environment of every terraform run against the emulator. */
export function emulatorTerraformEnv(endpoint: string, proxyUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^AWS_/.test(key) || /^TF_VAR_/.test(key) || /^(https?|no|all)_proxy$/i.test(key)) delete env[key];
  }
  return {
    ...env,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    // Reaches every service client of the provider (SDK v2 service-agnostic endpoint).
    AWS_ENDPOINT_URL: endpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
    // Only for names that are not loopback addresses: the S3 Control account-id host prefix.
    HTTP_PROXY: proxyUrl,
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    ...(process.env.TF_PLUGIN_DIR ? { TF_CLI_CONFIG_FILE: '/dev/null' } : {}),
  };
}

/** Runs terraform with `args` in `dir`; never throws for a non-zero exit. */
export function terraform(dir: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<TerraformRun> {
  return new Promise((resolve) => {
    execFile('terraform', [...args], { cwd: dir, env, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const messages: Array<Record<string, any>> = [];
      const text: string[] = [stderr];
      for (const line of stdout.split('\n')) {
        if (!line.trim()) continue;
        try {
          messages.push(JSON.parse(line));
        } catch {
          text.push(line);
        }
      }
      const code = error ? (typeof (error as any).code === 'number' ? (error as any).code : 1) : 0;
      resolve({ code, messages, text: text.join('\n').trim() });
    });
  });
}

/** A Terraform error diagnostic, flattened. */
export interface Diagnostic {
  readonly address?: string;
  readonly summary: string;
  readonly detail: string;
}

export function errorsOf(run: TerraformRun): Diagnostic[] {
  return run.messages
    .filter((m) => m.type === 'diagnostic' && m.diagnostic?.severity === 'error')
    .map((m) => ({ address: m.diagnostic.address, summary: String(m.diagnostic.summary ?? ''), detail: String(m.diagnostic.detail ?? '') }));
}

/** Resource instance addresses with a planned change other than no-op (and read). */
export function plannedChanges(run: TerraformRun): string[] {
  return run.messages
    .filter((m) => m.type === 'planned_change' && !['noop', 'read'].includes(m.change?.action))
    .map((m) => `${m.change.resource.addr} (${m.change.action})`);
}

/** Resource instance addresses whose apply completed. */
export function appliedAddresses(run: TerraformRun): string[] {
  return run.messages.filter((m) => m.type === 'apply_complete').map((m) => String(m.hook.resource.addr));
}
