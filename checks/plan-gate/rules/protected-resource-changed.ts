import { attribute, changedAttributes, describeChanges, imports, managedChanges, updates } from '../changes';
import type { ResourceChange } from '../plan-json';
import { finding, type GateContext, type PlanRule } from '../types';

/** Changes to these never matter: tags only label the object. */
const TAGS = ['tags', 'tags_all'];

/** What the protected resource is, or undefined when the change is not to one. */
function protectedAs(rc: ResourceChange, ctx: GateContext): string | undefined {
  const isAccessRole = (name: string | undefined) => name !== undefined && ctx.accessRoleNames.includes(name);
  switch (rc.type) {
    case 'aws_cloudtrail':
      return rc.change.before?.is_organization_trail === true || rc.change.after?.is_organization_trail === true ? 'the organization trail' : undefined;
    case 'aws_config_configuration_recorder':
      return 'the AWS Config recorder';
    case 'aws_config_delivery_channel':
      return 'the AWS Config delivery channel';
    case 'aws_config_configuration_recorder_status':
      return 'the AWS Config recorder status';
    case 'aws_iam_role':
      return isAccessRole(attribute(rc, 'name')) ? `the access role ${attribute(rc, 'name')}` : undefined;
    case 'aws_iam_role_policy':
    case 'aws_iam_role_policy_attachment':
      return isAccessRole(attribute(rc, 'role')) ? `a policy of the access role ${attribute(rc, 'role')}` : undefined;
    case 'aws_iam_role_policies_exclusive':
    case 'aws_iam_role_policy_attachments_exclusive':
      return isAccessRole(attribute(rc, 'role_name')) ? `the policies of the access role ${attribute(rc, 'role_name')}` : undefined;
    default:
      return undefined;
  }
}

/**
 * What the landing zone relies on to see and to reach every account: the organization trail (the audit record), the
 * AWS Config recorder, its delivery channel and its status (the configuration record and every Config rule), and the
 * access role Terraform assumes (with its policies). An in-place update of one of them, beyond its tags, can stop the
 * record (is_enabled true → false stops recording; a narrower trail or recorder records less) or lock Terraform out,
 * so it needs the config's acknowledgement. Creates and imports pass.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html
 * @see https://docs.aws.amazon.com/config/latest/APIReference/API_StopConfigurationRecorder.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_access.html
 */
export const protectedResourceChanged: PlanRule = (plans, ctx) =>
  plans.flatMap((p) =>
    managedChanges(p)
      .filter((rc) => updates(rc) && !imports(rc))
      .flatMap((rc) => {
        const what = protectedAs(rc, ctx);
        if (!what) return [];
        const changed = changedAttributes(rc, TAGS);
        if (changed.length === 0) return [];
        const stops = rc.type === 'aws_config_configuration_recorder_status' && rc.change.before?.is_enabled === true && rc.change.after?.is_enabled === false;
        const message = stops
          ? `stops AWS Config recording (is_enabled true → false): nothing is recorded and no Config rule is evaluated in this account and region`
          : `changes ${what} in place: ${describeChanges(rc, changed)}`;
        return [finding('protected-resource-changed', p.stack, rc.address, message)];
      }),
  );
