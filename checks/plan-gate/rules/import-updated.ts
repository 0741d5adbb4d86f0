import { changedAttributes, describeChanges, imports, managedChanges, updates } from '../changes';
import { finding, type PlanRule } from '../types';

/**
 * An import block adopts an existing object; when the configuration differs from it, the same plan updates it in
 * place. That passes (adopting is the point of a takeover), but the reviewer sees what the adoption changes.
 * @see https://developer.hashicorp.com/terraform/language/import
 */
export const importUpdated: PlanRule = (plans) =>
  plans.flatMap((p) =>
    managedChanges(p)
      .filter((rc) => imports(rc) && updates(rc))
      .map((rc) => {
        const changed = changedAttributes(rc);
        const id = rc.change.importing?.id;
        return finding('import-updated', p.stack, rc.address, `imported${id ? ` (${JSON.stringify(id)})` : ''} and updated in place: ${describeChanges(rc, changed) || 'attributes known only after apply'}`, {
          severity: 'notice',
        });
      }),
  );
