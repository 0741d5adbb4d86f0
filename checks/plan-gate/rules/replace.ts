import { actionReason, formatPath, identity, managedChanges, replaces } from '../changes';
import { finding, type PlanRule } from '../types';

/**
 * A replacement: Terraform deletes the object and creates a new one (`["delete", "create"]`), or creates the new
 * one first (`["create", "delete"]`, create_before_destroy). The new object has a new id: what refers to the old
 * one (policy attachments, trails, delegated administrators, other teams' automation) loses it, and data in the
 * old one is gone. `replace_paths` names the arguments that force it.
 * @see https://developer.hashicorp.com/terraform/internals/json-format#change-representation
 * @see https://developer.hashicorp.com/terraform/language/resources/behavior#resource-behavior
 */
export const replace: PlanRule = (plans) =>
  plans.flatMap((p) =>
    managedChanges(p)
      .filter(replaces)
      .map((rc) => {
        const order = rc.change.actions[0] === 'create' ? 'created anew before the old one is deleted' : 'deleted and created anew';
        const paths = (rc.change.replace_paths ?? []).map(formatPath);
        const why = paths.length > 0 ? `: ${paths.join(', ')} ${paths.length === 1 ? 'forces' : 'force'} a new resource` : actionReason(rc) ? `: ${actionReason(rc)}` : '';
        return finding('replace', p.stack, rc.address, `replaced${identity(rc)}, ${order}${why}`);
      }),
  );
