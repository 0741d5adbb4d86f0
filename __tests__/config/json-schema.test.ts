import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { landingZoneJsonSchema, landingZoneJsonSchemaText } from '../../config/json-schema';
import { EXAMPLES, ROOT } from '../harness/config';

describe('published JSON Schema', () => {
  it('is up to date with the zod schema (run `npm run schema` when this fails)', () => {
    const committed = readFileSync(join(ROOT, 'schema', 'landing-zone.schema.json'), 'utf8');
    expect(committed).toBe(landingZoneJsonSchemaText());
  });

  it('describes the sections and the required organization fields', () => {
    const schema = landingZoneJsonSchema() as { properties: Record<string, any>; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['organization', 'accounts']));
    expect(schema.properties.organization.required).toEqual(
      expect.arrayContaining(['name', 'managementAccountId', 'homeRegion', 'governedRegions']),
    );
    expect(schema.properties.organization.properties.homeRegion.enum).toContain('ap-northeast-1');
    expect(schema.properties.state.properties.backend.enum).toEqual(['s3', 'cloud', 'local']);
  });

  it.each([...EXAMPLES.map((e) => `examples/${e}.yaml`), 'landing-zone.yaml'])('%s points editors at the schema', (file) => {
    const first = readFileSync(join(ROOT, file), 'utf8').split('\n')[0];
    const relative = file.startsWith('examples/') ? '../schema/landing-zone.schema.json' : './schema/landing-zone.schema.json';
    expect(first).toBe(`# yaml-language-server: $schema=${relative}`);
  });
});
