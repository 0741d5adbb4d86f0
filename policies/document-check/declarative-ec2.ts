import { checkRoot, entries, integer, list, matches, object, oneOf, setting, walkManagement, type ManagementType } from './management-grammar';
import { PAGES, see, type DocumentFinding } from './types';

/**
 * Declarative policies for EC2 (`DECLARATIVE_POLICY_EC2`): the attributes under `ec2_attributes` and the values each
 * takes, as the declarative policy syntax page lists them (values are case-sensitive).
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_declarative_syntax.html
 */
const TYPE: ManagementType = { label: 'declarative policy', root: 'ec2_attributes', operators: ['@@assign', '@@append', '@@remove'], page: PAGES.declarative };

const page = PAGES.declarative;
const enabledDisabled = oneOf(['enabled', 'disabled'], page);
const preference = oneOf(['no_preference', 'enabled', 'disabled'], page);
const days = integer(0, 2147483647, page);

/** `criteria_1` ... `criteria_10`. */
function criteriaName(key: string): string | undefined {
  return /^criteria_([1-9]|10)$/.test(key) ? undefined : `is not an image criteria name; name them criteria_1 to criteria_10 (up to 10 criteria)${see(page)}`;
}

export const EC2_ATTRIBUTES_SPEC = object({
  exception_message: setting(),
  vpc_block_public_access: object({
    internet_gateway_block: object(
      {
        mode: setting(oneOf(['off', 'block_ingress', 'block_bidirectional'], page)),
        exclusions_allowed: setting(enabledDisabled),
      },
      ['mode', 'exclusions_allowed'],
    ),
  }),
  serial_console_access: object({ status: setting(enabledDisabled) }),
  image_block_public_access: object({ state: setting(oneOf(['block_new_sharing', 'unblocked'], page)) }),
  allowed_images_settings: object({
    state: setting(oneOf(['enabled', 'disabled', 'audit_mode'], page)),
    image_criteria: entries(
      'image criteria',
      object({
        allowed_image_providers: list(
          matches(/^(\d{12}|amazon|aws_marketplace|aws_backup_vault)$/, 'an image provider; write a 12-digit account id, "amazon", "aws_marketplace" or "aws_backup_vault"', page),
        ),
        image_names: list(matches(/^.{1,128}$/, 'an image name (1-128 characters, wildcards * and ? allowed)', page)),
        marketplace_product_codes: list(matches(/^[A-Za-z0-9]{1,25}$/, 'a Marketplace product code (1-25 letters and digits)', page)),
        creation_date_condition: object({ maximum_days_since_created: setting(days) }),
        deprecation_time_condition: object({ maximum_days_since_deprecated: setting(days) }),
      }),
      criteriaName,
    ),
  }),
  instance_metadata_defaults: object({
    http_tokens: setting(oneOf(['no_preference', 'required', 'optional'], page)),
    http_put_response_hop_limit: setting(integer(-1, 64, page, 'a hop limit')),
    http_endpoint: setting(preference),
    instance_metadata_tags: setting(preference),
  }),
  snapshot_block_public_access: object({ state: setting(oneOf(['block_all_sharing', 'block_new_sharing', 'unblocked'], page)) }),
});

export function checkDeclarativeDocument(doc: Record<string, unknown>): DocumentFinding[] {
  const out = checkRoot(TYPE, doc);
  if (doc.ec2_attributes !== undefined) out.push(...walkManagement(TYPE, EC2_ATTRIBUTES_SPEC, doc.ec2_attributes, ['ec2_attributes']));
  return out;
}
