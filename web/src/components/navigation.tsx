import {
  AuditOutlined,
  ApartmentOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  KeyOutlined,
  SafetyOutlined,
  SettingOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  UnlockOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { P, can, type Me } from '../features/auth/permissions';

export interface NavItem {
  key: string;
  labelKey: string;
  icon?: ReactNode;
  /** Shown when the person holds any of these (empty: everybody signed in). */
  anyOf?: string[];
  children?: NavItem[];
}

/** The whole menu; what a person sees is filtered by the permissions GET /api/v1/me reports. */
export const NAVIGATION: NavItem[] = [
  { key: '/', labelKey: 'nav.dashboard', icon: <DashboardOutlined /> },
  { key: '/customers', labelKey: 'nav.customers', icon: <SolutionOutlined />, anyOf: [P.customersRead] },
  {
    key: 'access',
    labelKey: 'nav.access',
    icon: <SafetyOutlined />,
    children: [
      { key: '/access/lookup', labelKey: 'nav.lookup', icon: <FileSearchOutlined /> },
      { key: '/access/requests', labelKey: 'nav.myRequests', icon: <UnlockOutlined /> },
      { key: '/access/grants', labelKey: 'nav.myGrants', icon: <KeyOutlined /> },
      { key: '/access/inbox', labelKey: 'nav.inbox', icon: <CheckSquareOutlined />, anyOf: [P.accessApprove] },
      { key: '/access/read-log', labelKey: 'nav.readLog', icon: <AuditOutlined />, anyOf: [P.accessAuditLog] },
    ],
  },
  {
    key: 'admin',
    labelKey: 'nav.admin',
    icon: <SettingOutlined />,
    children: [
      { key: '/admin/org', labelKey: 'nav.org', icon: <ApartmentOutlined />, anyOf: [P.adminOrg, P.adminUsers] },
      { key: '/admin/staff', labelKey: 'nav.staff', icon: <TeamOutlined />, anyOf: [P.adminUsers] },
      { key: '/admin/roles', labelKey: 'nav.roles', icon: <UserOutlined />, anyOf: [P.adminRoles] },
      { key: '/admin/handover', labelKey: 'nav.handover', icon: <SwapOutlined />, anyOf: [P.customersHandover] },
    ],
  },
];

/** The items this person may use; groups left without children disappear. */
export function visibleNavigation(me: Me | undefined, items: NavItem[] = NAVIGATION): NavItem[] {
  const result: NavItem[] = [];
  for (const item of items) {
    if (item.anyOf && !item.anyOf.some((p) => can(me, p))) continue;
    if (item.children) {
      const children = visibleNavigation(me, item.children);
      if (children.length === 0) continue;
      result.push({ ...item, children });
    } else {
      result.push(item);
    }
  }
  return result;
}
