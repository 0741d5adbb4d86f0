import type { Rule } from './rule';
import { show } from '../problems';

/** homeRegion must be governed; governed regions listed once. */
export const checkRegions: Rule = ({ organization }) => {
  const problems = [];
  const { homeRegion, governedRegions } = organization;
  if (!governedRegions.includes(homeRegion)) {
    problems.push({
      path: ['organization', 'homeRegion'],
      message: `${show(homeRegion)} is not one of governedRegions (${governedRegions.join(', ')}); add it to governedRegions or pick one of them`,
    });
  }
  governedRegions.forEach((r, i) => {
    const first = governedRegions.indexOf(r);
    if (first !== i) {
      problems.push({ path: ['organization', 'governedRegions', i], message: `${show(r)} is already listed at governedRegions[${first}]; list each region once` });
    }
  });
  return problems;
};
