/**
 * The one place that imports the CDKTF core library.
 *
 * cdktf 0.21.0 is the final HashiCorp release; the community fork (CDK Terrain, `cdktn`)
 * is a near drop-in. Everything else in the project imports these names from here, so
 * switching is a change to this file (and the `@cdktf/provider-aws` deep-import prefix).
 */
export {
  Annotations,
  App,
  Aspects,
  CloudBackend,
  DataResource,
  dependable,
  Fn,
  LocalBackend,
  NamedCloudWorkspace,
  S3Backend,
  TerraformElement,
  TerraformOutput,
  TerraformStack,
  TerraformVariable,
  Testing,
  Token,
} from 'cdktf';
export type { IAspect, TerraformResource, TerraformProvider, AppConfig, TerraformBackend } from 'cdktf';
export type { ITerraformDependable } from 'cdktf';

/*
 * Synth-time costs of cdktf 0.21 that grow with the size of the organization (docs/performance.md).
 * cdktf is final (archived), so they are tuned here, in the one file that wraps it.
 */
// Plain require (no import helper), so that assignments below reach the modules cdktf itself uses.
import binaryVersion = require('cdktf/lib/validations/validate-binary-version');
import stackTrace = require('cdktf/lib/tokens/private/stack-trace');

const captureStackTrace = stackTrace.captureStackTrace;
let binaryVersionsMemoized = false;

/**
 * Whether tokens (every reference, every nested block of a provider resource) record the JavaScript
 * stack where they were created. cdktf does so by default, with an unlimited stack depth, only to
 * quote it in the error of a misused token; at 1,000 accounts that was a fifth of synth time.
 * Off: errors still name the construct, not the line that made the token.
 */
export function setTokenCreationTraces(on: boolean): void {
  (stackTrace as { captureStackTrace: typeof captureStackTrace }).captureStackTrace = on ? captureStackTrace : () => [];
}

/**
 * Runs each Terraform version check once per process. cdktf adds one (`terraform version` in a child
 * process) to every resource with an import block, so an organization that adopts many accounts spent
 * most of its validation time starting the same command; its answer cannot change during one synth.
 */
export function memoizeBinaryVersionChecks(): void {
  if (binaryVersionsMemoized) return;
  binaryVersionsMemoized = true;
  const proto = binaryVersion.ValidateBinaryVersion.prototype as unknown as {
    validate(this: Record<string, unknown>): string[];
  };
  const validate = proto.validate;
  const results = new Map<string, string[]>();
  proto.validate = function (this: Record<string, unknown>): string[] {
    const key = JSON.stringify([this.versionCommand, this.versionConstraint, this.hint]);
    let result = results.get(key);
    if (!result) {
      result = validate.call(this);
      results.set(key, result);
    }
    return [...result];
  };
}
