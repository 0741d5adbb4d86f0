import type { Rule } from './rule';
import type { Problem } from '../problems';
import { show } from '../problems';
import { workloadAccounts, workloadStackId } from '../model';

/**
 * Longest Terraform Cloud / Enterprise workspace name (letters, digits, "-" and "_").
 * @see https://developer.hashicorp.com/terraform/cloud-docs/workspaces/create
 */
export const MAX_WORKSPACE_NAME = 90;
/** S3 object keys are at most 1,024 bytes (UTF-8). @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html */
export const MAX_S3_KEY_BYTES = 1024;

/**
 * The names the state backend builds from the config fit: every stack's workspace
 * `<workspacePrefix>-<stack-id>` and state key `<keyPrefix>/<stack-id>.tfstate`.
 */
export const checkStateNames: Rule = (config) => {
  const problems: Problem[] = [];
  const { state } = config;
  const longest = ['management-baseline', ...workloadAccounts(config).map((a) => workloadStackId(a.name))].reduce((a, b) => (b.length > a.length ? b : a));
  if (state.backend === 'cloud' && state.cloud) {
    const name = `${state.cloud.workspacePrefix}-${longest}`;
    if (name.length > MAX_WORKSPACE_NAME) {
      problems.push({
        path: ['state', 'cloud', 'workspacePrefix'],
        message: `${show(state.cloud.workspacePrefix)} makes the workspace ${show(name)} ${name.length} characters long, over the ${MAX_WORKSPACE_NAME} Terraform Cloud allows; shorten the prefix to at most ${MAX_WORKSPACE_NAME - longest.length - 1} characters`,
      });
    }
  }
  if (state.backend === 's3') {
    const key = `${state.keyPrefix}/${longest}.tfstate`;
    if (Buffer.byteLength(key, 'utf8') > MAX_S3_KEY_BYTES) {
      problems.push({ path: ['state', 'keyPrefix'], message: `makes the state key of ${longest} ${Buffer.byteLength(key, 'utf8')} bytes, over the ${MAX_S3_KEY_BYTES}-byte S3 key limit; shorten it` });
    }
  }
  return problems;
};
