import { actionReason, deletes, identity, managedChanges, replaces } from '../changes';
import { finding, type PlanRule } from '../types';

/**
 * A plan that destroys something: Terraform's `delete` action (not a replacement) deletes the object in AWS. An
 * organization, an account, a log bucket or a trail deleted by mistake takes its data and its history with it, so
 * the gate refuses every destroy the config does not acknowledge.
 * @see https://developer.hashicorp.com/terraform/internals/json-format#change-representation
 */
export const destroy: PlanRule = (plans) =>
  plans.flatMap((p) =>
    managedChanges(p)
      .filter((rc) => deletes(rc) && !replaces(rc))
      .map((rc) => {
        const why = actionReason(rc);
        return finding('destroy', p.stack, rc.address, `destroyed${identity(rc)}${why ? `: ${why}` : ''}`);
      }),
  );
