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
          { path: '*', element: <PageNotFound /> },
        ],
      },
    ],
  },
];
