import { imdsDefaultsDeclarativePolicy } from '../../../../checks/constraints/rules/imds-defaults-declarative-policy';
import { context, ROOT } from '../fixtures';

describe('constraint imds-defaults-declarative-policy', () => {
  it('passes account IMDS defaults outside the OU the declarative policy reaches', () => {
    const result = imdsDefaultsDeclarativePolicy.check(context());
    expect(result.status).toBe('pass');
    expect(result.evidence[0].note).toBe('the security account (222222222222) is outside every declarative policy that sets instance_metadata_defaults');
  });

  it('fails account IMDS defaults in an account below the OU the policy is attached to', () => {
    const result = imdsDefaultsDeclarativePolicy.check(
      context((s) => {
        s['workload-shop'].resource.aws_ec2_instance_metadata_defaults = { Imds: { http_tokens: 'required', provider: 'aws.shop-ap-northeast-1' } };
      }),
    );
    expect(result.problems).toEqual([
      'workload-shop: aws_ec2_instance_metadata_defaults for the shop account (ap-northeast-1), but the declarative policy "ec2-block-public-access" manages instance_metadata_defaults there; AWS refuses account-level changes to declarative-managed attributes: keep one owner (drop the baseline setting where the policy reaches, or the policy attribute)',
    ]);
  });

  it('fails every account, the management account included, when the policy is attached to Root', () => {
    const result = imdsDefaultsDeclarativePolicy.check(
      context((s) => {
        s.management.resource.aws_organizations_policy_attachment.DeclarativeWorkloads.target_id = ROOT;
        s.management.resource.aws_ec2_instance_metadata_defaults = { Imds: { http_tokens: 'required' } };
      }),
    );
    expect(result.problems.map((p) => p.slice(0, p.indexOf(', but')))).toEqual([
      'management: aws_ec2_instance_metadata_defaults for 111111111111 (management account) (us-east-1)',
      'security: aws_ec2_instance_metadata_defaults for the security account (222222222222) (us-east-1, ap-northeast-1)',
    ]);
  });

  it('passes when the declarative policy does not set instance_metadata_defaults', () => {
    const result = imdsDefaultsDeclarativePolicy.check(
      context((s) => {
        s.management.resource.aws_organizations_policy.Declarative.content = JSON.stringify({ ec2_attributes: { image_block_public_access: {} } });
        s.management.resource.aws_organizations_policy_attachment.DeclarativeWorkloads.target_id = ROOT;
      }),
    );
    expect(result.status).toBe('pass');
  });
});
