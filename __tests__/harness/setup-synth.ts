/**
 * jest setupFiles: what synth/synth.ts sets before it synthesizes, for the tests that synthesize an App of their
 * own (harness/synth.ts and the stack tests). cdktf runs `terraform version` in a child process for every resource
 * with an import block; memoized, a test file runs it once (an adopted organization's synth went from 4 s to 1 s).
 */
import { memoizeBinaryVersionChecks } from '../../lib/cdktf';

memoizeBinaryVersionChecks();
