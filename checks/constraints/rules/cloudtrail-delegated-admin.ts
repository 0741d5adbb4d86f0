import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find, type FoundResource } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { accountKey, accountLabel, accountOf, managementKey } from '../resources';

/**
 * An organization trail or organization event data store created from a member account needs
 * that account registered as CloudTrail's delegated administrator through CloudTrail
 * (RegisterOrganizationDelegatedAdmin, aws_cloudtrail_organization_delegated_admin_account),
 * which also creates CloudTrail's service-linked role in the management account. A registration
 * through Organizations alone (aws_organizations_delegated_administrator for
 * cloudtrail.amazonaws.com) does not create that role, and the trail fails.
 */
export const cloudTrailDelegatedAdmin: ConstraintRule = {
  id: 'cloudtrail-delegated-admin',
  title: 'Organization trails and event data stores from a member account: registered through CloudTrail as delegated administrator',
  sources: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-delegated-administrator.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_RegisterOrganizationDelegatedAdmin.html',
  ],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const viaCloudTrail = new Set(find(ctx, 'aws_cloudtrail_organization_delegated_admin_account').map((r) => accountKey(ctx, r.body.account_id)));
    const viaOrganizations = new Set(
      find(ctx, 'aws_organizations_delegated_administrator')
        .filter((r) => r.body.service_principal === 'cloudtrail.amazonaws.com')
        .map((r) => accountKey(ctx, r.body.account_id)),
    );
    const organizationWide: FoundResource[] = [
      ...find(ctx, 'aws_cloudtrail').filter((t) => t.body.is_organization_trail === true),
      ...find(ctx, 'aws_cloudtrail_event_data_store').filter((s) => s.body.organization_enabled === true),
    ];
    for (const r of organizationWide) {
      const account = accountOf(ctx, r);
      const at = `${r.stack}: ${r.type}.${r.name}`;
      if (account === managementKey(ctx)) evidence.push(evidenceOf(r, 'created by the management account'));
      else if (viaCloudTrail.has(account)) evidence.push(evidenceOf(r, `${accountLabel(ctx, account)} is CloudTrail's delegated administrator`));
      else if (viaOrganizations.has(account)) {
        problems.push(
          `${at}: created from ${accountLabel(ctx, account)}, which is registered only through Organizations (aws_organizations_delegated_administrator cloudtrail.amazonaws.com); ` +
            "register it with aws_cloudtrail_organization_delegated_admin_account instead, which creates CloudTrail's service-linked role in the management account",
        );
      } else problems.push(`${at}: created from ${accountLabel(ctx, account)}, which is not CloudTrail's delegated administrator (aws_cloudtrail_organization_delegated_admin_account)`);
    }
    return verdict(evidence, problems);
  },
};
