import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../harness/config';
import { configReferenceMarkdown, rowsOf } from '../../cli/docs/config-reference';
import { landingZoneJsonSchema } from '../../config/json-schema';
import { CHECKLIST } from '../../checks/checklist';

const doc = (name: string) => readFileSync(join(ROOT, 'docs', name), 'utf8');

describe('docs/config-reference.md', () => {
  it('is up to date with the zod schema (regenerate with npm run docs)', () => {
    // When this fails: npm run docs, then commit docs/config-reference.md.
    expect(doc('config-reference.md') === configReferenceMarkdown()).toBe(true);
  });

  it('documents every top-level section and nested settings with their defaults', () => {
    const text = configReferenceMarkdown();
    const schema = landingZoneJsonSchema() as { properties: Record<string, unknown> };
    for (const key of Object.keys(schema.properties).filter((k) => k !== '$schema')) expect(text).toContain(`\n## ${key}\n`);
    expect(text).toMatch(/^\| `accounts\[\]\.email` \| string \(at least 6 characters, at most 64 characters\) \| \*\*required\*\* \| Root e-mail of the account/m);
    expect(text).toMatch(/^\| `state\.backend` \| `s3` \\\| `cloud` \\\| `local` \| `"local"` \| /m);
    expect(text).toMatch(/^\| `organization\.homeRegion` \| AWS Region code \| \*\*required\*\* \|/m);
  });

  it('walks lists, maps and union variants into setting paths', () => {
    const rows = rowsOf(
      {
        type: 'object',
        properties: {
          items: { type: 'array', items: { anyOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'object', properties: { b: { type: 'number', default: 1 } } }] } },
          byName: { type: 'object', additionalProperties: { type: 'object', properties: { c: { type: 'boolean' } }, required: ['c'] } },
        },
      },
      'x',
      true,
    );
    expect(rows.map((r) => `${r.path}:${r.type}:${r.required}:${r.default ?? ''}`)).toEqual([
      'x:mapping:true:',
      'x.items:list of mapping:false:',
      'x.items[].a:string:false:',
      'x.items[].b:number:false:`1`',
      'x.byName:map of mapping:false:',
      'x.byName.<key>.c:boolean:true:',
    ]);
  });
});

describe('docs/checklist.md', () => {
  it('maps every lz check item to config keys and resources', () => {
    const text = doc('checklist.md');
    for (const rule of CHECKLIST) expect(text).toContain(`\`${rule.id}\``);
    for (const key of ['guardrails.scp', 'guardrails.rcp', 'guardrails.declarative', 'identityCenter.assignments', 'security.securityHub.standards', 'baseline.config']) {
      expect(text).toContain(key);
    }
  });
});

describe('docs/operations.md', () => {
  it.each([
    'Add an account',
    'Move an account',
    'Suspend and close an account',
    'Adopt an existing organization',
    'The plan gate (`lz review-plan`)',
    'Rotate the break-glass role',
    'Recover from a failed apply',
  ])('has the section "%s"', (title) => {
    expect(doc('operations.md')).toContain(`\n## ${title}\n`);
  });
});

describe('docs/terraform-cloud.md and docs/github-actions.md', () => {
  it('document the workspace names, dynamic credentials and run triggers, and the pipeline variables', () => {
    const tfc = doc('terraform-cloud.md');
    expect(tfc).toContain('<workspacePrefix>-<stack-id>');
    expect(tfc).toContain('TFC_AWS_PROVIDER_AUTH');
    expect(tfc).toContain('lz plan-order --run-triggers');
    const gha = doc('github-actions.md');
    for (const text of ['AWS_ROLE_ARN', 'AWS_PLAN_ROLE_ARN', 'production', 'token.actions.githubusercontent.com', 'lz plan-order']) expect(gha).toContain(text);
  });
});
