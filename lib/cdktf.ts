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
  Op,
  ref,
  NamedCloudWorkspace,
  S3Backend,
  TerraformDataSource,
  TerraformElement,
  TerraformOutput,
  TerraformStack,
  TerraformVariable,
  Testing,
  Token,
  DataTerraformRemoteState,
  DataTerraformRemoteStateLocal,
  DataTerraformRemoteStateS3,
} from 'cdktf';
export type { IAspect, TerraformResource, TerraformProvider, AppConfig, TerraformBackend, TerraformRemoteState } from 'cdktf';
export type { ITerraformDependable } from 'cdktf';

/*
 * Synth-time costs of cdktf 0.21 that grow with the size of the organization (docs/performance.md).
 * cdktf is final (archived), so they are tuned here, in the one file that wraps it.
 */
// Plain require (no import helper), so that assignments below reach the modules cdktf itself uses.
import binaryVersion = require('cdktf/lib/validations/validate-binary-version');
import stackTrace = require('cdktf/lib/tokens/private/stack-trace');
import unique = require('cdktf/lib/private/unique');
import synthesizer = require('cdktf/lib/synthesize/synthesizer');
import resolveModule = require('cdktf/lib/tokens/private/resolve');
import { resolve as fastResolve } from './cdktf-resolve';

/**
 * The logical id cdktf gives an element at `path` (construct ids below the stack): what
 * `TerraformStack.allocateLogicalId` computes, so an address can be named without building the element.
 */
export const makeUniqueId: (components: string[]) => string = unique.makeUniqueId;

/** Runs the aspects of a construct tree, as cdktf's stack synthesizer does before it writes a stack. */
export const invokeAspects: (root: import('constructs').IConstruct) => void = synthesizer.invokeAspects;

interface TokenMapInternals {
  readonly stringTokenMap: Map<string, unknown>;
  readonly numberTokenMap: Map<number, unknown>;
}

/**
 * Keys of cdktf's global token map now; `forgetTokensSince(mark)` later drops every token registered
 * after it. cdktf keeps every token of the process in that map forever, so a process that synthesizes
 * batch after batch (lib/synth-batches.ts) would keep every earlier batch's construct tree alive.
 * Tokens from before the mark (module-level ones) stay; a dropped token used again fails loudly as
 * an unresolved token, never silently.
 */
export function markTokens(): { strings: number; numbers: number } {
  const map = tokenMap();
  return { strings: map.stringTokenMap.size, numbers: map.numberTokenMap.size };
}

/** Drops the tokens registered since `mark` (Maps iterate in insertion order). */
export function forgetTokensSince(mark: { strings: number; numbers: number }): void {
  const map = tokenMap();
  const drop = <K>(m: Map<K, unknown>, keep: number) => {
    let i = 0;
    for (const key of [...m.keys()]) if (i++ >= keep) m.delete(key);
  };
  drop(map.stringTokenMap, mark.strings);
  drop(map.numberTokenMap, mark.numbers);
}

function tokenMap(): TokenMapInternals {
  // The singleton lives on the global object (cdktf/lib/tokens/private/token-map.js).
  const tokens = require('cdktf/lib/tokens/private/token-map') as { TokenMap: { instance(): TokenMapInternals } };
  return tokens.TokenMap.instance();
}

const captureStackTrace = stackTrace.captureStackTrace;

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
 * Turns off cdktf's Terraform version checks at synth (done when this module loads, so every App of the process,
 * the ones tests build included, has it). cdktf adds one to every resource with an import block (>= 1.5), every
 * `terraform_data` (>= 1.4) and a cloud block (>= 1.1), and each runs `terraform version` in a child process on the
 * machine that synthesizes: a synth without Terraform on the PATH failed with one error per adopted resource, and
 * an adopted organization's synth spent most of its time starting that command. The stacks declare the version they
 * need instead (`required_version`, constructs/core/terraform-version.ts), above all of those, and Terraform
 * enforces it where it plans and applies; synthesis needs only Node.
 */
