/**
 * The JSON writer of every stack file and of the manifest: the bytes of json-stable-stringify 1.3 with
 * `{ space: 2 }` (the writer and the option cdktf 0.21 uses), written without its per-value costs (it builds the
 * indentation with a loop and a closure for every value), which were a twentieth of a synth's CPU.
 * - keys in code-unit order (Array.prototype.sort), each object's keys on their own lines;
 * - a value's `toJSON()` is written instead of it;
 * - `undefined`, functions and symbols are left out of objects and written as `null` in arrays;
 * - an empty array or object still opens and closes on two lines (`[\n  ]`), unlike JSON.stringify;
 * - an object that contains itself throws, as JSON.stringify does.
 * __tests__/lib/stable-json.test.ts compares it with json-stable-stringify.
 */
export function stableJson(value: unknown): string {
  const indents: string[] = [];
  const indent = (level: number) => (indents[level] ??= `\n${'  '.repeat(level)}`);
  const open: object[] = [];
  const write = (node: unknown, level: number): string | undefined => {
    if (node && typeof (node as { toJSON?: unknown }).toJSON === 'function') node = (node as { toJSON(): unknown }).toJSON();
    if (node === undefined) return undefined;
    if (typeof node !== 'object' || node === null) return JSON.stringify(node);
    const inner = indent(level + 1);
    let out: string;
    if (Array.isArray(node)) {
      out = '[';
      for (let i = 0; i < node.length; i++) out += `${i === 0 ? '' : ','}${inner}${write(node[i], level + 1) || 'null'}`;
      return `${out}${indent(level)}]`;
    }
    if (open.includes(node)) throw new TypeError('Converting circular structure to JSON');
    open.push(node);
    out = '{';
    let first = true;
    for (const key of Object.keys(node).sort()) {
      const item = write((node as Record<string, unknown>)[key], level + 1);
      if (!item) continue;
      out += `${first ? '' : ','}${inner}${JSON.stringify(key)}: ${item}`;
      first = false;
    }
    open.pop();
    return `${out}${indent(level)}}`;
  };
  return write(value, 0) as string;
}
