import { ConfigServiceLinkedRole } from '../../../constructs/baseline';
import { onlyResource, resourcesOf, synthLandingZone } from '../../harness/synth';
import { minimalConfig } from '../../harness/config';
import { synthWith } from './helpers';

// Creating AWSServiceRoleForConfig fails where it already exists (an adopted account that ran Config, the
// management account), and PutConfigurationRecorder does not create it. The construct therefore creates it
// where it is missing and imports it where it exists, decided at plan time, with no per-account flag.
describe('ConfigServiceLinkedRole (create where missing, adopt where it exists)', () => {
  it('reads the account\'s existing Config service-linked role and imports it into the resource through an import block with for_each', () => {
    const json = synthWith((scope, provider) => new ConfigServiceLinkedRole(scope, 'ConfigRole', { provider }));
    const [roleName, role] = Object.entries(resourcesOf(json, 'aws_iam_service_linked_role'))[0];
    expect(role).toMatchObject({ aws_service_name: 'config.amazonaws.com' });
    const [dataName, existing] = Object.entries((json.data as Record<string, Record<string, any>>).aws_iam_roles)[0];
    expect(existing).toMatchObject({ path_prefix: '/aws-service-role/config.amazonaws.com/', name_regex: '(?i)^AWSServiceRoleForConfig$' });
    expect((json as any).import).toEqual([
      { for_each: `\${toset(tolist(data.aws_iam_roles.${dataName}.arns))}`, to: `aws_iam_service_linked_role.${roleName}`, id: '${each.value}', provider: 'aws' },
    ]);
  });

  it('is what every baseline stack uses by default, through the account\'s own provider, the management account included', () => {
    const lz = synthLandingZone(minimalConfig());
    for (const [id, provider] of [
      ['workload-shop-prod', 'aws.shop-prod-us-east-1'],
      ['log-archive', 'aws.log-archive-us-east-1'],
      ['management-baseline', 'aws'],
    ] as const) {
      const stack = lz.stack(id);
      const role = onlyResource(stack, 'aws_iam_service_linked_role');
      expect([id, role.provider]).toEqual([id, provider]);
      const imports = ((stack as any).import ?? []).filter((i: any) => i.to.startsWith('aws_iam_service_linked_role.'));
      expect([id, imports]).toEqual([id, [expect.objectContaining({ for_each: expect.stringMatching(/^\$\{toset\(tolist\(data\.aws_iam_roles\..*\.arns\)\)\}$/), id: '${each.value}', provider })]]);
    }
  });
});
