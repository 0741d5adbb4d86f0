import { replace } from '../../../../checks/plan-gate/rules/replace';
import { contextOf, role, stackPlan } from '../fixtures';

describe('replace', () => {
  const ctx = contextOf();

  it('fails a delete-then-create, naming the arguments that force it (replace_paths)', () => {
    const plan = stackPlan('management', [
      { address: 'aws_iam_role.renamed', actions: ['delete', 'create'], before: role('lz-old-name'), after: role('lz-new-name'), replacePaths: [['name']], actionReason: 'replace_because_cannot_update' },
    ]);
    expect(replace([plan], ctx)).toEqual([
      {
        id: 'replace/management/aws_iam_role.renamed',
        rule: 'replace',
        stack: 'management',
        address: 'aws_iam_role.renamed',
        message: 'replaced (id "lz-old-name"), deleted and created anew: name forces a new resource',
        severity: 'refuse',
      },
    ]);
  });

  it('fails a create-then-delete (create_before_destroy) and a replacement without replace_paths by its reason', () => {
    const plan = stackPlan('log-archive', [
      { address: 'aws_s3_bucket.logs', actions: ['create', 'delete'], before: { id: 'acme-logs', bucket: 'acme-logs' }, after: { bucket: 'acme-logs-2' }, replacePaths: [['bucket'], ['tags', 'Owner']] },
      { address: 'aws_iam_role.tainted', actions: ['delete', 'create'], before: role('t'), after: role('t'), actionReason: 'replace_because_tainted' },
    ]);
    expect(replace([plan], ctx).map((f) => [f.id, f.message])).toEqual([
      ['replace/log-archive/aws_s3_bucket.logs', 'replaced (id "acme-logs"), created anew before the old one is deleted: bucket, tags.Owner force a new resource'],
      ['replace/log-archive/aws_iam_role.tainted', 'replaced (id "t"), deleted and created anew: it is tainted'],
    ]);
  });

  it('passes an in-place update and a destroy (the destroy rule reports it)', () => {
    const plan = stackPlan('management', [
      { address: 'aws_iam_role.kept', actions: ['update'], before: role('lz-kept'), after: role('lz-kept', { description: 'new' }) },
      { address: 'aws_iam_role.old', actions: ['delete'], before: role('lz-old') },
    ]);
    expect(replace([plan], ctx)).toEqual([]);
  });
});
