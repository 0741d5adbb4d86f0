import { isAlias, isMap, isScalar, isSeq, visit, type Document } from 'yaml';
import type { PathSegment, Problem } from './problems';

/* Problems of the YAML text itself, each with its line and the fix (config/load.ts). */

export const YAML_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'a key appears twice in the same mapping; keep one of them',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MULTIPLE_DOCS: 'the file holds more than one YAML document ("---"); keep one',
  BAD_INDENT: 'check the indentation of this line against the lines above',
  MISSING_CHAR: 'a bracket or quote is not closed',
  BLOCK_AS_IMPLICIT_KEY: 'a key is missing its ":" or the line above is not closed',
};

/**
 * Plain numbers written with a leading zero (`0100`, `012345678901`): YAML 1.2 reads them as decimal
 * and drops the zero, YAML 1.1 tools read octal. Either way what was meant is lost, so they are
 * refused wherever they stand: quote a code or id, drop the zero from an amount.
 */
export function leadingZeroNumbers(doc: Document, text: string): Problem[] {
  const problems: Problem[] = [];
  const walk = (node: unknown, path: PathSegment[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? (pair.key.value as PathSegment) : String(pair.key);
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    } else if (isScalar(node) && typeof node.value === 'number' && node.range && !node.type?.startsWith('QUOTE')) {
      const written = text.slice(node.range[0], node.range[1]).trim();
      if (/^[-+]?0\d+$/.test(written)) {
        problems.push({
          path,
          message: `${written} is read by YAML as a number (YAML read it as ${node.value}, losing how it was written); quote it ("${written}") if it is an id or code, or write ${node.value} if it is an amount`,
        });
      }
    }
  };
  walk(doc.contents, []);
  return problems;
}

/** An alias YAML cannot resolve (unknown anchor, or too many aliases): its line and the fix. */
export function aliasProblem(doc: Document, lineOfOffset: (o: number) => number, error: string): Problem {
  let line: number | undefined;
  const anchors = new Set<string>();
  let unresolved: string | undefined;
  visit(doc, {
    Node(_key, node) {
      if (node.anchor) anchors.add(node.anchor);
      if (isAlias(node) && !anchors.has(node.source) && unresolved === undefined) {
        unresolved = node.source;
        line = node.range ? lineOfOffset(node.range[0]) : undefined;
      }
    },
  });
  if (unresolved !== undefined) {
    return { path: [], line, message: `is not valid YAML: the alias *${unresolved} has no anchor &${unresolved} before it; define the anchor first or write the value out` };
  }
  if (/alias count/i.test(error)) {
    return { path: [], message: 'is not valid YAML: it expands too many aliases (*name), which YAML parsers refuse as a resource exhaustion attack; write the repeated values out or use fewer aliases' };
  }
  return { path: [], message: `is not valid YAML: ${error.split('\n')[0]}` };
}
