import { didYouMean } from '../../config/problems';
import { AI_OPT_OUT_SERVICES } from '../../config/aws-data/ai-services';
import { checkRoot, entries, object, oneOf, setting, walkManagement, type ManagementType } from './management-grammar';
import { PAGES, see, type DocumentFinding } from './types';

/**
 * AI services opt-out policies (`AISERVICES_OPT_OUT_POLICY`): under `services`, `default` or an AI service name
 * (config/aws-data/ai-services.ts), each with `opt_out_policy` set to "optOut" or "optIn" (case-sensitive) with
 * `@@assign` only (no `@@append` / `@@remove`).
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_ai-opt-out_syntax.html
 */
const TYPE: ManagementType = { label: 'AI opt-out policy', root: 'services', operators: ['@@assign'], page: PAGES.aiOptOut };

const KNOWN = ['default', ...AI_OPT_OUT_SERVICES];

function serviceName(key: string): string | undefined {
  if (KNOWN.includes(key)) return undefined;
  return `is not a service of the AI opt-out policy${didYouMean(key, KNOWN) || `; use default or one of ${AI_OPT_OUT_SERVICES.join(', ')}`} (if AWS added it since, add it to config/aws-data/ai-services.ts)${see(PAGES.aiOptOut)}`;
}

export const SERVICES_SPEC = entries('AI service', object({ opt_out_policy: setting(oneOf(['optOut', 'optIn'], PAGES.aiOptOut)) }, ['opt_out_policy']), serviceName);

export function checkAiOptOutDocument(doc: Record<string, unknown>): DocumentFinding[] {
  const out = checkRoot(TYPE, doc);
  if (doc.services !== undefined) out.push(...walkManagement(TYPE, SERVICES_SPEC, doc.services, ['services']));
  return out;
}
