import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const unit = require(join(ROOT, 'jest.unit.config.js')) as { roots: string[]; testPathIgnorePatterns: string[] };

/** Whether `npm run test:unit` runs the test file `path` (relative to __tests__). */
function runsInUnit(path: string): boolean {
  const absolute = join(ROOT, '__tests__', path);
  const inRoots = unit.roots.some((root) => absolute.startsWith(root.replace('<rootDir>', ROOT) + '/'));
  return inRoots && !unit.testPathIgnorePatterns.some((pattern) => new RegExp(pattern).test(absolute));
}

describe('npm run test:unit (jest.unit.config.js)', () => {
  it('runs the rule tests that work on input they make', () => {
    for (const path of ['checks/plan-gate/gate.test.ts', 'checks/plan-gate/rules/destroy.test.ts', 'config/validate/takeover.test.ts', 'discovery/delegated-administrators.test.ts', 'config/broken-policies.test.ts']) {
      expect({ path, unit: runsInUnit(path) }).toEqual({ path, unit: true });
    }
  });

  it('leaves out what synthesizes a whole landing zone, runs Terraform or the lz binary, or simulates IAM', () => {
    for (const path of ['policies/service-requests.test.ts', 'policies/pipeline-trust.test.ts', 'checks/constraints/examples.test.ts', 'config/broken-configs.test.ts', 'constructs/core/backend.test.ts', 'stacks/wiring.test.ts', 'terraform/validate-minimal.test.ts', 'emulator/apply-minimal.test.ts', 'cli/lz.test.ts']) {
      expect({ path, unit: runsInUnit(path) }).toEqual({ path, unit: false });
    }
  });

});