function skipTerraformVersionChecks(): void {
  (binaryVersion.ValidateBinaryVersion.prototype as unknown as { validate(): string[] }).validate = () => [];
}

skipTerraformVersionChecks();

type ResolveFunction = typeof resolveModule.resolve;
/** cdktf's own `resolve()`. */
const cdktfOwnResolve: ResolveFunction = resolveModule.resolve;

/**
 * Which `resolve()` cdktf resolves every value with: lib/cdktf-resolve.ts (the default, installed when this module
 * loads: cdktf's own, with plain strings and booleans returned without the work it does for every value) or,
 * with `fast` false, cdktf's own. Both give the same result: the byte-identity tests
 * (__tests__/synth/byte-identity.test.ts) compare the synth's files with those of cdktf's own App.synth() made with
 * cdktf's own resolve().
 */
export function useFastResolve(fast: boolean): void {
  (resolveModule as { resolve: ResolveFunction }).resolve = fast ? (fastResolve as ResolveFunction) : cdktfOwnResolve;
}

useFastResolve(true);

/** The cdktf version the manifest records (cdktf's App writes its own package version). */
export const CDKTF_VERSION: string = (require('cdktf/package.json') as { version: string }).version;

import tokens = require('cdktf/lib/_tokens');
import util = require('cdktf/lib/util');
import { TerraformElement as Element, TerraformOutput as Output, TerraformStack as Stack } from 'cdktf';

/** The elements of a stack, in cdktf's order (a depth-first walk that stops at nested stacks). */
function terraformElements(node: import('constructs').IConstruct, into: Element[] = []): Element[] {
  if (Element.isTerraformElement(node)) into.push(node);
  for (const child of node.node.children) if (!Stack.isStack(child)) terraformElements(child, into);
  return into;
}

/**
 * `TerraformStack.toTerraform()` of cdktf 0.21.0, step for step, except its last one: cdktf resolves the
 * whole merged document once more, although every element's fragment and the metadata are already
 * resolved; that pass was a quarter of a workload stack's synth time. Here only the stack's raw overrides
 * (`addOverride`, never resolved before) are merged and the subtrees they reach resolved. The output is the same
 * (byte-identical tests against App.synth(): __tests__/synth/byte-identity.test.ts).
 */
export function stackToTerraform(stack: Stack): Record<string, unknown> {
  const internals = stack as unknown as { cdktfVersion: string; rawOverrides: Record<string, unknown> };
  const rawOverrides = internals.rawOverrides;
  const tf: Record<string, unknown> = {};
  const metadata: Record<string, unknown> = {
    version: internals.cdktfVersion,
    stackName: stack.node.id,
    backend: 'local',
    cloud: undefined,
    ...(Object.keys(rawOverrides).length > 0 ? { overrides: { stack: Object.keys(rawOverrides) } } : {}),
  };
  const elements = terraformElements(stack);
  for (const meta of elements.map((e) => tokens.resolve(stack, e.toMetadata()))) util.deepMerge(metadata, meta);
  const outputs = elements.reduce<Record<string, unknown>>((carry, item) => {
    if (!Output.isTerraformOutput(item)) return carry;
    util.deepMerge(
      carry,
      item.node.path.split('/').reduceRight<Record<string, unknown>>((inner, part) => (Object.keys(inner).length === 0 ? { [part]: item.friendlyUniqueId } : { [part]: inner }), {}),
    );
    return carry;
  }, {});
  tf['//'] = tokens.resolve(stack, { metadata, outputs });
  for (const fragment of elements.map((e) => tokens.resolve(stack, e.toTerraform()))) util.deepMerge(tf, fragment);
  util.deepMerge(tf, rawOverrides);
  // The subtrees the overrides reached get cdktf's final pass, exactly.
  for (const key of Object.keys(rawOverrides)) tf[key] = tokens.resolve(stack, tf[key]);
  return tf;
}
