import { parse } from 'yaml';
import { configFrom, MINIMAL_YAML } from '../harness/config';
import { CATALOGUE, guardrailContext } from '../../policies/catalogue';
import { GLOBAL_SERVICE_ACTIONS } from '../../policies/global-services';
import { checkAction } from '../../policies/iam-actions';
import { statementsOf } from '../../policies/packing';
import { regionDeny } from '../../policies/scp/region-deny';
import { ec2BlockPublicAccess } from '../../policies/declarative/ec2-block-public-access';
import { tagPolicy } from '../../policies/tag/tag-policy';
import { aiOptOut } from '../../policies/ai-opt-out/ai-opt-out';

describe('guardrail catalogue', () => {
  const config = configFrom(parse(MINIMAL_YAML));
  const context = guardrailContext(config);

  it('names only global-service actions that exist', () => {
    const missing = GLOBAL_SERVICE_ACTIONS.filter((a) => !checkAction(a).ok);
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(CATALOGUE).filter(([, e]) => e.kind === 'scp' || e.kind === 'rcp'))('%s names only actions that exist', (_name, entry) => {
    const actions = statementsOf(entry.render(context, {})).flatMap((s) => [s.Action ?? [], s.NotAction ?? []].flat());
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((a) => !checkAction(a).ok)).toEqual([]);
  });

  it('exempts the access role, the break-glass roles and extra roles from region-deny by aws:PrincipalArn in any account', () => {
    const doc = regionDeny({ allowedRegions: ['us-east-1'], exemptRoleNames: ['OrganizationAccountAccessRole', 'BreakGlass'] });
    expect(doc.Statement[0].Condition).toEqual({
      StringNotEquals: { 'aws:RequestedRegion': ['us-east-1'] },
      ArnNotLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/OrganizationAccountAccessRole', 'arn:aws:iam::*:role/BreakGlass'] },
    });
    expect(doc.Statement[0].NotAction).toEqual([...GLOBAL_SERVICE_ACTIONS]);
  });

  it('renders the EC2 declarative policy with VPC, AMI and snapshot block public access and IMDSv2', () => {
    expect(ec2BlockPublicAccess().ec2_attributes).toMatchObject({
      vpc_block_public_access: { internet_gateway_block: { mode: { '@@assign': 'block_bidirectional' }, exclusions_allowed: { '@@assign': 'enabled' } } },
      image_block_public_access: { state: { '@@assign': 'block_new_sharing' } },
      snapshot_block_public_access: { state: { '@@assign': 'block_all_sharing' } },
      instance_metadata_defaults: { http_tokens: { '@@assign': 'required' } },
    });
    const withoutImds = ec2BlockPublicAccess({ vpcBlockPublicAccess: 'block_ingress', imdsv2Required: false }).ec2_attributes;
    expect(withoutImds).toMatchObject({ vpc_block_public_access: { internet_gateway_block: { mode: { '@@assign': 'block_ingress' } } } });
    // imdsv2Required: false hands the instance metadata defaults to the account baseline: the policy does not declare them at all.
    expect(withoutImds).not.toHaveProperty('instance_metadata_defaults');
  });

  it('renders tag and AI opt-out policies in their grammar', () => {
    expect(tagPolicy({ tags: { CostCenter: { values: ['1', '2'], enforcedFor: ['ec2:instance'] } } })).toEqual({
      tags: { costcenter: { tag_key: { '@@assign': 'CostCenter' }, tag_value: { '@@assign': ['1', '2'] }, enforced_for: { '@@assign': ['ec2:instance'] } } },
    });
    expect(aiOptOut({ optInServices: ['lex'] })).toEqual({
      services: { default: { opt_out_policy: { '@@assign': 'optOut' } }, lex: { opt_out_policy: { '@@assign': 'optIn' } } },
    });
  });
});
