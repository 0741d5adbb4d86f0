/** `npm run schema`: regenerates schema/landing-zone.schema.json from the zod schema. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { landingZoneJsonSchemaText } from './json-schema';

const target = join(__dirname, '..', '..', 'schema', 'landing-zone.schema.json');
writeFileSync(target, landingZoneJsonSchemaText());
console.log(`wrote ${target}`);
