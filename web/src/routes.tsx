import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { RequireAuth } from './components/RequireAuth';
import { RequirePermission } from './components/RequirePermission';
import { PageNotFound } from './components/States';
import { P } from './features/auth/permissions';
import { LoginPage } from './features/auth/LoginPage';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { CustomerListPage } from './features/customers/CustomerListPage';
import { CustomerDetailPage } from './features/customers/CustomerDetailPage';
import { CustomerFormPage } from './features/customers/CustomerFormPage';
import { LookupPage } from './features/access/LookupPage';
import { MyRequestsPage } from './features/access/MyRequestsPage';
import { MyGrantsPage } from './features/access/MyGrantsPage';
import { InboxPage } from './features/access/InboxPage';

// Pages few people use are loaded on demand.
const OrgPage = lazy(() => import('./features/admin/OrgPage').then((m) => ({ default: m.OrgPage })));
const StaffPage = lazy(() => import('./features/admin/StaffPage').then((m) => ({ default: m.StaffPage })));
const RolesMatrixPage = lazy(() => import('./features/admin/RolesMatrixPage').then((m) => ({ default: m.RolesMatrixPage })));
const ReadLogPage = lazy(() => import('./features/access/ReadLogPage').then((m) => ({ default: m.ReadLogPage })));
const HandoverPage = lazy(() => import('./features/admin/HandoverPage').then((m) => ({ default: m.HandoverPage })));
const SchemesPage = lazy(() => import('./features/classification/SchemesPage').then((m) => ({ default: m.SchemesPage })));
const SchemeEditorPage = lazy(() => import('./features/classification/SchemeEditorPage').then((m) => ({ default: m.SchemeEditorPage })));
const RunsPage = lazy(() => import('./features/classification/RunsPage').then((m) => ({ default: m.RunsPage })));
const RunDetailPage = lazy(() => import('./features/classification/RunDetailPage').then((m) => ({ default: m.RunDetailPage })));
const StatisticsPage = lazy(() => import('./features/classification/StatisticsPage').then((m) => ({ default: m.StatisticsPage })));
const BoardPage = lazy(() => import('./features/deadlines/BoardPage').then((m) => ({ default: m.BoardPage })));
const followUp = () => import('./features/deadlines/FollowUpPages');
const MyRemindersPage = lazy(() => followUp().then((m) => ({ default: m.MyRemindersPage })));
const QuotasPage = lazy(() => followUp().then((m) => ({ default: m.QuotasPage })));
const FollowUpRemindersPage = lazy(() => followUp().then((m) => ({ default: m.FollowUpRemindersPage })));
const ContactDutiesPage = lazy(() => followUp().then((m) => ({ default: m.ContactDutiesPage })));
const CareTasksPage = lazy(() => followUp().then((m) => ({ default: m.CareTasksPage })));
const CalendarPage = lazy(() => import('./features/deadlines/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const integration = () => import('./features/integration');
const ClientsPage = lazy(() => integration().then((m) => ({ default: m.ClientsPage })));
const ClientDetailPage = lazy(() => integration().then((m) => ({ default: m.ClientDetailPage })));
const WebhooksPage = lazy(() => integration().then((m) => ({ default: m.WebhooksPage })));
const DeliveriesPage = lazy(() => integration().then((m) => ({ default: m.DeliveriesPage })));
const ImportsPage = lazy(() => integration().then((m) => ({ default: m.ImportsPage })));
const ImportDetailPage = lazy(() => integration().then((m) => ({ default: m.ImportDetailPage })));
const ExportsPage = lazy(() => integration().then((m) => ({ default: m.ExportsPage })));
const kpi = () => import('./features/kpi/PeriodsPage');
const ComplaintsPage = lazy(() => import('./features/kpi/ComplaintsPage').then((m) => ({ default: m.ComplaintsPage })));
const KpiPeriodsPage = lazy(() => kpi().then((m) => ({ default: m.PeriodsPage })));
const KpiPeriodPage = lazy(() => kpi().then((m) => ({ default: m.PeriodPage })));
const ScorecardPage = lazy(() => import('./features/kpi/ScorecardPage').then((m) => ({ default: m.ScorecardPage })));
const IndicatorsPage = lazy(() => import('./features/kpi/IndicatorsPage').then((m) => ({ default: m.IndicatorsPage })));
const guard = (anyOf: string[], element: React.ReactNode) => <RequirePermission anyOf={anyOf}>{element}</RequirePermission>;

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'customers', element: guard([P.customersRead], <CustomerListPage />) },
          { path: 'customers/new', element: guard([P.customersWrite], <CustomerFormPage />) },
          { path: 'customers/:id', element: <CustomerDetailPage /> },
          { path: 'customers/:id/edit', element: guard([P.customersWrite], <CustomerFormPage />) },
          { path: 'access/lookup', element: <LookupPage /> },
          { path: 'access/requests', element: <MyRequestsPage /> },
          { path: 'access/grants', element: <MyGrantsPage /> },
          { path: 'access/inbox', element: guard([P.accessApprove], <InboxPage />) },
          { path: 'access/read-log', element: guard([P.accessAuditLog], <ReadLogPage />) },
          { path: 'admin/org', element: guard([P.adminOrg, P.adminUsers], <OrgPage />) },
          { path: 'admin/staff', element: guard([P.adminUsers], <StaffPage />) },
          { path: 'admin/roles', element: guard([P.adminRoles], <RolesMatrixPage />) },
          { path: 'admin/handover', element: guard([P.customersHandover], <HandoverPage />) },
          { path: 'classification/schemes', element: guard([P.classificationSchemes, P.classificationRun, P.classificationApprove], <SchemesPage />) },
          { path: 'classification/schemes/new', element: guard([P.classificationSchemes], <SchemeEditorPage />) },
          { path: 'classification/schemes/:code', element: guard([P.classificationSchemes, P.classificationRun, P.classificationApprove], <SchemeEditorPage />) },
          { path: 'classification/runs', element: guard([P.classificationRun, P.classificationApprove], <RunsPage />) },
          { path: 'classification/runs/:id', element: guard([P.classificationRun, P.classificationApprove], <RunDetailPage />) },
          { path: 'classification/statistics', element: guard([P.customersRead], <StatisticsPage />) },
          { path: 'deadlines/board', element: guard([P.customersRead], <BoardPage />) },
          { path: 'deadlines/reminders', element: guard([P.customersRead], <MyRemindersPage />) },
          { path: 'deadlines/quotas', element: guard([P.customersRead], <QuotasPage />) },
          { path: 'follow-up/reminders', element: guard([P.customersRead], <FollowUpRemindersPage />) },
          { path: 'follow-up/contact-duties', element: guard([P.customersRead], <ContactDutiesPage />) },
          { path: 'follow-up/care', element: guard([P.customersRead], <CareTasksPage />) },
          { path: 'admin/calendar', element: guard([P.adminCalendar], <CalendarPage />) },
          { path: 'integration/clients', element: guard([P.integrationClients], <ClientsPage />) },
          { path: 'integration/clients/:id', element: guard([P.integrationClients], <ClientDetailPage />) },
          { path: 'integration/webhooks', element: guard([P.integrationWebhooks], <WebhooksPage />) },
          { path: 'integration/webhooks/:id', element: guard([P.integrationWebhooks], <DeliveriesPage />) },
          { path: 'integration/imports', element: guard([P.customersWrite], <ImportsPage />) },
          { path: 'integration/imports/:id', element: guard([P.customersWrite], <ImportDetailPage />) },
          { path: 'integration/exports', element: guard([P.customersExport], <ExportsPage />) },
          { path: 'kpi/complaints', element: guard([P.customersRead, P.complaintsManage], <ComplaintsPage />) },
          { path: 'kpi/periods', element: guard([P.kpiManage], <KpiPeriodsPage />) },
          { path: 'kpi/periods/:month', element: guard([P.kpiManage], <KpiPeriodPage />) },
          { path: 'kpi/scorecards', element: guard([P.kpiManage], <ScorecardPage />) },
          { path: 'kpi/indicators', element: guard([P.customersRead], <IndicatorsPage />) },
          { path: '*', element: <PageNotFound /> },
        ],
      },
    ],
  },
];
