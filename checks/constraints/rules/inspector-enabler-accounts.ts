import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { accountKey, accountLabel, accountOf, regionLabel } from '../resources';

/**
 * Amazon Inspector's Enable call, as provider 5.100 plans it: one aws_inspector2_enabler enables
 * either the delegated administrator account itself or member accounts, never both in one list
 * (the provider refuses the plan with "account_ids can contain either the administrator account
 * or one or more member accounts").
 */
export const inspectorEnablerAccounts: ConstraintRule = {
  id: 'inspector-enabler-accounts',
  title: 'Inspector: an enabler names the administrator account or member accounts, never both',
  sources: [
    'https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/inspector2_enabler',
    'https://docs.aws.amazon.com/inspector/v2/APIReference/API_Enable.html',
  ],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const admins = new Set(find(ctx, 'aws_inspector2_delegated_admin_account').map((a) => accountKey(ctx, a.body.account_id)));
    for (const enabler of find(ctx, 'aws_inspector2_enabler')) {
      // The enabler runs in the administrator account (its provider's account).
      const admin = new Set([...admins, accountOf(ctx, enabler)]);
      const ids: string[] = (enabler.body.account_ids ?? []).map((id: unknown) => accountKey(ctx, id));
      const adminIds = ids.filter((id) => admin.has(id));
      const members = ids.filter((id) => !admin.has(id));
      if (adminIds.length > 0 && members.length > 0) {
        problems.push(
          `${enabler.stack}: aws_inspector2_enabler.${enabler.name} (${regionLabel(enabler)}) lists the administrator ${accountLabel(ctx, adminIds[0])} together with ${members.length} member account(s); ` +
            'use one enabler for the administrator account and a second one, depending on it, for the members',
        );
      } else evidence.push(evidenceOf(enabler, adminIds.length > 0 ? 'administrator account only' : `${members.length} member account(s)`));
    }
    return verdict(evidence, problems);
  },
};
