import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../harness/config';
import { CONSTRAINTS } from '../../checks/constraints';

describe('docs/aws-constraints.md', () => {
  const text = readFileSync(join(ROOT, 'docs', 'aws-constraints.md'), 'utf8');
  const rows = text.split('\n').filter((l) => l.startsWith('| `'));

  it('has one row per constraint, in the order lz check prints them, citing every page the rule cites', () => {
    expect(rows.map((r) => /^\| `([a-z0-9-]+)`/.exec(r)?.[1])).toEqual(CONSTRAINTS.map((r) => r.id));
    for (const rule of CONSTRAINTS) {
      const row = rows.find((r) => r.startsWith(`| \`${rule.id}\``)) as string;
      for (const source of rule.sources) expect(row).toContain(`(${source})`);
    }
  });

  it('is linked from the README and the checklist page', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('[docs/aws-constraints.md](docs/aws-constraints.md)');
    expect(readFileSync(join(ROOT, 'docs', 'checklist.md'), 'utf8')).toContain('[aws-constraints.md](aws-constraints.md)');
  });
});
