import { emulatorPlan } from './run-example';

// When the emulator tests run, skip or fail (no moto needed: PATH is emptied to simulate a machine without it).
describe('emulator test plan', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });
  const withEnv = (env: Record<string, string | undefined>) => {
    process.env = { ...saved, CI: undefined, LZ_EMULATOR: undefined, ...env };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  };

  it('skips every example with LZ_EMULATOR=off, even in CI', () => {
    withEnv({ LZ_EMULATOR: 'off', CI: 'true' });
    expect(emulatorPlan('minimal')).toEqual({ run: false, note: 'emulator test of minimal skipped: LZ_EMULATOR=off' });
    expect(emulatorPlan('enterprise').run).toBe(false);
  });

  it('leaves the enterprise example out of a local run unless LZ_EMULATOR=all', () => {
    withEnv({ PATH: '' });
    expect(emulatorPlan('enterprise').note).toContain('LZ_EMULATOR=all');
  });

  it('leaves the minimal example out of a local run too (npm test stays a few minutes), saying how to run it', () => {
    withEnv({ PATH: '' });
    expect(emulatorPlan('minimal')).toEqual({
      run: false,
      note: 'emulator test of minimal skipped: it takes minutes; run it with LZ_EMULATOR=minimal or LZ_EMULATOR=all (CI=true always runs it)',
    });
    withEnv({ PATH: '', LZ_EMULATOR: 'minimal' });
    expect(emulatorPlan('minimal').note).toContain('moto_server is not on the PATH');
  });

  it('skips with a note naming the install command where moto_server is missing', () => {
    withEnv({ PATH: '', LZ_EMULATOR: 'all' });
    expect(emulatorPlan('minimal')).toEqual({ run: false, note: 'emulator test of minimal skipped: moto_server is not on the PATH (pip install "moto[server]==5.2.1")' });
  });

  it('fails in CI where moto_server is missing, for both examples', () => {
    withEnv({ PATH: '', CI: 'true' });
    expect(() => emulatorPlan('minimal')).toThrow('moto_server is not on the PATH, and CI=true: install it with pip install "moto[server]==5.2.1"');
    expect(() => emulatorPlan('enterprise')).toThrow('moto_server is not on the PATH');
  });

  it('runs the brownfield scenario with LZ_EMULATOR=brownfield or all, and only it with brownfield', () => {
    withEnv({ PATH: '', LZ_EMULATOR: 'brownfield' });
    expect(emulatorPlan('brownfield').note).toContain('moto_server is not on the PATH');
    expect(emulatorPlan('minimal')).toEqual({ run: false, note: 'emulator test of minimal skipped: LZ_EMULATOR=brownfield runs brownfield only' });
    expect(emulatorPlan('enterprise').run).toBe(false);
    withEnv({ PATH: '', LZ_EMULATOR: 'all' });
    expect(emulatorPlan('brownfield').note).toContain('moto_server is not on the PATH');
  });

  it('leaves the brownfield scenario out of a local run by default, saying how to run it', () => {
    withEnv({ PATH: '' });
    expect(emulatorPlan('brownfield')).toEqual({
      run: false,
      note: 'emulator test of brownfield skipped: it takes minutes; run it with LZ_EMULATOR=brownfield or LZ_EMULATOR=all (CI=true always runs it)',
    });
  });

  it('runs the brownfield scenario in CI (and fails there without moto)', () => {
    withEnv({ PATH: '', CI: 'true' });
    expect(() => emulatorPlan('brownfield')).toThrow('moto_server is not on the PATH, and CI=true');
  });

  it('runs the new-organization scenario with LZ_EMULATOR=new-organization, all or in CI, and leaves it out of a local run by default', () => {
    withEnv({ PATH: '', LZ_EMULATOR: 'new-organization' });
    expect(emulatorPlan('new-organization').note).toContain('moto_server is not on the PATH');
    expect(emulatorPlan('minimal')).toEqual({ run: false, note: 'emulator test of minimal skipped: LZ_EMULATOR=new-organization runs new-organization only' });
    withEnv({ PATH: '' });
    expect(emulatorPlan('new-organization').note).toContain('run it with LZ_EMULATOR=new-organization or LZ_EMULATOR=all');
    withEnv({ PATH: '', CI: 'true' });
    expect(() => emulatorPlan('new-organization')).toThrow('moto_server is not on the PATH, and CI=true');
  });

  it('refuses an LZ_EMULATOR value it does not know, naming the values', () => {
    withEnv({ LZ_EMULATOR: 'brownfeld' });
    expect(() => emulatorPlan('minimal')).toThrow('LZ_EMULATOR=brownfeld is not a value the emulator tests know: off, all, minimal, enterprise, brownfield, new-organization');
  });
});
