import { organizationOuDepth } from '../../../../checks/constraints/rules/organization-ou-depth';
import { context } from '../fixtures';

describe('constraint organization-ou-depth', () => {
  it('passes OUs two levels deep', () => {
    const result = organizationOuDepth.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence[0].note).toBe('3 OUs, deepest 2 level(s)');
  });

  it('fails an OU six levels below the root, naming its path', () => {
    const result = organizationOuDepth.check(
      context((s) => {
        const ous = s.management.resource.aws_organizations_organizational_unit;
        let parent = 'OU-Workloads--Prod';
        for (const level of ['L3', 'L4', 'L5', 'L6']) {
          ous[`OU-${level}`] = { name: level, parent_id: `\${aws_organizations_organizational_unit.${parent}.id}` };
          parent = `OU-${level}`;
        }
      }),
    );
    expect(result.problems).toEqual(['management: aws_organizations_organizational_unit.OU-L6 (Workloads/Prod/L3/L4/L5/L6) is 6 levels deep; the maximum is 5']);
  });
});
