import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiCalls } from '../harness/emulator/api-calls';
import { MOTO_VERSION } from '../harness/emulator/moto';

/**
 * The AWS API calls `terraform plan` makes for every stack of an example, recorded by the example's emulator
 * test (run-example.ts): after the apply, the second plan of every stack refreshes everything the stack holds,
 * as a pull request's plan does, and runs with `TF_LOG=debug`; every "HTTP Request Sent" of the provider is
 * one call. Record them again with
 *
 *   LZ_RECORD_PLAN_CALLS=1 LZ_EMULATOR=all npx jest --runInBand __tests__/emulator/apply-minimal.test.ts __tests__/emulator/apply-enterprise.test.ts
 *
 * Resources the emulator switches off (gaps.ts) are not refreshed there; their reads are in plan-calls-of-gaps.ts.
 */
export const PLAN_API_CALLS_DIR = join(__dirname, 'plan-api-calls');

export function planApiCallsFile(example: string): string {
  return join(PLAN_API_CALLS_DIR, `${example}.json`);
}

/** What recorded the calls: the tools and their versions, written into each file. */
export function planApiCallsSource(): string {
  const terraform = spawnSync('terraform', ['version', '-json'], { encoding: 'utf8' });
  const version = terraform.status === 0 ? (JSON.parse(terraform.stdout) as { terraform_version: string }).terraform_version : 'unknown';
  return `terraform plan (TF_LOG=debug) of every stack after its apply on moto ${MOTO_VERSION}, Terraform ${version}, hashicorp/aws 5.100.0 (run-example.ts, LZ_RECORD_PLAN_CALLS=1)`;
}

/** The recorded calls of an example; empty when none were recorded. */
export function recordedPlanApiCalls(example: string): ApiCalls {
  const file = planApiCallsFile(example);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { calls: ApiCalls }).calls : {};
}
