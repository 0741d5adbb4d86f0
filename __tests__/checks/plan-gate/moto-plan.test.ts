import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan, reviewPlans } from '../../../checks/plan-gate';
import { creates, forgets, imports, managedChanges, replaces, updates } from '../../../checks/plan-gate/changes';
import { contextOf } from './fixtures';

/*
 * fixtures/moto/moto-management.json is real output of `terraform show -json tfplan` (Terraform 1.11.4, hashicorp/aws
 * 5.100.0) against moto 5.2.1, made by fixtures/moto/capture.sh: one plan that creates, imports (and updates),
 * updates, replaces, deletes and forgets, and changes the organization. The gate must read Terraform's own shape.
 */
const FILE = join(__dirname, 'fixtures', 'moto', 'moto-management.json');
const plan = parsePlan(FILE, readFileSync(FILE, 'utf8'), 'management');

describe('the plan gate on a real plan (terraform show -json against moto)', () => {
  it('reads every kind of change Terraform plans', () => {
    const byAddress = new Map(managedChanges(plan).map((rc) => [rc.address, rc]));
    expect(plan.plan.format_version).toMatch(/^1\./);
    expect(plan.plan.terraform_version).toBe('1.11.4');
    expect(creates(byAddress.get('aws_iam_role.added')!)).toBe(true);
    expect(imports(byAddress.get('aws_iam_role.outside')!) && updates(byAddress.get('aws_iam_role.outside')!)).toBe(true);
    expect(updates(byAddress.get('aws_iam_role.keep')!)).toBe(true);
    expect(replaces(byAddress.get('aws_iam_role.rename_me')!)).toBe(true);
    expect(byAddress.get('aws_iam_role.delete_me')!.change.actions).toEqual(['delete']);
    expect(forgets(byAddress.get('aws_iam_role.forget_me')!)).toBe(true);
  });

  it('refuses the replace, the destroy, the disabled policy type, the removed trusted access and the detached policy; lists the adoption as a notice', () => {
    const result = reviewPlans([plan], contextOf());
    const [stack] = result.stacks;
    const policyId = String(managedChanges(plan).find((rc) => rc.address === 'aws_organizations_policy_attachment.scp_root')!.change.before!.policy_id);
    const rootId = String(managedChanges(plan).find((rc) => rc.address === 'aws_organizations_policy_attachment.scp_root')!.change.before!.target_id);
    expect(result.pass).toBe(false);
    expect(stack.verdict).toBe('FAIL 5 findings');
    expect(stack.findings.map((f) => [f.id, f.message])).toEqual([
      ['destroy/management/aws_iam_role.delete_me', 'destroyed (id "lz-delete-me"): its resource block is no longer in the configuration'],
      ['replace/management/aws_iam_role.rename_me', 'replaced (id "lz-old-name"), deleted and created anew: name forces a new resource'],
      ['policy-type-disabled/management/aws_organizations_organization.org/TAG_POLICY', 'disables policy type TAG_POLICY: AWS detaches every TAG_POLICY policy everywhere in the organization'],
      [
        'trusted-access-removed/management/aws_organizations_organization.org/config.amazonaws.com',
        'removes trusted access for config.amazonaws.com: the service loses its access to the organization (keep it in organization.additionalServiceAccessPrincipals while anything uses it)',
      ],
      ['policy-detached/management/aws_organizations_policy_attachment.scp_root', `policy deny-leave-organization (${policyId}) is detached from Root (${rootId})`],
    ]);
    // The forgotten role is used by nothing: the forget passes. The adopted role's change is shown.
    expect(stack.notices.map((f) => [f.id, f.message])).toEqual([
      ['import-updated/management/aws_iam_role.outside', 'imported ("lz-outside") and updated in place: description ("made by hand" → "adopted by the landing zone")'],
    ]);
  });
});
