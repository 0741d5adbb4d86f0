import { assign, type Assign } from '../management-document';

export interface AiOptOutOptions {
  /** AI services left opted in (e.g. "lex"); every other service opts out. */
  readonly optInServices: readonly string[];
}

export interface AiOptOutDocument {
  readonly services: Record<string, { opt_out_policy: Assign<'optOut' | 'optIn'> }>;
}

/**
 * Opts every account out of AWS AI services using its content to improve those services
 * (default: all services), except the ones listed in optInServices. Affects the management account too.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_ai-opt-out_syntax.html
 */
export function aiOptOut(options: AiOptOutOptions = { optInServices: [] }): AiOptOutDocument {
  const services: AiOptOutDocument['services'] = { default: { opt_out_policy: assign('optOut') } };
  for (const s of options.optInServices) services[s] = { opt_out_policy: assign('optIn') };
  return { services };
}
