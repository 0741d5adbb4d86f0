import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StackJson } from '../synth';
import { terraformAvailable, validateStackDir } from '../terraform';
import { computeSwitches, emulatorOverride, emulatorStackJson, entryMatches, EMULATOR_PROVIDER_SETTINGS, importTargets, producerOf, referencesIn, type SwitchEntry } from './switches';

const gap = (resource: string, more: Partial<SwitchEntry> = {}): SwitchEntry => ({ resource, moto: 'not implemented', failsWith: /x/, aws: 'https://docs.aws.amazon.com/', ...more });

/** A producer stack: a detector (the gap), a feature on it, a topic, outputs of both. */
const producer: StackJson = {
  terraform: { required_providers: { aws: { source: 'aws', version: '5.100.0' } } },
  provider: {
    aws: [
      { region: 'us-east-1' },
      { alias: 'member', region: 'ap-northeast-1', assume_role: [{ role_arn: 'arn:aws:iam::222222222222:role/OrganizationAccountAccessRole' }] },
    ],
  },
  resource: {
    aws_guardduty_detector: { Detector_1: { enable: true } },
    aws_guardduty_detector_feature: { Feature_2: { detector_id: '${aws_guardduty_detector.Detector_1.id}', name: 'S3_DATA_EVENTS', status: 'ENABLED' } },
    aws_sns_topic: {
      Topic_3: { name: 'alerts', tags: { detector: '${aws_guardduty_detector_feature.Feature_2.id}' }, provider: 'aws.member' },
      Plain_4: { name: 'plain' },
    },
    aws_organizations_organization: { Org_5: { feature_set: 'ALL', aws_service_access_principals: ['a.amazonaws.com', 'iam.amazonaws.com'] } },
  },
  output: {
    'detector-id': { value: '${aws_guardduty_detector.Detector_1.id}' },
    'plain-arn': { value: '${aws_sns_topic.Plain_4.arn}' },
  },
};

/** A consumer stack reading both outputs through remote state. */
const consumer: StackJson = {
  provider: { aws: [{ region: 'us-east-1' }] },
  data: { terraform_remote_state: { 'cross-stack-reference-input-producer': { backend: 'local', config: { path: '../../../terraform-state/producer.tfstate' } } } },
  resource: {
    aws_sns_topic: {
      UsesDetector_1: { name: 'a', tags: { d: '${data.terraform_remote_state.cross-stack-reference-input-producer.outputs.detector-id}' } },
      UsesPlain_2: { name: 'b', tags: { p: '${data.terraform_remote_state.cross-stack-reference-input-producer.outputs.plain-arn}' } },
    },
  },
};

