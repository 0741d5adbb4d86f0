import { parse } from 'yaml';
import { BASELINE_SETTINGS, effectiveBaseline, explainBaseline, formatExplainedBaseline } from '../../config/effective-baseline';
import { configFrom, exampleConfig, MINIMAL_YAML, problemsOf } from '../harness/config';

const source = (rows: ReturnType<typeof explainBaseline>, setting: string) => rows.find((r) => r.setting === setting);

describe('explainBaseline (examples/enterprise.yaml)', () => {
  const config = exampleConfig('enterprise');

  it('names the OU override a value came from, and derives the alarm threshold from the budget', () => {
    const rows = explainBaseline(config, 'sandbox-alice');
    expect(source(rows, 'budget.monthlyUsd')).toEqual({
      setting: 'budget.monthlyUsd',
      value: 50,
      source: 'baseline.ouOverrides.Sandbox.budget.monthlyUsd',
      sourcePath: ['baseline', 'ouOverrides', 'Sandbox', 'budget', 'monthlyUsd'],
    });
    expect(source(rows, 'billingAlarm.thresholdUsd')).toEqual(
      expect.objectContaining({ value: 50, source: 'budget.monthlyUsd → baseline.ouOverrides.Sandbox.budget.monthlyUsd' }),
    );
    expect(source(rows, 'billingAlarm.email')).toEqual(
      expect.objectContaining({ value: 'aws+sandbox-alice@globex.example', source: 'the account e-mail → accounts[6].email' }),
    );
    expect(source(rows, 'config.snapshotFrequency')).toEqual(expect.objectContaining({ value: 'Twelve_Hours', source: 'baseline.config.snapshotFrequency' }));
    expect(source(rows, 'passwordPolicy.minimumLength')).toEqual(
      expect.objectContaining({ value: 14, source: 'built-in default (baseline.passwordPolicy.minimumLength)' }),
    );
    expect(source(rows, 'passwordPolicy.minimumLength')?.sourcePath).toBeUndefined();
  });

  it('lets the nearest OU win, a child OU inherit its parent, and the account beat both', () => {
    const rows = explainBaseline(config, 'payments-prod'); // Workloads/Prod/Regulated
    expect(source(rows, 'config.snapshotFrequency')?.source).toBe('baseline.ouOverrides["Workloads/Prod/Regulated"].config.snapshotFrequency');
    expect(source(rows, 'passwordPolicy.minimumLength')).toEqual(
      expect.objectContaining({ value: 16, source: 'baseline.ouOverrides["Workloads/Prod"].passwordPolicy.minimumLength' }),
    );
    expect(source(rows, 'budget.monthlyUsd')).toEqual(expect.objectContaining({ value: 20000, source: 'accounts[3].budget.monthlyUsd' }));
    expect(source(rows, 'billingAlarm.email')).toEqual(
      expect.objectContaining({ value: 'payments-oncall@globex.example', source: 'accounts[3].baseline.billingAlarm.email' }),
    );
    expect(source(rows, 'budget.emails')).toEqual(
      expect.objectContaining({ value: ['payments-oncall@globex.example'], source: 'billingAlarm.email → accounts[3].baseline.billingAlarm.email' }),
    );
  });

  it('has one row per setting of the schema plus the resolved analyzer, and prints as a table', () => {
    const rows = explainBaseline(config, 'network');
    const settings = rows.map((r) => r.setting);
    for (const s of BASELINE_SETTINGS.map((p) => p.join('.')).filter((s) => !s.startsWith('alternateContacts.billing'))) {
      expect(settings).toContain(s);
    }
    expect(settings).toContain('accountAccessAnalyzer');
    expect(settings).not.toContain('alternateContacts.billing'); // not configured anywhere
    const table = formatExplainedBaseline(rows);
    expect(table).toMatch(/^budget\.monthlyUsd +100 +← built-in default \(baseline\.budget\.monthlyUsd\)$/m);
    expect(table).toMatch(/^alternateContacts\.security +\{"name":"Globex CSIRT".*← baseline\.alternateContacts\.security$/m);
  });

  it('covers every leaf of the override schema', () => {
    expect(BASELINE_SETTINGS.map((s) => s.join('.'))).toEqual(
      expect.arrayContaining(['budget.monthlyUsd', 'billingAlarm.thresholdUsd', 'config.snapshotFrequency', 'passwordPolicy.hardExpiry', 'instanceMetadata.hopLimit', 'ebsEncryptionByDefault', 's3BlockPublicAccess', 'accessAnalyzer', 'alternateContacts.billing']),
    );
  });

  it('throws for an account that is not in the config', () => {
    expect(() => explainBaseline(config, 'nobody')).toThrow(/no account named "nobody" in the config; have log-archive, security, network/);
  });
});

describe('effective baseline resolution', () => {
  it('replaces an alternate contact type by type: the account keeps the other types from the top level', () => {
    const input = parse(MINIMAL_YAML);
    const contact = (name: string) => ({ name, title: 'Team', email: `${name}@acme.example`, phone: '+1 555 0100' });
    input.baseline = { alternateContacts: { security: contact('sec'), billing: contact('bill') }, ouOverrides: { Workloads: { alternateContacts: { billing: contact('wl-bill') } } } };
    input.accounts[2].alternateContacts = { security: contact('shop-sec') };
    const config = configFrom(input);
    const values = effectiveBaseline(config, 'shop-prod');
    expect(values.alternateContacts.security?.name).toBe('shop-sec');
    expect(values.alternateContacts.billing?.name).toBe('wl-bill');
    expect(values.alternateContacts.operations).toBeUndefined();
    expect(source(explainBaseline(config, 'shop-prod'), 'alternateContacts.security')?.source).toBe('accounts[2].alternateContacts.security');
    expect(effectiveBaseline(config, 'shop-dev').alternateContacts.security?.name).toBe('sec');
  });

  it('gives suspended accounts the overrides of the Suspended OU they sit in', () => {
    const input = parse(MINIMAL_YAML);
    input.organizationalUnits.push('Suspended');
    input.accounts[3].state = 'suspended';
    input.baseline = { ouOverrides: { Suspended: { budget: { monthlyUsd: 1 } } } };
    expect(effectiveBaseline(configFrom(input), 'shop-dev').budget.monthlyUsd).toBe(1);
  });

  it('resolves an account override of the analyzer mode', () => {
    const input = parse(MINIMAL_YAML);
    input.accounts[2].baseline = { accessAnalyzer: 'always' };
    const config = configFrom(input);
    expect(effectiveBaseline(config, 'shop-prod').accountAccessAnalyzer).toBe(true);
    expect(effectiveBaseline(config, 'shop-dev').accountAccessAnalyzer).toBe(false);
  });
});

describe('baseline config problems', () => {
  it('fails a negative budget at every level', () => {
    const text = `${MINIMAL_YAML}baseline:\n  budget: { monthlyUsd: -1 }\n  ouOverrides:\n    Workloads/Dev: { budget: { monthlyUsd: -20 } }\n`;
    const message = problemsOf(text);
    expect(message).toContain('baseline.budget.monthlyUsd (line 14): -1 must be more than 0 USD; a budget or alarm at 0 would always fire');
    expect(message).toContain('baseline.ouOverrides.Workloads/Dev.budget.monthlyUsd (line 16): -20 must be more than 0 USD');
  });

  it('fails a negative account budget', () => {
    const input = parse(MINIMAL_YAML);
    input.accounts[2].budget = { monthlyUsd: -100 };
    expect(problemsOf(JSON.stringify(input))).toContain('accounts[2].budget.monthlyUsd');
    expect(problemsOf(JSON.stringify(input))).toContain('-100 must be more than 0 USD');
  });

  it('fails an e-mail that is not one', () => {
    const text = `${MINIMAL_YAML}baseline:\n  billingAlarm: { email: billing.acme.example }\n  budget: { emails: [ok@acme.example, "not an email"] }\n`;
    const message = problemsOf(text);
    expect(message).toContain('baseline.billingAlarm.email (line 14): "billing.acme.example" is not an e-mail address; write it as name@example.com');
    expect(message).toContain('baseline.budget.emails[1] (line 15): "not an email" is not an e-mail address');
  });

  it('fails an override for an OU that does not exist, with a suggestion', () => {
    const text = `${MINIMAL_YAML}baseline:\n  ouOverrides:\n    Workloads/Prd: { budget: { monthlyUsd: 10 } }\n    Marketing: { budget: { monthlyUsd: 10 } }\n`;
    const message = problemsOf(text);
    expect(message).toContain('has 2 problems');
    expect(message).toContain('baseline.ouOverrides.Workloads/Prd (line 15): OU "Workloads/Prd" does not exist; did you mean "Workloads/Prod"?');
    expect(message).toContain('OU "Marketing" does not exist; add it to organizationalUnits or remove the override');
  });

  it('fails an account that sets its budget or a contact twice', () => {
    const input = parse(MINIMAL_YAML);
    const contact = { name: 'a', title: 'b', email: 'c@acme.example', phone: '+1 555 0100' };
    input.accounts[2].budget = { monthlyUsd: 100 };
    input.accounts[2].alternateContacts = { security: contact };
    input.accounts[2].baseline = { budget: { monthlyUsd: 200 }, alternateContacts: { security: contact } };
    const message = problemsOf(JSON.stringify(input));
    expect(message).toContain('accounts[2].baseline.budget.monthlyUsd');
    expect(message).toContain('200 repeats accounts[2].budget.monthlyUsd (100); set the monthly budget in one place');
    expect(message).toContain('repeats accounts[2].alternateContacts.security; set the security contact in one place');
  });

  it('fails unknown settings in an override, with a suggestion', () => {
    const text = `${MINIMAL_YAML}baseline:\n  ouOverrides:\n    Workloads: { budgt: { monthlyUsd: 10 } }\n`;
    expect(problemsOf(text)).toContain('baseline.ouOverrides.Workloads.budgt (line 15): is not a known setting; did you mean "budget"?');
  });
});
