import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find, type FoundResource } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { regionLabel, waitsFor } from '../resources';

/** Regional administrator designations of the security services (each also registers in Organizations). */
const REGIONAL_ADMIN_TYPES = [
  'aws_guardduty_organization_admin_account',
  'aws_securityhub_organization_admin_account',
  'aws_detective_organization_admin_account',
  'aws_inspector2_delegated_admin_account',
  'aws_macie2_organization_admin_account',
];

/**
 * The first designation of a service's delegated administrator registers the account in
 * Organizations; designations in several regions at once race on that registration
 * (ConcurrentModificationException / "already being registered") on a fresh organization. They
 * must form one depends_on chain, home region first.
 */
export const delegatedAdminOrdering: ConstraintRule = {
  id: 'delegated-admin-ordering',
  title: "Per-region delegated administrator designations of one service run one after another, home region first",
  sources: [
    'https://docs.aws.amazon.com/organizations/latest/APIReference/API_RegisterDelegatedAdministrator.html',
    'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_organizations.html',
  ],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const home = ctx.governedRegions[0];
    for (const type of REGIONAL_ADMIN_TYPES) {
      const byStack = new Map<string, FoundResource[]>();
      for (const r of find(ctx, type)) byStack.set(r.stack, [...(byStack.get(r.stack) ?? []), r]);
      for (const [stack, all] of byStack) {
        if (all.length < 2) continue;
        // Order by how many of the others each one waits for: a chain gives 0, 1, 2, ...
        const ranked = all.map((r) => ({ r, after: all.filter((o) => o !== r && waitsFor(ctx, r, o)).length })).sort((a, b) => a.after - b.after);
        const parallel = ranked.filter((x, i) => x.after !== i);
        if (parallel.length > 0) {
          const regions = all.map(regionLabel).join(', ');
          problems.push(
            `${stack}: ${all.length} ${type} (${regions}) can run in parallel (${parallel.map((x) => regionLabel(x.r)).join(', ')} not chained); ` +
              'chain them with depends_on, home region first',
          );
        } else if (home && ranked[0].r.region !== home && all.some((r) => r.region === home)) {
          problems.push(`${stack}: the ${type} chain starts in ${regionLabel(ranked[0].r)}, not in the home region ${home}`);
        } else evidence.push(evidenceOf(ranked[0].r, `${all.length} regions chained from ${regionLabel(ranked[0].r)}`));
      }
    }
    return verdict(evidence, problems);
  },
};
