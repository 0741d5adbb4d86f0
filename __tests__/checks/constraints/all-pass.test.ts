import { CONSTRAINTS, runConstraints } from '../../../checks/constraints';
import { context } from './fixtures';

describe('the constraint fixture', () => {
  it('satisfies every AWS constraint, so each rule test breaks exactly one thing', () => {
    const rows = runConstraints(context());
    expect(rows.filter((r) => r.status === 'fail').map((r) => ({ id: r.id, problems: r.problems }))).toEqual([]);
    expect(rows.map((r) => r.id)).toEqual(CONSTRAINTS.map((r) => r.id));
  });

  it('gives every rule a unique id and at least one https AWS or provider page', () => {
    expect(new Set(CONSTRAINTS.map((r) => r.id)).size).toBe(CONSTRAINTS.length);
    for (const rule of CONSTRAINTS) {
      expect(rule.sources.length).toBeGreaterThan(0);
      for (const s of rule.sources) expect(s).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|registry\.terraform\.io)\//);
    }
  });
});
