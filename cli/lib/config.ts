import { loadConfigFile, type LoadedConfig } from '../../config/load';
import { ConfigError } from '../../config/problems';
import { UserError } from '../../lib/user-error';

/** The config file the commands read: --config, else LZ_CONFIG, else landing-zone.yaml. */
export function configFileOf(option?: string): string {
  return option ?? process.env.LZ_CONFIG ?? 'landing-zone.yaml';
}

/** Loads and checks the config; its problems become one UserError (printed, exit code 1). */
export function loadConfigOrFail(file: string): LoadedConfig {
  try {
    return loadConfigFile(file);
  } catch (e) {
    if (e instanceof ConfigError) throw new UserError(e.message);
    throw e;
  }
}

/** The --config option every config-reading command shares. */
export const CONFIG_OPTION = ['-c, --config <file>', 'landing-zone.yaml to read (default: $LZ_CONFIG or landing-zone.yaml)'] as const;
