import { verdict, type CheckRule, type Evidence } from '../types';
import { evidenceOf, find } from '../resources';
import { CONTROL_TOWER } from '../../../config/schema/control-tower';
import { activateOrganizationsAccessCommand } from '../../../constructs/baseline/organizations-access-command';

/**
 * Resource types that belong in the management account: the organization itself, its policies,
 * delegated administrators, Identity Center, root access management, StackSets, and the account's
 * own hygiene (cost guards, contacts, account-level hardening).
 */
const GOVERNANCE_TYPES: readonly RegExp[] = [
  /^aws_organizations_/,
  /^aws_iam_organizations_features$/,
  /^aws_ssoadmin_/,
  /^aws_identitystore_/,
  /^aws_[a-z0-9]+_organization_admin_account$/,
  /^aws_[a-z0-9]+(_organization)?_delegated_admin_account$/,
  /^aws_cloudformation_stack_set(_instance)?$/,
  /^aws_budgets_budget(_action)?$/,
  /^aws_cloudwatch_metric_alarm$/,
  /^aws_sns_topic(_subscription|_policy)?$/,
  /^aws_account_(alternate|primary)_contact$/,
  /^aws_iam_account_password_policy$/,
  /^aws_s3_account_public_access_block$/,
  /^aws_ebs_encryption_by_default$/,
  /^aws_ec2_instance_metadata_defaults$/,
  /^aws_iam_service_linked_role$/,
  /^aws_config_/,
];

/** Delegated administrators the seed expects in the security account. */
const EXPECTED_DELEGATIONS: ReadonlyArray<{ readonly label: string; readonly type: string; readonly principal?: string }> = [
  { label: 'GuardDuty', type: 'aws_guardduty_organization_admin_account' },
  { label: 'Security Hub', type: 'aws_securityhub_organization_admin_account' },
  { label: 'AWS Config', type: 'aws_organizations_delegated_administrator', principal: 'config.amazonaws.com' },
  // Through CloudTrail's own API, which creates CloudTrail's service-linked role in the management account.
  { label: 'CloudTrail', type: 'aws_cloudtrail_organization_delegated_admin_account' },
  { label: 'IAM Access Analyzer', type: 'aws_organizations_delegated_administrator', principal: 'access-analyzer.amazonaws.com' },
];

/**
 * Seed 004 state 3: the management account runs nothing but the organization. The management stack
 * holds only governance resource types, and the security services are delegated to another account.
 */
export const managementAccountUnused: CheckRule = {
  id: 'management-account-unused',
  title: 'Management account runs only the organization; security services delegated to the security account',
  seedItem: '3',
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const management = ctx.stacks.management;
    if (!management) return verdict([], ['no management stack in the output']);
    const types = Object.keys(management.resource ?? {});
    const workload = types.filter((t) => !GOVERNANCE_TYPES.some((re) => re.test(t)) && !(t === 'terraform_data' && onlyOrganizationsAccess(ctx)));
    if (workload.length > 0) {
      problems.push(`the management stack holds non-governance resources: ${workload.join(', ')}; move them to a workload account`);
    }
    for (const d of EXPECTED_DELEGATIONS) {
      const found = find(ctx, d.type, ['management']).filter((r) => !d.principal || r.body.service_principal === d.principal);
      if (found.length === 0 && d.label === 'CloudTrail' && ctx.controlTower?.ownsTrail) {
        // Control Tower runs its organization trail itself (from the management account, as it must); the landing zone
        // then makes no CloudTrail organization resource and has nothing of CloudTrail's to delegate.
        evidence.push({ stack: 'control-tower', address: CONTROL_TOWER.trail, note: "CloudTrail: Control Tower's organization trail, nothing to delegate" });
        continue;
      }
      if (found.length === 0) {
        problems.push(`${d.label} has no delegated administrator (${d.type}${d.principal ? ` for ${d.principal}` : ''})`);
        continue;
      }
      const adminId = String(found[0].body.admin_account_id ?? found[0].body.account_id ?? '');
      if (ctx.managementAccountId && adminId === ctx.managementAccountId) {
        problems.push(`${d.label} is delegated to the management account itself (${ctx.managementAccountId}); delegate it to the security account`);
      } else evidence.push(evidenceOf(found[0], `${d.label} delegated`));
    }
    if (workload.length === 0) evidence.unshift({ stack: 'management', address: '(all resources)', note: `${types.length} resource type(s), all governance` });
    return verdict(evidence, problems);
  },
};

/**
 * Whether every terraform_data of the management stack is StackSets' Organizations access activation (a
 * governance call, made by the AWS CLI because the provider has no resource for it), and nothing else.
 */
function onlyOrganizationsAccess(ctx: Parameters<CheckRule['check']>[0]): boolean {
  const [before, after] = activateOrganizationsAccessCommand('\0').split('\0').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const isActivation = new RegExp(`^${before}[a-z0-9-]+${after}$`);
  return find(ctx, 'terraform_data', ['management']).every((r) => {
    const provisioners = (r.body.provisioner ?? []) as Array<Record<string, { command?: string }>>;
    const commands = provisioners.flatMap((p) => Object.values(p).map((x) => x.command ?? ''));
    return commands.length > 0 && commands.every((c) => isActivation.test(c));
  });
}
