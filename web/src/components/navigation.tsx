import {
  AlertOutlined,
  ApiOutlined,
  CloudDownloadOutlined,
  CloudUploadOutlined,
  DeploymentUnitOutlined,
  SendOutlined,
  CalculatorOutlined,
  CommentOutlined,
  FundOutlined,
  LineChartOutlined,
  StarOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  CalendarOutlined,
  FieldTimeOutlined,
  FormOutlined,
  GiftOutlined,
  PhoneOutlined,
  PieChartOutlined,
  RiseOutlined,
  ScheduleOutlined,
  TrophyOutlined,
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
    key: 'classification',
    labelKey: 'nav.classification',
    icon: <TrophyOutlined />,
    children: [
      { key: '/classification/schemes', labelKey: 'nav.schemes', icon: <FormOutlined />, anyOf: [P.classificationSchemes, P.classificationRun, P.classificationApprove] },
      { key: '/classification/runs', labelKey: 'nav.ratingRuns', icon: <RiseOutlined />, anyOf: [P.classificationRun, P.classificationApprove] },
      { key: '/classification/statistics', labelKey: 'nav.gradeStatistics', icon: <BarChartOutlined />, anyOf: [P.customersRead] },
    ],
  },
  {
    key: 'followUp',
    labelKey: 'nav.followUp',
    icon: <ScheduleOutlined />,
    children: [
      { key: '/deadlines/board', labelKey: 'nav.board', icon: <FieldTimeOutlined />, anyOf: [P.customersRead] },
      { key: '/deadlines/reminders', labelKey: 'nav.myReminders', icon: <BellOutlined />, anyOf: [P.customersRead] },
      { key: '/deadlines/quotas', labelKey: 'nav.quotas', icon: <PieChartOutlined />, anyOf: [P.customersRead] },
      { key: '/follow-up/reminders', labelKey: 'nav.followUpReminders', icon: <AlertOutlined />, anyOf: [P.customersRead] },
      { key: '/follow-up/contact-duties', labelKey: 'nav.contactDuties', icon: <PhoneOutlined />, anyOf: [P.customersRead] },
      { key: '/follow-up/care', labelKey: 'nav.careTasks', icon: <GiftOutlined />, anyOf: [P.customersRead] },
    ],
  },
  {
    key: 'kpi',
    labelKey: 'kpi.nav.group',
    icon: <FundOutlined />,
    children: [
      { key: '/kpi/complaints', labelKey: 'kpi.nav.complaints', icon: <CommentOutlined />, anyOf: [P.customersRead, P.complaintsManage] },
      { key: '/kpi/periods', labelKey: 'kpi.nav.periods', icon: <CalculatorOutlined />, anyOf: [P.kpiManage] },
      { key: '/kpi/scorecards', labelKey: 'kpi.nav.scorecards', icon: <StarOutlined />, anyOf: [P.kpiManage] },
      { key: '/kpi/indicators', labelKey: 'kpi.nav.indicators', icon: <LineChartOutlined />, anyOf: [P.customersRead] },
    ],
  },
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
    key: 'integration',
    labelKey: 'integration.nav.group',
    icon: <DeploymentUnitOutlined />,
    children: [
      { key: '/integration/imports', labelKey: 'integration.nav.imports', icon: <CloudUploadOutlined />, anyOf: [P.customersWrite] },
      { key: '/integration/exports', labelKey: 'integration.nav.exports', icon: <CloudDownloadOutlined />, anyOf: [P.customersExport] },
      { key: '/integration/clients', labelKey: 'integration.nav.clients', icon: <ApiOutlined />, anyOf: [P.integrationClients] },
      { key: '/integration/webhooks', labelKey: 'integration.nav.webhooks', icon: <SendOutlined />, anyOf: [P.integrationWebhooks] },
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
      { key: '/admin/calendar', labelKey: 'nav.calendar', icon: <CalendarOutlined />, anyOf: [P.adminCalendar] },
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
