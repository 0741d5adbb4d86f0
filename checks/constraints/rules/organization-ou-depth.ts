import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find } from '../../checklist/resources';
import { MAX_OU_NESTING } from '../../../policies/quotas';
import type { ConstraintRule } from '../types';
import { ouChain } from '../organization';

/** AWS Organizations: OUs nest at most five levels below the root. */
export const organizationOuDepth: ConstraintRule = {
  id: 'organization-ou-depth',
  title: `Organizational units nest at most ${MAX_OU_NESTING.value} levels below the root`,
  sources: [MAX_OU_NESTING.source],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const ous = find(ctx, 'aws_organizations_organizational_unit');
    let deepest = 0;
    for (const ou of ous) {
      const chain = ouChain(ctx, ou.name);
      deepest = Math.max(deepest, chain.length);
      if (chain.length > MAX_OU_NESTING.value) {
        const path = chain.map((n) => ous.find((o) => o.name === n)?.body.name ?? n).reverse().join('/');
        problems.push(`${ou.stack}: aws_organizations_organizational_unit.${ou.name} (${path}) is ${chain.length} levels deep; the maximum is ${MAX_OU_NESTING.value}`);
      }
    }
    if (problems.length === 0 && ous.length > 0) evidence.push(evidenceOf(ous[0], `${ous.length} OUs, deepest ${deepest} level(s)`));
    return verdict(evidence, problems);
  },
};
