import type { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Testing } from '../../../lib/cdktf';
import type { StackJson } from '../../harness/synth';

/** Synthesizes constructs made by `build` in a test stack with one aws provider. */
export function synthWith(build: (scope: Construct, provider: AwsProvider) => void): StackJson {
  return JSON.parse(
    Testing.synthScope((scope) => {
      build(scope, new AwsProvider(scope, 'aws', { region: 'us-east-1' }));
    }),
  ) as StackJson;
}
