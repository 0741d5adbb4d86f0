import { escapeTemplateSequences, ServiceManagedStackSet } from '../../../constructs/baseline';
import { onlyResource, resourcesOf } from '../../harness/synth';
import { synthWith } from './helpers';

describe('ServiceManagedStackSet', () => {
  const templateBody = 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Sub "t-${AWS::Region}"\n';

  it('escapes CloudFormation ${...} and %{...} so Terraform passes them through', () => {
    expect(escapeTemplateSequences('!Sub "${AWS::Region}-%{x}"')).toBe('!Sub "$${AWS::Region}-%%{x}"');
  });

  it('creates one instance per region targeting the OUs, with service-managed defaults', () => {
    const json = synthWith(
      (scope, provider) =>
        new ServiceManagedStackSet(scope, 'Set', {
          provider,
          stackSetName: 'alerts',
          templateBody,
          organizationalUnitIds: ['ou-abcd-11111111'],
          regions: ['us-east-1', 'eu-west-1'],
          parameters: { Prefix: '${not-terraform}' },
        }),
    );
    const set = onlyResource(json, 'aws_cloudformation_stack_set');
    expect(set).toEqual(
      expect.objectContaining({
        permission_model: 'SERVICE_MANAGED',
        call_as: 'SELF',
        auto_deployment: { enabled: true, retain_stacks_on_account_removal: false },
        managed_execution: { active: true },
        parameters: { Prefix: '$${not-terraform}' },
        template_body: templateBody.replace('${', () => '$${'),
      }),
    );
    expect(set.capabilities).toBeUndefined();
    const instances = Object.values(resourcesOf(json, 'aws_cloudformation_stack_set_instance'));
    expect(instances.map((i) => i.region).sort()).toEqual(['eu-west-1', 'us-east-1']);
    expect(instances.every((i) => i.deployment_targets.organizational_unit_ids[0] === 'ou-abcd-11111111')).toBe(true);
    expect(instances[0].operation_preferences).toEqual(expect.objectContaining({ concurrency_mode: 'SOFT_FAILURE_TOLERANCE', max_concurrent_percentage: 25 }));
  });

  it('fails with no target OU or no region', () => {
    expect(() =>
      synthWith((scope, provider) => new ServiceManagedStackSet(scope, 'Set', { provider, stackSetName: 's', templateBody, organizationalUnitIds: [], regions: [] })),
    ).toThrow('ServiceManagedStackSet stack/Set: needs at least one target OU; needs at least one region');
  });
});
