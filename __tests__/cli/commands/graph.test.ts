import { examplesCopy, ensureBuilt, lz } from '../binary';
import { graphMarkdown, nodeId } from '../../../cli/commands/graph';
import type { SynthOutput } from '../../../cli/lib/synth-output';

const ORG = '${aws_organizations_organization.Organization.roots[0].id}';

/** A hand-made management stack: Workloads/Prod with one adopted account, an SCP on Root and one on the OU. */
const OUTPUT: SynthOutput = {
  outdir: 'out',
  manifest: { stacks: { management: { dependencies: [] }, security: { dependencies: ['management'] }, 'workload-shop': { dependencies: ['security'] } } },
  stacks: {
    management: {
      import: [{ to: 'aws_organizations_account.Account-shop', id: '222222222222' }],
      resource: {
        aws_organizations_organization: { Organization: {} },
        aws_organizations_organizational_unit: {
          'OU-Workloads': { name: 'Workloads', parent_id: ORG },
          'OU-Workloads--Prod': { name: 'Prod', parent_id: '${aws_organizations_organizational_unit.OU-Workloads.id}' },
        },
        aws_organizations_account: { 'Account-shop': { name: 'shop', parent_id: '${aws_organizations_organizational_unit.OU-Workloads--Prod.id}' } },
        aws_organizations_policy: {
          'Policy-root': { name: 'lz-scp-Root-1', type: 'SERVICE_CONTROL_POLICY' },
          'Policy-tag': { name: 'tag "policy"', type: 'TAG_POLICY' },
        },
        aws_organizations_policy_attachment: {
          'Policy-root_Attachment-Root': { policy_id: '${aws_organizations_policy.Policy-root.id}', target_id: ORG },
          'Policy-tag_Attachment-shop': { policy_id: '${aws_organizations_policy.Policy-tag.id}', target_id: '222222222222' },
        },
      },
    },
  },
};

describe('graphMarkdown', () => {
  const md = graphMarkdown(OUTPUT);

  it('draws OUs under their parents and accounts under their OU, with adopted account ids', () => {
    expect(md).toContain(`  root --> ${nodeId('ou', 'OU-Workloads')}`);
    expect(md).toContain('  ou_OU_Workloads --> ou_OU_Workloads__Prod');
    expect(md).toContain('  acct_Account_shop(["shop 222222222222"])');
    expect(md).toContain('  ou_OU_Workloads__Prod --> acct_Account_shop');
  });

  it('draws each policy with a dotted edge to every target, escaping quotes in labels', () => {
    expect(md).toContain('  pol_Policy_root{{"SCP: lz-scp-Root-1"}}');
    expect(md).toContain('  pol_Policy_root -.-> root');
    expect(md).toContain('  pol_Policy_tag{{"Tag policy: tag #quot;policy#quot;"}}');
    expect(md).toContain('  pol_Policy_tag -.-> acct_Account_shop');
  });

  it('draws the stacks in wave subgraphs with an edge per dependency, inside mermaid code fences', () => {
    expect(md.match(/```mermaid\n/g)).toHaveLength(2);
    expect(md).toContain('  subgraph wave1["wave 1"]\n    stack_security["security"]\n  end');
    expect(md).toContain('  stack_management --> stack_security');
    expect(md).toContain('  stack_security --> stack_workload_shop');
  });
});

describe('lz graph (built binary)', () => {
  it('prints Mermaid Markdown for the enterprise example with every OU and account', () => {
    ensureBuilt();
    const dir = examplesCopy();
    const run = lz(['graph', '-c', 'enterprise.yaml'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^## Organization\n/);
    expect(run.stdout).toContain('[\"OU Regulated\"]');
    expect(run.stdout).toContain('(["payments-prod 210987654323"])');
    expect(run.stdout).toMatch(/\{\{"SCP: deny-all"\}\}/);
    expect(run.stdout).toMatch(/pol_Policy_scp_deny_all_[A-Za-z0-9]+ -\.-> ou_OU_Suspended_[A-Za-z0-9]+/);
    expect(run.stdout).toContain('stack_bootstrap --> stack_management');
  });
});
