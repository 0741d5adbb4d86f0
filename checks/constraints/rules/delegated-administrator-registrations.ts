import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { accountKey, accountLabel, managementKey } from '../resources';
import { trustedPrincipals } from '../organization';

/** Principals the Organizations services list marks "Supports delegated administrator" (those a landing zone registers). */
const SUPPORTS_DELEGATION = new Set([
  'access-analyzer.amazonaws.com',
  'account.amazonaws.com',
  'auditmanager.amazonaws.com',
  'backup.amazonaws.com',
  'cloudtrail.amazonaws.com',
  'config.amazonaws.com',
  'config-multiaccountsetup.amazonaws.com',
  'detective.amazonaws.com',
  'fms.amazonaws.com',
  'guardduty.amazonaws.com',
  'health.amazonaws.com',
  'inspector2.amazonaws.com',
  'ipam.amazonaws.com',
  'macie.amazonaws.com',
  'member.org.stacksets.cloudformation.amazonaws.com',
  'securityhub.amazonaws.com',
  'securitylake.amazonaws.com',
  'servicecatalog.amazonaws.com',
  'ssm.amazonaws.com',
  'sso.amazonaws.com',
  'storage-lens.s3.amazonaws.com',
]);

/** Service-API designations that register the account in Organizations themselves, by the principal they register. */
const SERVICE_API_REGISTRATIONS: Readonly<Record<string, { readonly type: string; readonly attribute: string }>> = {
  'guardduty.amazonaws.com': { type: 'aws_guardduty_organization_admin_account', attribute: 'admin_account_id' },
  'securityhub.amazonaws.com': { type: 'aws_securityhub_organization_admin_account', attribute: 'admin_account_id' },
  'detective.amazonaws.com': { type: 'aws_detective_organization_admin_account', attribute: 'account_id' },
  'inspector2.amazonaws.com': { type: 'aws_inspector2_delegated_admin_account', attribute: 'account_id' },
  'macie.amazonaws.com': { type: 'aws_macie2_organization_admin_account', attribute: 'admin_account_id' },
  'cloudtrail.amazonaws.com': { type: 'aws_cloudtrail_organization_delegated_admin_account', attribute: 'account_id' },
};

/**
 * RegisterDelegatedAdministrator: the principal must support delegated administration and have
 * trusted access; the management account can't be registered
 * (CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR); and an account already registered for the
 * principal, e.g. through the service's own designation API, fails with
 * AccountAlreadyRegisteredException.
 */
export const delegatedAdministratorRegistrations: ConstraintRule = {
  id: 'delegated-administrator-registrations',
  title: 'Delegated administrators: a delegable principal with trusted access, never the management account, registered once',
  sources: [
    'https://docs.aws.amazon.com/organizations/latest/APIReference/API_RegisterDelegatedAdministrator.html',
    'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services_list.html',
  ],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const warnings: string[] = [];
    const principals = trustedPrincipals(ctx);
    const seen = new Map<string, string>();
    for (const r of find(ctx, 'aws_organizations_delegated_administrator')) {
      const principal = String(r.body.service_principal);
      const account = accountKey(ctx, r.body.account_id);
      const at = `${r.stack}: aws_organizations_delegated_administrator.${r.name} (${principal})`;
      const before = problems.length;
      if (!SUPPORTS_DELEGATION.has(principal)) warnings.push(`${at}: ${principal} is not among the delegable principals this check knows; confirm it on the Organizations services list`);
      if (principals && !principals.has(principal)) problems.push(`${at}: ${principal} has no trusted access (aws_service_access_principals)`);
      if (account === managementKey(ctx)) problems.push(`${at}: registers the management account, which Organizations refuses`);
      const key = `${principal}|${account}`;
      if (seen.has(key)) problems.push(`${at}: ${accountLabel(ctx, account)} is already registered for ${principal} by ${seen.get(key)}`);
      seen.set(key, `aws_organizations_delegated_administrator.${r.name}`);
      const viaService = SERVICE_API_REGISTRATIONS[principal];
      const twin = viaService && find(ctx, viaService.type).find((s) => accountKey(ctx, s.body[viaService.attribute]) === account);
      if (twin) {
        problems.push(`${at}: ${twin.stack}: ${twin.type}.${twin.name} registers ${accountLabel(ctx, account)} for ${principal} already (AccountAlreadyRegisteredException); keep only one`);
      }
      if (problems.length === before) evidence.push(evidenceOf(r, `${principal} → ${accountLabel(ctx, account)}`));
    }
    for (const [principal, { type, attribute }] of Object.entries(SERVICE_API_REGISTRATIONS)) {
      for (const r of find(ctx, type)) {
        if (accountKey(ctx, r.body[attribute]) === managementKey(ctx)) {
          warnings.push(`${r.stack}: ${type}.${r.name}: designates the management account as ${principal} administrator; AWS recommends a member account (the security account)`);
        }
      }
    }
    return verdict(evidence, problems, warnings);
  },
};
