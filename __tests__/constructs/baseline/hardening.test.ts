import { AlternateContacts, ImdsDefaults, PasswordPolicy } from '../../../constructs/baseline';
import { onlyResource, resourcesOf } from '../../harness/synth';
import { synthWith } from './helpers';

describe('PasswordPolicy', () => {
  it('leaves out expiry and reuse prevention set to 0 (IAM reads them back as unset)', () => {
    const json = synthWith((scope, provider) => new PasswordPolicy(scope, 'Passwords', { provider, maxAgeDays: 0, reusePrevention: 0 }));
    const policy = onlyResource(json, 'aws_iam_account_password_policy');
    expect(policy.max_password_age).toBeUndefined();
    expect(policy.password_reuse_prevention).toBeUndefined();
    expect(policy.minimum_password_length).toBe(14);
    expect(policy.hard_expiry).toBe(false);
  });

  it('fails values IAM rejects, all at once', () => {
    expect(() => synthWith((scope, provider) => new PasswordPolicy(scope, 'Passwords', { provider, minimumLength: 4, reusePrevention: 30 }))).toThrow(
      'PasswordPolicy stack/Passwords: minimumLength 4 must be 6 to 128; reusePrevention 30 must be 0 to 24',
    );
  });
});

describe('ImdsDefaults', () => {
  it('requires IMDSv2 with hop limit 2 by default, and fails a hop limit out of range', () => {
    const json = synthWith((scope, provider) => new ImdsDefaults(scope, 'Imds', { provider }));
    expect(onlyResource(json, 'aws_ec2_instance_metadata_defaults')).toEqual(expect.objectContaining({ http_tokens: 'required', http_put_response_hop_limit: 2 }));
    expect(() => synthWith((scope, provider) => new ImdsDefaults(scope, 'Imds', { provider, hopLimit: 65 }))).toThrow('ImdsDefaults stack/Imds: hopLimit 65 must be 1 to 64');
  });
});

describe('AlternateContacts', () => {
  it('manages only the contact types given, with construct ids from the type', () => {
    const json = synthWith(
      (scope, provider) =>
        new AlternateContacts(scope, 'Contacts', { provider, contacts: { operations: { name: 'Ops', title: 'On call', email: 'ops@a.example', phone: '+1 555 0100' } } }),
    );
    const contacts = resourcesOf(json, 'aws_account_alternate_contact');
    expect(Object.keys(contacts)).toEqual([expect.stringMatching(/^Contacts_operations_[0-9A-F]{8}$/)]);
    expect(Object.values(contacts)[0]).toEqual(
      expect.objectContaining({ alternate_contact_type: 'OPERATIONS', name: 'Ops', title: 'On call', email_address: 'ops@a.example', phone_number: '+1 555 0100' }),
    );
  });
});