describe('emulator gap matching', () => {
  it('matches an entry by type, name pattern and argument values', () => {
    expect(entryMatches(gap('aws_sns_topic'), 'aws_sns_topic.Topic_3', {})).toBe(true);
    expect(entryMatches(gap('aws_sns_topic'), 'aws_sns_topic_policy.Topic_3', {})).toBe(false);
    expect(entryMatches(gap('aws_sns_topic', { name: /^Plain/ }), 'aws_sns_topic.Topic_3', {})).toBe(false);
    expect(entryMatches(gap('aws_organizations_policy', { where: { type: 'DECLARATIVE_POLICY_EC2' } }), 'aws_organizations_policy.P_1', { type: 'SERVICE_CONTROL_POLICY' })).toBe(false);
    expect(entryMatches(gap('aws_organizations_policy', { where: { type: 'DECLARATIVE_POLICY_EC2' } }), 'aws_organizations_policy.P_1', { type: 'DECLARATIVE_POLICY_EC2' })).toBe(true);
    expect(entryMatches(gap('data.aws_guardduty_detector'), 'data.aws_guardduty_detector.D_1', {})).toBe(true);
  });

  it('matches an entry for imported resources only where an import block of the stack adopts the resource', () => {
    const adopted = importTargets({ import: [{ to: 'aws_sns_topic.Topic_3', id: 'arn' }, { to: 'aws_sns_topic.Keyed_9["a"]', id: 'arn2' }] });
    expect(entryMatches(gap('aws_sns_topic', { imported: true }), 'aws_sns_topic.Topic_3', {}, adopted)).toBe(true);
    expect(entryMatches(gap('aws_sns_topic', { imported: true }), 'aws_sns_topic.Keyed_9', {}, adopted)).toBe(true);
    expect(entryMatches(gap('aws_sns_topic', { imported: true }), 'aws_sns_topic.Plain_4', {}, adopted)).toBe(false);
    expect(entryMatches(gap('aws_sns_topic', { imported: true }), 'aws_sns_topic.Topic_3', {})).toBe(false);
  });

  it('finds references only inside expressions and only to known items', () => {
    const known = new Set(['aws_sns_topic.Plain_4', 'data.aws_region.R']);
    expect(referencesIn({ a: '${aws_sns_topic.Plain_4.arn}', b: 'aws_sns_topic.Plain_4 (literal)', c: ['${data.aws_region.R.name}'] }, known).sort()).toEqual(['aws_sns_topic.Plain_4', 'data.aws_region.R']);
    expect(referencesIn('${aws_sns_topic.Plain_44.arn}', known)).toEqual([]);
  });

  it('names the producing stack of a remote-state read from its local path or S3 key', () => {
    expect(producerOf({ backend: 'local', config: { path: '../../../terraform-state/management.tfstate' } })).toBe('management');
    expect(producerOf({ backend: 's3', config: { bucket: 'b', key: 'landing-zone/log-archive.tfstate' } })).toBe('log-archive');
  });
});

describe('emulator dependents', () => {
  const switches = computeSwitches({ producer, consumer }, ['producer', 'consumer'], [gap('aws_guardduty_detector')]);

  it('switches off the gap and, transitively, what references it', () => {
    const off = switches.get('producer')!.off;
    expect([...off.keys()].sort()).toEqual(['aws_guardduty_detector.Detector_1', 'aws_guardduty_detector_feature.Feature_2', 'aws_sns_topic.Topic_3']);
    expect(off.get('aws_guardduty_detector_feature.Feature_2')).toEqual({ dependsOn: ['aws_guardduty_detector.Detector_1'] });
    expect(off.get('aws_sns_topic.Topic_3')).toEqual({ dependsOn: ['aws_guardduty_detector_feature.Feature_2'] });
  });

  it('nulls the outputs that reference a switched-off item, and switches off their readers in later stacks', () => {
    expect([...switches.get('producer')!.nulledOutputs]).toEqual(['detector-id']);
    expect([...switches.get('consumer')!.off.keys()]).toEqual(['aws_sns_topic.UsesDetector_1']);
  });

  it('fails when a provider needs a switched-off item', () => {
    const bad: StackJson = { ...producer, provider: { aws: [{ region: 'us-east-1', assume_role: [{ role_arn: '${aws_guardduty_detector.Detector_1.arn}' }] }] } };
    expect(() => computeSwitches({ bad }, ['bad'], [gap('aws_guardduty_detector')])).toThrow('provider aws references switched-off aws_guardduty_detector.Detector_1');
  });
});

