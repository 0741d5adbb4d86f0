import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { hasExpression } from '../sizes';

/** KMS CreateAlias: `alias/` followed by [a-zA-Z0-9/_-], at most 256 characters, never the AWS-managed `alias/aws/` namespace. */
export const kmsAliasNames: ConstraintRule = {
  id: 'kms-alias-names',
  title: 'KMS alias names begin with alias/, not alias/aws/, and use [a-zA-Z0-9/_-]',
  sources: ['https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html'],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    for (const a of find(ctx, 'aws_kms_alias')) {
      const name = a.body.name ?? a.body.name_prefix;
      if (typeof name !== 'string' || hasExpression(name)) continue;
      const at = `${a.stack}: aws_kms_alias.${a.name}: ${JSON.stringify(name)}`;
      if (!name.startsWith('alias/')) problems.push(`${at} must begin with alias/`);
      else if (name.startsWith('alias/aws/')) problems.push(`${at} is in the alias/aws/ namespace, reserved for AWS managed keys`);
      else if (!/^[a-zA-Z0-9/_-]+$/.test(name) || name.length > 256) problems.push(`${at} may hold only letters, digits, / _ - and at most 256 characters`);
      else evidence.push(evidenceOf(a, name));
    }
    return verdict(evidence, problems);
  },
};
