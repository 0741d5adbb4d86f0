import { parseDocument } from 'yaml';
import { deleteKey, setKey } from '../../../cli/import/yaml-nodes';

const TEXT = `organization:
  name: acme # the name
  id: o-exist12345
  homeRegion: us-east-1
  tags: { team: platform }
  list: [a, b] # flow
`;

describe('setKey', () => {
  it('places a new key after the first anchor the map has', () => {
    const doc = parseDocument(TEXT);
    setKey(doc, ['organization'], 'rootId', 'r-ab12', ['nothing-here', 'id']);
    expect(doc.toString()).toContain('  id: o-exist12345\n  rootId: r-ab12\n  homeRegion: us-east-1\n');
  });

  it('leaves an equal value as it is, comments and flow style included', () => {
    const doc = parseDocument(TEXT);
    setKey(doc, ['organization'], 'list', ['a', 'b']);
    setKey(doc, ['organization'], 'name', 'acme');
    expect(doc.toString({ flowCollectionPadding: false })).toBe(TEXT.replace('{ team: platform }', '{team: platform}'));
  });

  it('keeps the list items that stay, and makes only the new ones', () => {
    const doc = parseDocument(TEXT);
    setKey(doc, ['organization'], 'list', ['b', 'c']);
    expect(doc.toString()).toContain('  list: [ b, c ] # flow\n');
  });

  it('makes a missing map after its parent anchor, and deletes a key', () => {
    const doc = parseDocument(TEXT.concat('accounts: []\nstate: {}\n'));
    setKey(doc, ['guardrails'], 'existing', [{ id: 'p-abcd1234' }], [], ['accounts']);
    deleteKey(doc, ['organization'], 'tags');
    const text = doc.toString();
    expect(text).toContain('accounts: []\nguardrails:\n  existing:\n    - id: p-abcd1234\nstate: {}\n');
    expect(text).not.toContain('tags:');
  });
});
