import { parse } from 'yaml';
import { parseConfig } from '../../../config/load';
import { exampleText } from '../config';
import { adoptionsOf, emulatorConfigText, MOTO_ACCOUNT_ID } from './config';

// The test-side config edits for the emulator, without moto: what is seeded, and where moto's ids go.
describe('emulator config edits', () => {
  const enterprise = parse(exampleText('enterprise'));

  it('seeds what the enterprise example adopts: the organization, its adopted accounts and existing groups', () => {
    const adoptions = adoptionsOf(enterprise);
    expect(adoptions.organization).toBe(true);
    expect(adoptions.accounts.map((a) => a.name)).toEqual(['log-archive', 'security', 'payments-prod', 'legacy-batch']);
    expect(adoptions.groups).toEqual(['Payments Developers']);
  });

  it('seeds nothing for the minimal example', () => {
    expect(adoptionsOf(parse(exampleText('minimal')))).toEqual({ organization: false, accounts: [], ous: {}, groups: [] });
  });

  it('fails when accounts are adopted without the organization (the emulator needs one to put them in)', () => {
    expect(() => adoptionsOf({ organization: {}, accounts: [{ name: 'a', email: 'a@x.example', id: '222222222222' }] })).toThrow('without organization.id');
  });

  it("writes moto's ids everywhere the example used its own, with local state and moto's account as management account", () => {
    const seeded = {
      organizationId: 'o-zzzzzzzzzz',
      accounts: { 'log-archive': '300000000001', security: '300000000002', 'payments-prod': '300000000003', 'legacy-batch': '300000000004' },
      ous: {},
    };
    const text = emulatorConfigText(enterprise, seeded);
    for (const old of ['210987654321', '210987654322', '210987654323', '210987654324', 'o-a1b2c3d4e5']) expect(text).not.toContain(old);
    const config = parseConfig(text, 'examples/enterprise.yaml');
    expect(config.organization.managementAccountId).toBe(MOTO_ACCOUNT_ID);
    expect(config.organization.id).toBe('o-zzzzzzzzzz');
    expect(config.accounts.find((a) => a.name === 'security')?.id).toBe('300000000002');
    // The StackSet parameter named the security account by id: it follows.
    expect(config.stackSets[0].parameters).toEqual({ AuditorAccountId: '300000000002' });
    expect(config.state).toMatchObject({ backend: 'local', localDirectory: 'terraform-state' });
  });

  it('fails when moto gave no id for an adopted account', () => {
    expect(() => emulatorConfigText(enterprise, { organizationId: 'o-zzzzzzzzzz', accounts: {}, ous: {} })).toThrow('moto gave no id for adopted 210987654321');
  });
});
