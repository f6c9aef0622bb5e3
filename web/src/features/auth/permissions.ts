import type { components } from '../../api/schema';
import { $api } from '../../api/client';
import { useSession } from './session';

export type Me = components['schemas']['MeResponse'];
export type DataScope = components['schemas']['DataScope'];

/** The permission codes of the catalogue that the SPA looks at. */
export const P = {
  customersRead: 'customers.read',
  customersWrite: 'customers.write',
  customersArchive: 'customers.archive',
  customersAssign: 'customers.assign',
  customersExport: 'customers.export',
  customersHandover: 'customers.handover',
  accessApprove: 'access.approve',
  accessAuditLog: 'access.auditLog',
  activitiesWrite: 'activities.write',
  activitiesManage: 'activities.manage',
  classificationRun: 'classification.run',
  classificationApprove: 'classification.approve',
  classificationSchemes: 'classification.schemes',
  classificationOverride: 'classification.override',
  deadlinesManage: 'deadlines.manage',
  kpiManage: 'kpi.manage',
  complaintsManage: 'complaints.manage',
  adminCalendar: 'admin.calendar',
  orgRead: 'org.read',
  adminRoles: 'admin.roles',
  adminUsers: 'admin.users',
  adminOrg: 'admin.org',
  integrationClients: 'integration.clients',
  integrationWebhooks: 'integration.webhooks',
} as const;

export function useMe() {
  const { signedIn } = useSession();
  return $api.useQuery('get', '/api/v1/me', {}, { enabled: signedIn, staleTime: 10_000, refetchOnWindowFocus: true });
}

export function can(me: Me | undefined, permission: string): boolean {
  return !!me && me.permissions.includes(permission);
}

export function usePermissions() {
  const { data: me } = useMe();
  return { me, can: (permission: string) => can(me, permission) };
}
