import type { ReactNode } from 'react';
import { usePermissions } from '../features/auth/permissions';
import { Forbidden } from './States';

/** Renders its children only for holders of one of the permissions (the server checks again, always). */
export function RequirePermission({ anyOf, children }: { anyOf: string[]; children: ReactNode }) {
  const { can } = usePermissions();
  return anyOf.some(can) ? <>{children}</> : <Forbidden />;
}
