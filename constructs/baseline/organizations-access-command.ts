/**
 * The AWS CLI call that activates StackSets' trusted access with AWS Organizations (idempotent). Its own module,
 * free of cdktf: the checklist (`lz check`) matches it in a plan without loading the construct library.
 */
export function activateOrganizationsAccessCommand(region: string): string {
  return `aws cloudformation activate-organizations-access --region ${region}`;
}
