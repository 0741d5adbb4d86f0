import { createRequire } from 'node:module';
import { stableJson } from '../../lib/stable-json';
import { EXAMPLES, exampleConfig } from '../harness/config';
import { synthLandingZone } from '../harness/synth';

/** The writer cdktf 0.21 writes stack files with, from cdktf's own dependencies. */
const cdktfWriter = createRequire(require.resolve('cdktf'))('json-stable-stringify') as (value: unknown, options: { space: number }) => string;
const theirs = (value: unknown) => cdktfWriter(value, { space: 2 });

describe('stableJson: the bytes of cdktf\'s json-stable-stringify', () => {
  it.each(EXAMPLES)('writes every stack of examples/%s.yaml as cdktf\'s writer does', (name) => {
    const { json, manifest } = synthLandingZone(exampleConfig(name));
    for (const [id, stack] of Object.entries(json)) expect([id, stableJson(stack)]).toEqual([id, theirs(stack)]);
    expect(stableJson(manifest)).toBe(theirs(manifest));
  });

  it('orders keys by code unit, and opens and closes empty arrays and objects on two lines at every depth', () => {
    const value = { b: 1, B: 2, a: { z: [], y: {}, x: [[], [{}]] }, é: 'é', _: null, '10': true, '9': false, '': 'empty key' };
    expect(stableJson(value)).toBe(theirs(value));
    expect(stableJson(value)).toContain('"z": [\n    ]');
    expect(stableJson([])).toBe(theirs([]));
    expect(stableJson({})).toBe(theirs({}));
  });

  it('leaves undefined, functions and symbols out of objects and writes them as null in arrays; NaN and Infinity as null', () => {
    const value = { u: undefined, f: () => 1, s: Symbol('s'), list: [undefined, () => 1, Symbol('t'), NaN, Infinity, -0, 1e21, 'x'] };
    expect(stableJson(value)).toBe(theirs(value));
    expect(stableJson(undefined)).toBe(theirs(undefined));
    expect(stableJson('a "quoted" \\ string\n\u2028')).toBe(theirs('a "quoted" \\ string\n\u2028'));
  });

  it('writes what toJSON returns, at any depth', () => {
    const value = { when: new Date(Date.UTC(2026, 11, 7)), custom: { toJSON: () => ({ b: [1], a: undefined }) }, list: [{ toJSON: () => undefined }] };
    expect(stableJson(value)).toBe(theirs(value));
  });

  it('throws on an object that contains itself, and writes the same object twice when it is only shared', () => {
    const shared = { k: 1 };
    expect(stableJson({ a: shared, b: [shared] })).toBe(theirs({ a: shared, b: [shared] }));
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { back: cyclic };
    expect(() => theirs(cyclic)).toThrow(TypeError);
    expect(() => stableJson(cyclic)).toThrow('Converting circular structure to JSON');
  });
});
