/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * cdktf 0.21.0's `resolve()` (cdktf/lib/tokens/private/resolve.js), statement for statement, with one addition:
 * a plain string (no token marker, no encoded number, not a map token's placeholder) and a boolean are returned
 * as they are, without the resolution context, token regular expressions and key-path copy the original makes for
 * every value and every object key. Those were most of resolve's time, and resolve is the largest part of a synth
 * (docs/performance.md). What the original does with such a value is return it unchanged:
 * - a string goes through the list-token check (`#{TfToken[`), the map placeholders, the string-token split
 *   (`${TfToken[`: escapes are only looked at in a string that has a token) and the number-token split (a
 *   fragment that is no registered number token stays as written), and comes back equal;
 * - a boolean is returned as is, after a context is made for it.
 * The depth guard (200 levels) is kept for the fast path too. Installed by lib/cdktf.ts (`useFastResolve`) as the
 * module's `resolve`, which every cdktf caller reaches through the module (`Tokenization.resolve`); cdktf's own
 * `findTokens` keeps the original. The byte-identity tests (__tests__/synth/byte-identity.test.ts) compare the
 * synth's files with those cdktf's own App.synth() writes with the original.
 */
import resolvable = require('cdktf/lib/tokens/resolvable');
import encoding = require('cdktf/lib/tokens/private/encoding');
import tokenMapModule = require('cdktf/lib/tokens/private/token-map');
import tokenModule = require('cdktf/lib/tokens/token');
import errors = require('cdktf/lib/errors');

const { TokenString } = encoding as any;
const tokenMap = (tokenMapModule as any).TokenMap.instance();
const Token = (tokenModule as any).Token;
const E = errors as any;

/** The original's number-token pattern (encoding.js NUMBER_TOKEN_REGEX), without the global flag. */
const NUMBER_TOKEN = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/;
const MAX_DEPTH = 200;

/** A string the original returns unchanged: no token marker of any kind, no encoded number, no map placeholder. */
function plainString(s: string): boolean {
  return !s.includes('{TfToken[') && !NUMBER_TOKEN.test(s) && s !== Token.STRING_MAP_TOKEN_VALUE && s !== Token.ANY_MAP_TOKEN_VALUE;
}

/** A value the original returns unchanged at a depth it accepts. */
function asIs(value: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  return typeof value === 'boolean' || (typeof value === 'string' && plainString(value));
}

export function resolve(obj: any, options: any): any {
  const prefix: string[] = options.prefix || [];
  if (asIs(obj, prefix.length)) return obj;
  const pathName = '/' + prefix.join('/');
  function makeContext(appendPath?: string): [any, any] {
    const newPrefix = appendPath !== undefined ? prefix.concat([appendPath]) : options.prefix;
    let postProcessor: any;
    const context: any = {
      preparing: options.preparing,
      scope: options.scope,
      suppressBraces: options.previousContext?.suppressBraces,
      ignoreEscapes: options.previousContext?.ignoreEscapes,
      warnEscapes: options.previousContext?.warnEscapes,
      iteratorContext: options.previousContext?.iteratorContext,
      registerPostProcessor(pp: any) {
        postProcessor = pp;
      },
      resolve(x: any) {
        return resolve(x, { ...options, prefix: newPrefix, previousContext: context });
      },
    };
    return [context, { postProcess: (x: any) => (postProcessor ? postProcessor.postProcess(x, context) : x) }];
  }
  if (prefix.length > MAX_DEPTH) throw E.unableToResolveCircularReference(pathName);
  if (typeof obj === 'undefined') return undefined;
  if (obj === null) return null;
  if (typeof obj === 'function') throw E.cannotResolveFunction(pathName, obj);
  if (typeof obj === 'string') {
    if (TokenString.forListToken(obj).test()) throw E.encodedListTokenInScalarStringContext();
    if (obj === Token.STRING_MAP_TOKEN_VALUE || obj === Token.ANY_MAP_TOKEN_VALUE) throw E.encodedMapTokenInScalarStringContext();
    let str = obj;
    const context = makeContext()[0];
    const tokenStr = TokenString.forString(str, !context.ignoreEscapes, context.warnEscapes);
    if (tokenStr.test()) {
      const fragments = tokenStr.split(tokenMap.lookupToken.bind(tokenMap));
      str = options.resolver.resolveString(fragments, makeContext()[0]);
    }
    const tokenNumberStr = TokenString.forNumbers(str);
    if (tokenNumberStr.test()) {
      const fragments = tokenNumberStr.split((id: string) => tokenMap.lookupNumberToken(parseFloat(id)));
      str = fragments.mapTokens(makeContext()[0]).join(new resolvable.StringConcat());
    }
    return str;
  }
  if (typeof obj === 'number') {
    if (obj === Token.NUMBER_MAP_TOKEN_VALUE) throw E.encodedMapTokenInScalarNumberContext();
    const token = tokenMap.lookupNumberToken(obj);
    return token === undefined ? obj : makeContext()[0].resolve(token);
  }
  if (typeof obj !== 'object' || obj instanceof Date) return obj;
  if (Array.isArray(obj)) {
    if (encoding.containsStringListTokenElement(obj)) return options.resolver.resolveList(obj, makeContext()[0]);
    if (encoding.containsNumberListTokenElement(obj)) return options.resolver.resolveNumberList(obj, makeContext()[0]);
    const items: any[] = [];
    for (let i = 0; i < obj.length; i++) {
      const x = obj[i];
      const value = asIs(x, prefix.length + 1) ? x : makeContext(`${i}`)[0].resolve(x);
      if (typeof value !== 'undefined') items.push(value);
    }
    return items;
  }
  if (encoding.containsMapToken(obj)) return options.resolver.resolveMap(obj, makeContext()[0]);
  if (encoding.unresolved(obj)) {
    const [context, postProcessor] = makeContext();
    return options.resolver.resolveToken(obj, context, postProcessor);
  }
  if (obj._children !== undefined && obj._metadata !== undefined) throw E.constructsCannotBeResolved(pathName);
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(obj)) {
    // The original resolves a key with the path it was given (options.prefix, this level's prefix), not a longer one.
    const resolvedKey = asIs(key, prefix.length) ? key : makeContext()[0].resolve(key);
    if (typeof resolvedKey !== 'string') throw E.mapKeyMustResolveToString(pathName, key, resolvedKey);
    const x = obj[key];
    const value = asIs(x, prefix.length + 1) ? x : makeContext(key)[0].resolve(x);
    if (typeof value === 'undefined') continue;
    result[resolvedKey] = value;
  }
  return result;
}
