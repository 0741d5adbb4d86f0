import { importUpdated } from '../../../../checks/plan-gate/rules/import-updated';
import { contextOf, role, stackPlan } from '../fixtures';

describe('import-updated', () => {
  const ctx = contextOf();

  it('lists an import that is also updated in place as a notice (never refused)', () => {
    const plan = stackPlan('workload-shop-prod', [
      { address: 'aws_iam_role.outside', actions: ['update'], importing: 'lz-outside', before: role('lz-outside', { description: 'made by hand' }), after: role('lz-outside', { description: 'adopted' }) },
    ]);
    expect(importUpdated([plan], ctx)).toEqual([
      {
        id: 'import-updated/workload-shop-prod/aws_iam_role.outside',
        rule: 'import-updated',
        stack: 'workload-shop-prod',
        address: 'aws_iam_role.outside',
        message: 'imported ("lz-outside") and updated in place: description ("made by hand" → "adopted")',
        severity: 'notice',
      },
    ]);
  });

  it('says nothing of an import without changes, a create or an update of a managed object', () => {
    const plan = stackPlan('management', [
      { address: 'aws_iam_role.same', actions: ['no-op'], importing: 'lz-same', before: role('lz-same'), after: role('lz-same') },
      { address: 'aws_iam_role.added', actions: ['create'], after: role('lz-added') },
      { address: 'aws_iam_role.kept', actions: ['update'], before: role('lz-kept'), after: role('lz-kept', { description: 'x' }) },
    ]);
    expect(importUpdated([plan], ctx)).toEqual([]);
  });
});
