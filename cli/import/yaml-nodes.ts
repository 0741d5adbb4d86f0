import { isMap, isScalar, isSeq, type Document, type YAMLMap } from 'yaml';

/*
 * Small edits of a parsed landing-zone.yaml that keep what a person wrote: a key whose value does not change is not
 * touched (its comments and flow style stay), a new key goes where a person would look for it, not at the end.
 */

/** The name of a map key (a scalar or a plain string). */
function keyName(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/** The map at `path` (the document's top map for []), or undefined. */
export function mapAt(doc: Document, path: readonly string[]): YAMLMap | undefined {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  return isMap(node) ? node : undefined;
}

/** The plain value at `path`, as JSON (undefined when absent). */
export function valueAt(doc: Document, path: readonly (string | number)[]): unknown {
  const node = doc.getIn(path, true) as { toJSON?: () => unknown } | undefined;
  return node && typeof node === 'object' && 'toJSON' in node && typeof node.toJSON === 'function' ? node.toJSON() : (node as unknown);
}

/**
 * Sets `key` of the map at `path` to `value`. An equal value leaves the node as it is; a new key is placed right after
 * the first of `after` that the map has (else at its end); a missing map at `path` is made the same way, after
 * `parentAfter` in its own parent.
 */
export function setKey(doc: Document, path: readonly string[], key: string, value: unknown, after: readonly string[] = [], parentAfter: readonly string[] = []): void {
  let map = mapAt(doc, path);
  if (!map) {
    if (path.length === 0) throw new Error('the document has no top-level map');
    setKey(doc, path.slice(0, -1), path[path.length - 1], {}, parentAfter);
    map = mapAt(doc, path)!;
  }
  const pair = map.items.find((p) => keyName(p.key) === key);
  if (pair) {
    const current = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? (pair.value as unknown);
    if (JSON.stringify(current) === JSON.stringify(value)) return;
    if (isSeq(pair.value) && Array.isArray(value)) {
      // A list: the items that stay keep their nodes (comments, flow style); only new or changed ones are made.
      const old = [...pair.value.items];
      pair.value.items = value.map((item) => {
        const i = old.findIndex((node) => JSON.stringify((node as { toJSON?: () => unknown })?.toJSON?.() ?? node) === JSON.stringify(item));
        return i >= 0 ? old.splice(i, 1)[0] : doc.createNode(item);
      });
      return;
    }
    pair.value = doc.createNode(value);
    return;
  }
  const created = doc.createPair(key, value);
  const anchor = after.map((k) => map.items.findIndex((p) => keyName(p.key) === k)).find((i) => i >= 0);
  map.items.splice(anchor === undefined ? map.items.length : anchor + 1, 0, created);
}

/** Removes `key` from the map at `path`, when it is there. */
export function deleteKey(doc: Document, path: readonly string[], key: string): void {
  const map = mapAt(doc, path);
  if (map?.has(key)) map.delete(key);
}

/** Account config names by account id (accounts[].id), as written in the document. */
export function accountNamesById(doc: Document): Map<string, string> {
  const accounts = doc.get('accounts');
  const out = new Map<string, string>();
  for (const item of isSeq(accounts) ? accounts.items : []) {
    if (isMap(item) && item.get('id') !== undefined) out.set(String(item.get('id')), String(item.get('name')));
  }
  return out;
}

/** OU config paths by OU id (organization.ouIds), as written in the document. */
export function ouPathsById(doc: Document): Map<string, string> {
  const ouIds = valueAt(doc, ['organization', 'ouIds']);
  return new Map(ouIds && typeof ouIds === 'object' ? Object.entries(ouIds as Record<string, string>).map(([path, id]) => [String(id), path]) : []);
}
