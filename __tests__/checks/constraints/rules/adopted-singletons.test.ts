import { adoptedSingletons } from '../../../../checks/constraints/rules/adopted-singletons';
import { context, type Stacks } from '../fixtures';

/** The fixture's workload account with an adopted recorder, its status, channel, analyzer, budget and trail, imported by their names. */
function adopted(s: Stacks): void {
  const w = s['workload-shop'];
  w.resource.aws_config_configuration_recorder['Recorder-us-east-1'].name = 'corp-recorder';
  w.resource.aws_config_configuration_recorder_status = {
    'Status-us-east-1': { name: '${aws_config_configuration_recorder.Recorder-us-east-1.name}', is_enabled: true, provider: 'aws.shop-us-east-1' },
  };
  w.resource.aws_config_delivery_channel['Channel-us-east-1'].name = 'corp-channel';
  w.resource.aws_accessanalyzer_analyzer = { 'Analyzer-us-east-1': { analyzer_name: 'corp-analyzer', type: 'ACCOUNT', provider: 'aws.shop-us-east-1' } };
  w.resource.aws_cloudtrail = { Trail: { name: 'acme-organization-trail', provider: 'aws.shop-us-east-1' } };
  w.import = [
    { to: 'aws_config_configuration_recorder.Recorder-us-east-1', id: 'corp-recorder', provider: 'aws.shop-us-east-1' },
    { to: 'aws_config_configuration_recorder_status.Status-us-east-1', id: 'corp-recorder', provider: 'aws.shop-us-east-1' },
    { to: 'aws_config_delivery_channel.Channel-us-east-1', id: 'corp-channel', provider: 'aws.shop-us-east-1' },
    { to: 'aws_accessanalyzer_analyzer.Analyzer-us-east-1', id: 'corp-analyzer', provider: 'aws.shop-us-east-1' },
    { to: 'aws_budgets_budget.Budget', id: '333333333333:shop-monthly-cost', provider: 'aws.shop-us-east-1' },
    { to: 'aws_cloudtrail.Trail', id: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-organization-trail', provider: 'aws.shop-us-east-1' },
  ] as Stacks[string]['import'];
}

describe('constraint adopted-singletons', () => {
  it('passes import blocks that land on their resources, through their providers, under the imported names', () => {
    const result = adoptedSingletons.check(context(adopted));
    expect(result.problems).toEqual([]);
    expect(result.evidence.filter((e) => e.stack === 'workload-shop')).toHaveLength(6);
  });

  it('fails a recorder, status, channel, analyzer, budget and trail whose names differ from what the import names', () => {
    const result = adoptedSingletons.check(
      context((s) => {
        adopted(s);
        const w = s['workload-shop'].resource;
        w.aws_config_configuration_recorder['Recorder-us-east-1'].name = 'default';
        w.aws_config_delivery_channel['Channel-us-east-1'].name = 'default';
        w.aws_accessanalyzer_analyzer['Analyzer-us-east-1'].analyzer_name = 'acme-account';
        w.aws_budgets_budget.Budget.name = 'other';
        w.aws_cloudtrail.Trail.name = 'acme-trail';
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.problems).toEqual([
      'workload-shop: import to aws_config_configuration_recorder.Recorder-us-east-1: imports "corp-recorder" but the resource\'s name is "default" (the id is the recorder name); the adopted resource would be replaced, give the resource the existing name',
      'workload-shop: import to aws_config_configuration_recorder_status.Status-us-east-1: imports "corp-recorder" but the resource\'s name is "default" (the id is the recorder name); the adopted resource would be replaced, give the resource the existing name',
      'workload-shop: import to aws_config_delivery_channel.Channel-us-east-1: imports "corp-channel" but the resource\'s name is "default" (the id is the channel name); the adopted resource would be replaced, give the resource the existing name',
      'workload-shop: import to aws_accessanalyzer_analyzer.Analyzer-us-east-1: imports "corp-analyzer" but the resource\'s analyzer_name is "acme-account" (the id is the analyzer name); the adopted resource would be replaced, give the resource the existing name',
      'workload-shop: import to aws_budgets_budget.Budget: imports "333333333333:shop-monthly-cost" but the resource\'s name is "other" (the id is <account id>:<budget name>); the adopted resource would be replaced, give the resource the existing name',
      'workload-shop: import to aws_cloudtrail.Trail: imports "arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-organization-trail" but the resource\'s name is "acme-trail" (the id is the trail ARN); the adopted resource would be replaced, give the resource the existing name',
    ]);
  });

  it('fails an import through another provider than its resource, and an import whose target is not configured', () => {
    const result = adoptedSingletons.check(
      context((s) => {
        adopted(s);
        s['workload-shop'].import![0] = { to: 'aws_config_configuration_recorder.Recorder-us-east-1', id: 'corp-recorder', provider: 'aws.shop-ap-northeast-1' } as never;
        s['workload-shop'].import!.push({ to: 'aws_ebs_encryption_by_default.Missing', id: 'default' });
      }),
    );
    expect(result.problems).toEqual([
      'workload-shop: import to aws_config_configuration_recorder.Recorder-us-east-1: imports through aws.shop-ap-northeast-1 but the resource uses aws.shop-us-east-1; Terraform refuses an import whose provider is not its target\'s (and it would read another account or Region)',
      'workload-shop: import to aws_ebs_encryption_by_default.Missing: no such resource in the stack; Terraform refuses an import whose target is not configured',
    ]);
  });

  it('leaves ids that are expressions (for_each over a plan-time lookup) to Terraform', () => {
    const result = adoptedSingletons.check(
      context((s) => {
        adopted(s);
        s['workload-shop'].import!.push({ to: 'aws_config_delivery_channel.Channel-ap-northeast-1', id: '${each.value}', for_each: '${toset([])}', provider: 'aws.shop-ap-northeast-1' } as never);
      }),
    );
    expect(result.problems).toEqual([]);
  });
});