describe('emulator override', () => {
  const entries = [
    gap('aws_guardduty_detector'),
    gap('aws_organizations_organization', { withhold: { attribute: 'aws_service_access_principals', values: ['iam.amazonaws.com'] } }),
    gap('aws_sns_topic', { name: /^Plain/, set: { fifo_topic: false } }),
  ];
  const switches = computeSwitches({ producer }, ['producer'], entries).get('producer')!;
  const override = emulatorOverride(producer, switches) as Record<string, any>;

  it('gives every aws provider block, default and aliases, the emulator settings and leaves region and assume_role alone', () => {
    expect(override.provider.aws).toEqual([{ ...EMULATOR_PROVIDER_SETTINGS }, { alias: 'member', ...EMULATOR_PROVIDER_SETTINGS }]);
    expect(EMULATOR_PROVIDER_SETTINGS).toMatchObject({ max_retries: 2, s3_use_path_style: true });
  });

  it('sets count 0 on switched-off items and indexes their references to other switched-off items', () => {
    expect(override.resource.aws_guardduty_detector.Detector_1).toEqual({ count: 0 });
    expect(override.resource.aws_guardduty_detector_feature.Feature_2).toEqual({ count: 0, detector_id: '${aws_guardduty_detector.Detector_1[0].id}' });
    expect(override.resource.aws_sns_topic.Topic_3).toEqual({ count: 0, tags: { detector: '${aws_guardduty_detector_feature.Feature_2[0].id}' } });
    expect(override.output).toEqual({ 'detector-id': { value: null } });
  });

  it('leaves withheld values out of their list and sets the arguments an entry sets, keeping the resource', () => {
    expect(override.resource.aws_organizations_organization.Org_5).toEqual({ aws_service_access_principals: ['a.amazonaws.com'] });
    expect(override.resource.aws_sns_topic.Plain_4).toEqual({ fifo_topic: false });
    expect(switches.off.has('aws_sns_topic.Plain_4')).toBe(false);
  });

  (terraformAvailable() ? it : it.skip)('is accepted by terraform validate beside the stack (count in an override file, indexed references)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-override-'));
    try {
      writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(producer));
      writeFileSync(join(dir, 'zz_emulator_override.tf.json'), JSON.stringify(override));
      const result = await validateStackDir(dir, 'producer');
      expect(result.diagnostics).toEqual([]);
      // Without the indexes Terraform refuses the override: the test above is what makes it valid.
      const unindexed = structuredClone(override);
      delete unindexed.resource.aws_guardduty_detector_feature.Feature_2.detector_id;
      writeFileSync(join(dir, 'zz_emulator_override.tf.json'), JSON.stringify(unindexed));
      const refused = await validateStackDir(dir, 'producer');
      expect(refused.diagnostics.join('\n')).toContain('Missing resource instance key');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('import blocks of switched-off resources', () => {
  // An adopted detector (import block) that is a gap, a topic adopted by a for_each import that reads a
  // switched-off feature, and an adopted plain topic that stays.
  const adopting: StackJson = {
    ...producer,
    import: [
      { to: 'aws_guardduty_detector.Detector_1', id: 'd-existing' },
      { to: 'aws_sns_topic.Plain_4', id: 'arn:aws:sns:us-east-1:111111111111:plain' },
      { to: 'aws_sns_topic.Topic_3', id: '${each.value}', for_each: '${toset([aws_guardduty_detector_feature.Feature_2.id])}' } as any,
    ],
  };
  const switches = computeSwitches({ adopting }, ['adopting'], [gap('aws_guardduty_detector')]).get('adopting')!;

  it('leaves out the imports into switched-off resources and names them; the others stay', () => {
    const { json, dropped } = emulatorStackJson(adopting, switches);
    expect(dropped).toEqual(['aws_guardduty_detector.Detector_1 (id d-existing)', 'aws_sns_topic.Topic_3 (id ${each.value})']);
    expect(json.import).toEqual([{ to: 'aws_sns_topic.Plain_4', id: 'arn:aws:sns:us-east-1:111111111111:plain' }]);
    expect(json.resource).toBe(adopting.resource);
  });

  it('returns the stack unchanged when nothing adopted is switched off', () => {
    const none = computeSwitches({ adopting }, ['adopting'], []).get('adopting')!;
    expect(emulatorStackJson(adopting, none)).toEqual({ json: adopting, dropped: [] });
  });

  (terraformAvailable() ? it : it.skip)('is what terraform validate needs: an import into a resource with count is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-imports-'));
    try {
      const override = emulatorOverride(adopting, switches);
      writeFileSync(join(dir, 'zz_emulator_override.tf.json'), JSON.stringify(override));
      writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(emulatorStackJson(adopting, switches).json));
      expect((await validateStackDir(dir, 'adopting')).diagnostics).toEqual([]);
      writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(adopting));
      expect((await validateStackDir(dir, 'adopting')).diagnostics.join('\n')).toContain('The target resource is using count');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
