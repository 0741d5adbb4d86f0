import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { accountLabel, accountOf, regionLabel } from '../resources';

const NEEDS_REGIONS = ['SPECIFIED_REGIONS', 'ALL_REGIONS_EXCEPT_SPECIFIED'];
const TAKES_NO_REGIONS = ['ALL_REGIONS', 'NO_REGIONS'];

/**
 * Security Hub CreateFindingAggregator: SPECIFIED_REGIONS and ALL_REGIONS_EXCEPT_SPECIFIED use
 * the Regions list (an empty list fails validation), ALL_REGIONS and NO_REGIONS take none
 * (populating it with NO_REGIONS is an InvalidInputException). Central configuration needs
 * cross-Region aggregation in its home Region.
 */
export const securityHubFindingAggregator: ConstraintRule = {
  id: 'securityhub-finding-aggregator',
  title: 'Security Hub: the finding aggregator region list fits its linking mode; central configuration has an aggregator',
  sources: [
    'https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_CreateFindingAggregator.html',
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-securityhub-findingaggregator.html',
  ],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const aggregators = find(ctx, 'aws_securityhub_finding_aggregator');
    for (const a of aggregators) {
      const mode = String(a.body.linking_mode ?? '');
      const regions: unknown[] = a.body.specified_regions ?? [];
      const at = `${a.stack}: aws_securityhub_finding_aggregator.${a.name} (${regionLabel(a)})`;
      if (NEEDS_REGIONS.includes(mode) && regions.length === 0) {
        problems.push(`${at}: linking_mode ${mode} with an empty specified_regions; with a single governed region use NO_REGIONS (or ALL_REGIONS), otherwise list the other regions`);
      } else if (TAKES_NO_REGIONS.includes(mode) && regions.length > 0) {
        problems.push(`${at}: linking_mode ${mode} takes no specified_regions, but ${regions.length} are set`);
      } else if (![...NEEDS_REGIONS, ...TAKES_NO_REGIONS].includes(mode)) {
        problems.push(`${at}: linking_mode ${JSON.stringify(a.body.linking_mode)} is not one of ${[...TAKES_NO_REGIONS, ...NEEDS_REGIONS].join(', ')}`);
      } else evidence.push(evidenceOf(a, `${mode}${regions.length > 0 ? ` ${regions.join(', ')}` : ''}`));
    }
    for (const org of find(ctx, 'aws_securityhub_organization_configuration')) {
      if (org.body.organization_configuration?.configuration_type !== 'CENTRAL') continue;
      const account = accountOf(ctx, org);
      const home = aggregators.find((a) => accountOf(ctx, a) === account && a.region === org.region);
      if (!home) {
        problems.push(
          `${org.stack}: aws_securityhub_organization_configuration.${org.name} uses central configuration in ${regionLabel(org)}, but ${accountLabel(ctx, account)} has no finding aggregator there (cross-Region aggregation is its prerequisite)`,
        );
      } else evidence.push(evidenceOf(org, `central configuration with its aggregator in ${regionLabel(org)}`));
    }
    return verdict(evidence, problems);
  },
};
