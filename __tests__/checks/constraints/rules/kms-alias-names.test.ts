import { kmsAliasNames } from '../../../../checks/constraints/rules/kms-alias-names';
import { context } from '../fixtures';

describe('constraint kms-alias-names', () => {
  it('passes alias/acme-logs', () => {
    expect(kmsAliasNames.check(context()).status).toBe('pass');
  });

  it.each([
    ['acme-logs', 'must begin with alias/'],
    ['alias/aws/acme', 'is in the alias/aws/ namespace, reserved for AWS managed keys'],
    ['alias/acme logs', 'may hold only letters, digits, / _ - and at most 256 characters'],
  ])('fails %s', (name, problem) => {
    const result = kmsAliasNames.check(context((s) => (s['log-archive'].resource.aws_kms_alias.LogKeyAlias.name = name)));
    expect(result.problems).toEqual([`log-archive: aws_kms_alias.LogKeyAlias: ${JSON.stringify(name)} ${problem}`]);
  });
});
