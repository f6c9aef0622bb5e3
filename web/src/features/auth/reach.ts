import type { CustomerDetail, OrgUnitDto } from '../../api/types';
import type { Me } from './permissions';

/**
 * Whether a permission's scope reaches a customer, as the server decides it (DOMAIN.md §4): Own = owner or
 * co-server; Unit = the person's unit owns or serves it; UnitSubtree = the same for their unit or any unit below;
 * All = every customer. The UI only hides actions with it — the server checks every request itself.
 */
export function reaches(me: Me | undefined, permission: string, customer: CustomerDetail, units: OrgUnitDto[] | undefined): boolean {
  const scope = me?.permissionScopes[permission];
  if (!me || !scope) return false;
  if (scope === 'All') return true;
  const own = customer.owner.id === me.id || customer.coServers.some((s) => s.id === me.id);
  if (scope === 'Own') return own;
  const unitIds = [customer.owningUnitId, customer.serviceUnitId].filter((u): u is number => u != null);
  if (scope === 'Unit') return own || unitIds.includes(me.unitId);
  // UnitSubtree: a unit's path lists its ancestors' ids, e.g. /1/3/9/.
  return own || unitIds.some((id) => units?.find((u) => u.id === id)?.path.includes(`/${me.unitId}/`) ?? id === me.unitId);
}
