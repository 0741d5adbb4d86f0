import { MINIMAL_YAML, minimalConfig, problemsOf } from '../../harness/config';

const ADMIN = 'arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_AdministratorAccess_*';
const withState = (state: string) => `${MINIMAL_YAML}\nstate: ${state}\n`;

describe('state.writers', () => {
  it('accepts role (with wildcards), user and root ARNs of the management account', () => {
    const config = minimalConfig((input) => {
      input.state = { backend: 's3', bucket: 'acme-tfstate-111111111111', writers: [ADMIN, 'arn:aws:iam::111111111111:user/ops', 'arn:aws:iam::111111111111:root'] };
    });
    expect(config.state.writers).toHaveLength(3);
    expect(minimalConfig().state.writers).toBeUndefined();
  });

  it('fails on something that is not an IAM principal ARN, with the fix', () => {
    expect(problemsOf(withState('{ backend: s3, bucket: acme-tfstate-111111111111, writers: [AWSReservedSSO_AdministratorAccess] }'))).toMatch(
      /state\.writers\[0\] \(line \d+\): "AWSReservedSSO_AdministratorAccess" is not an IAM principal ARN: write a role, user or root ARN of the management account/,
    );
  });

  it('fails on a principal of another account', () => {
    expect(problemsOf(withState('{ backend: s3, bucket: acme-tfstate-111111111111, writers: ["arn:aws:iam::222222222222:role/Admin"] }'))).toMatch(
      /state\.writers\[0\] \(line \d+\): "arn:aws:iam::222222222222:role\/Admin" is in account 222222222222, not the management account 111111111111 that holds the state bucket/,
    );
  });

  it('fails where the landing zone makes no state bucket', () => {
    expect(problemsOf(withState('{ backend: s3, bucket: acme-tfstate-111111111111, bootstrap: false, writers: ["arn:aws:iam::111111111111:role/Admin"] }'))).toMatch(
      /state\.writers \(line \d+\): has no effect: the landing zone makes no state bucket \(state\.backend "s3", state\.bootstrap false\)/,
    );
  });
});
