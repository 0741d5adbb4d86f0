import { z } from 'zod';
import { LandingZoneSchema } from './schema';

/**
 * The published JSON Schema of `landing-zone.yaml`, generated from the zod schema (the single
 * source of truth) for editors (`# yaml-language-server: $schema=...`) and other tools.
 */
export function landingZoneJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(LandingZoneSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://github.com/cdktf-landing-zone/schema/landing-zone.schema.json',
    title: 'landing-zone.yaml',
  };
}

/** The file text: pretty JSON with a trailing newline. */
export function landingZoneJsonSchemaText(): string {
  return `${JSON.stringify(landingZoneJsonSchema(), null, 2)}\n`;
}
