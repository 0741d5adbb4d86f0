import { destroy } from '../../../../checks/plan-gate/rules/destroy';
import { contextOf, role, stackPlan } from '../fixtures';

describe('destroy', () => {
  const ctx = contextOf();

  it('fails a delete, naming the object and Terraform\'s reason', () => {
    const plan = stackPlan('management', [{ address: 'aws_iam_role.old', actions: ['delete'], before: role('lz-old'), actionReason: 'delete_because_no_resource_config' }]);
    expect(destroy([plan], ctx)).toEqual([
      {
        id: 'destroy/management/aws_iam_role.old',
        rule: 'destroy',
        stack: 'management',
        address: 'aws_iam_role.old',
        message: 'destroyed (id "lz-old"): its resource block is no longer in the configuration',
        severity: 'refuse',
      },
    ]);
  });

  it('fails a delete of a for_each instance under its full address', () => {
    const plan = stackPlan('security', [{ address: 'aws_iam_role.r["a"]', actions: ['delete'], before: role('a'), actionReason: 'delete_because_each_key' }]);
    expect(destroy([plan], ctx).map((f) => [f.id, f.message])).toEqual([['destroy/security/aws_iam_role.r["a"]', 'destroyed (id "a"): its for_each key is no longer in the configuration']]);
  });

  it('passes creates, updates, no-ops, imports and replacements (the replace rule reports those)', () => {
    const plan = stackPlan('management', [
      { address: 'aws_iam_role.added', actions: ['create'], after: role('lz-added') },
      { address: 'aws_iam_role.kept', actions: ['update'], before: role('lz-kept'), after: role('lz-kept', { description: 'x' }) },
      { address: 'aws_iam_role.same', actions: ['no-op'], before: role('lz-same'), after: role('lz-same') },
      { address: 'aws_iam_role.adopted', actions: ['no-op'], before: role('lz-adopted'), after: role('lz-adopted'), importing: 'lz-adopted' },
      { address: 'aws_iam_role.renamed', actions: ['delete', 'create'], before: role('a'), after: role('b'), replacePaths: [['name']] },
    ]);
    expect(destroy([plan], ctx)).toEqual([]);
  });
});
