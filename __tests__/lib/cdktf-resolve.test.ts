import { DefaultTokenResolver, Lazy, StringConcat, Tokenization } from 'cdktf';
import { App, TerraformStack, Token, useFastResolve } from '../../lib/cdktf';

/** Resolves `value` in a stack with cdktf's own resolve() and with lib/cdktf-resolve.ts: [own, fast]. */
function bothWays(value: () => unknown): [unknown, unknown] {
  const results = [false, true].map((fast) => {
    useFastResolve(fast);
    try {
      const stack = new TerraformStack(new App(), 'stack');
      return outcome(() => Tokenization.resolve(value(), { scope: stack, resolver: new DefaultTokenResolver(new StringConcat()) }));
    } finally {
      useFastResolve(true);
    }
  });
  return [results[0], results[1]];
}

function outcome(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function nested(depth: number, leaf: unknown): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = { k: value };
  return value;
}

describe('lib/cdktf-resolve.ts: what cdktf\'s own resolve() gives', () => {
  it.each<[string, () => unknown]>([
    ['plain strings, booleans, numbers, null and undefined in objects and arrays', () => ({ a: 'x', b: true, c: false, d: 1.5, e: null, f: undefined, g: ['y', false, undefined, null, 2] })],
    ['strings the number-token pattern matches without being tokens', () => ({ sci: '1e5', dashes: 'a-e-b', pipes: '|e|', version: '1.2e3.4' })],
    ['a policy variable and braces that are no token', () => ({ policy: '{"Resource":"arn:aws:s3:::b/${aws:username}/*"}', braces: '}{', dollar: '$${x}' })],
    ['string, number and list tokens, in values and in keys', () => {
      const name = Token.asString(Lazy.stringValue({ produce: () => 'made-late' }));
      const count = Token.asNumber(Lazy.numberValue({ produce: () => 3 }));
      const list = Token.asList(Lazy.listValue({ produce: () => ['a', 'b'] }));
      return { name, [name]: 'keyed', count, list, inList: [name, 'plain'] };
    }],
    ['a date and an empty array and object', () => ({ when: new Date(Date.UTC(2026, 11, 7)), none: [], empty: {} })],
    ['a string 200 levels down (the deepest the guard allows) and 201 (refused)', () => ({ ok: nested(199, 'leaf'), refused: nested(201, 'leaf') })],
    ['a boolean 201 levels down (refused)', () => nested(201, true)],
    ['a list token in a scalar string', () => ({ bad: `x${Token.asList(Lazy.listValue({ produce: () => ['a'] }))[0]}` })],
    ['a map placeholder as a string', () => ({ bad: 'String Map Token Value' })],
    ['a function', () => ({ bad: () => 1 })],
  ])('%s', (_name, value) => {
    const [own, fast] = bothWays(value);
    expect(fast).toEqual(own);
  });

  it('refuses too deep a value and what cannot be resolved, as cdktf does', () => {
    expect(bothWays(() => nested(201, true))[1]).toEqual({ error: expect.stringContaining('circular reference') });
    expect(bothWays(() => ({ bad: 'String Map Token Value' }))[1]).toEqual({ error: expect.stringContaining('encoded map token') });
  });
});
