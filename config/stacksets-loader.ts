/**
 * Reads the CloudFormation templates of `stackSets` for the config loader, so that constructs never
 * touch files: each entry's `template` file (relative to the config file's folder) is read, checked
 * to be a JSON or YAML CloudFormation template, and put into the entry's `templateBody`.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parseDocument, YAMLMap, type CollectionTag, type ScalarTag } from 'yaml';
import type { LandingZoneConfig } from './schema';
import { show, type Problem } from './problems';

/**
 * CloudFormation's short-form intrinsic functions as YAML tags, each read as its long form (`!Ref X` → `{ Ref: X }`,
 * `!If [...]` → `{ "Fn::If": [...] }`), so the checks see what CloudFormation sees.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 */
const CLOUDFORMATION_TAGS: (ScalarTag | CollectionTag)[] = (() => {
  const functions: Record<string, string> = { Ref: 'Ref', Condition: 'Condition' };
  for (const f of ['Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'Length', 'ToJsonString']) {
    functions[f] = `Fn::${f}`;
  }
  const wrap = (name: string) => (value: unknown) => {
    const map = new YAMLMap();
    map.set(name, value);
    return map;
  };
  return Object.entries(functions).flatMap(([short, name]): (ScalarTag | CollectionTag)[] => [
    { tag: `!${short}`, resolve: (value: string) => ({ [name]: value }) },
    { tag: `!${short}`, collection: 'seq', resolve: wrap(name) },
    { tag: `!${short}`, collection: 'map', resolve: wrap(name) },
  ]);
})();

/** TemplateBody limit of CreateStackSet; larger templates need a TemplateURL in S3. */
export const TEMPLATE_BODY_MAX_BYTES = 51_200;

/**
 * Fills `templateBody` of every StackSet from its `template` file and returns the problems found
 * (missing file, not JSON / YAML, not a template, too large, both or neither of template / templateBody).
 * Mutates `config.stackSets` entries, which the loader has just created.
 */
export function loadStackSetTemplates(config: LandingZoneConfig, baseDir: string): Problem[] {
  const problems: Problem[] = [];
  config.stackSets.forEach((entry, i) => {
    const at = (key: string) => ['stackSets', i, key];
    if (entry.template !== undefined && entry.templateBody !== undefined) {
      problems.push({ path: at('templateBody'), message: 'is set together with template; give the template as a file (template) or inline (templateBody), not both' });
      return;
    }
    if (entry.template === undefined && entry.templateBody === undefined) {
      problems.push({ path: ['stackSets', i], message: `StackSet ${show(entry.name)} has no template; set template to a CloudFormation file relative to the config file, e.g. stacksets/${entry.name}.yaml` });
      return;
    }
    let text: string;
    let where: string;
    if (entry.template !== undefined) {
      const file = isAbsolute(entry.template) ? entry.template : join(baseDir, entry.template);
      where = `template ${show(entry.template)}`;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? String(e);
        problems.push({
          path: at('template'),
          message: `${show(entry.template)} cannot be read (${code} at ${file}); the path is relative to the folder of the config file`,
        });
        return;
      }
    } else {
      text = entry.templateBody!;
      where = 'templateBody';
    }
    const problem = checkTemplate(text);
    if (problem) {
      problems.push({ path: at(entry.template !== undefined ? 'template' : 'templateBody'), message: `${where} ${problem}` });
      return;
    }
    (entry as { templateBody?: string }).templateBody = text;
  });
  return problems;
}

/** Why `text` is not a usable CloudFormation template, or undefined when it is. */
export function checkTemplate(text: string): string | undefined {
  const { problem } = parseTemplate(text);
  return problem;
}

/** A CloudFormation template as the meaning checks read it (short-form functions such as !Sub become plain values). */
export interface ParsedTemplate {
  readonly Parameters?: unknown;
  readonly Resources: Record<string, unknown>;
  readonly Transform?: unknown;
  readonly [key: string]: unknown;
}

/** The template of `text`, or why it is not a usable one. */
export function parseTemplate(text: string): { template?: ParsedTemplate; problem?: string } {
  let parsed: unknown;
  if (text.trimStart().startsWith('{')) {
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      return { problem: `is not valid JSON: ${(e as Error).message}` };
    }
  } else {
    // CloudFormation short-form functions (!Ref, !Sub ...) are custom YAML tags, read as their long form.
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, customTags: CLOUDFORMATION_TAGS });
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      return { problem: `is not valid YAML: ${e.message.split('\n')[0]}` };
    }
    parsed = doc.toJS({ maxAliasCount: 100 });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { problem: 'is not a CloudFormation template: expected a mapping with a Resources section' };
  }
  const resources = (parsed as Record<string, unknown>).Resources;
  if (resources === null || typeof resources !== 'object' || Array.isArray(resources) || Object.keys(resources).length === 0) {
    return { problem: 'is not a CloudFormation template: it needs a Resources section with at least one resource' };
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > TEMPLATE_BODY_MAX_BYTES) {
    return { problem: `is ${bytes} bytes, over the ${TEMPLATE_BODY_MAX_BYTES}-byte TemplateBody limit of CloudFormation; split it into several StackSets or shorten it` };
  }
  return { template: parsed as ParsedTemplate };
}
