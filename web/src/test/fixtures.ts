import type { components } from '../api/schema';

type S = components['schemas'];

export const meSales: S['MeResponse'] = {
  id: 5,
  username: 'east.sales1',
  displayName: '张伟',
  unitId: 3,
  unitName: '华东营销部',
  unitKind: 'Sales',
  positions: ['AccountManager'],
  roles: ['account-manager', 'employee'],
  permissions: ['customers.read', 'customers.readSensitive', 'customers.write', 'org.read'],
  permissionScopes: { 'customers.read': 'Own', 'customers.readSensitive': 'Own', 'customers.write': 'Own', 'org.read': 'All' },
  customerScope: 'Own',
};

export const meGm: S['MeResponse'] = {
  ...meSales,
  id: 1,
  username: 'gm',
  displayName: '王建国',
  unitId: 1,
  unitName: '示例集团有限公司',
  unitKind: 'Company',
  positions: ['GeneralManager'],
  roles: ['leadership', 'employee'],
  permissions: ['customers.read', 'customers.write', 'customers.archive', 'customers.assign', 'customers.export', 'access.approve', 'access.auditLog', 'org.read'],
  permissionScopes: Object.fromEntries(
    ['customers.read', 'customers.write', 'customers.archive', 'customers.assign', 'customers.export', 'access.approve', 'access.auditLog', 'org.read'].map((p) => [p, 'All' as const]),
  ),
  customerScope: 'All',
};

export const meAdmin: S['MeResponse'] = {
  ...meSales,
  id: 9,
  username: 'admin',
  displayName: '系统管理员',
  positions: ['Administrator'],
  roles: ['administrator', 'employee'],
  permissions: ['admin.roles', 'admin.users', 'admin.org', 'admin.calendar', 'customers.read', 'access.auditLog', 'org.read'],
  permissionScopes: Object.fromEntries(
    ['admin.roles', 'admin.users', 'admin.org', 'admin.calendar', 'customers.read', 'access.auditLog', 'org.read'].map((p) => [p, 'All' as const]),
  ),
  customerScope: 'All',
};

export function customerRow(id: number, overrides: Partial<S['CustomerListItem']> = {}): S['CustomerListItem'] {
  return {
    id,
    code: `KH${String(id).padStart(6, '0')}`,
    name: `上海华信贸易有限公司${id}`,
    creditCode: '91310115MA1H7U5X64',
    grade: 'A',
    status: 'Active',
    category: 'FirstTierAgent',
    region: '上海',
    owningUnitId: 3,
    owningUnitName: '华东营销部',
    ownerId: 5,
    ownerName: '张伟',
    archived: false,
    updatedAt: '2026-11-20T09:30:00+00:00',
    ...overrides,
  };
}

export function customerDetail(id: number, overrides: Partial<S['CustomerDetail']> = {}): S['CustomerDetail'] {
  return {
    id,
    code: 'KH000123',
    name: '上海华信贸易有限公司',
    creditCode: '91310115MA1H7U5X64',
    enterpriseNature: 'Private',
    supervisingUnit: null,
    industry: '贸易',
    registeredCapital: 5000000,
    totalAssets: null,
    foundedOn: '2012-05-08',
    address: '上海市浦东新区张江路 100 号',
    region: '上海',
    category: 'FirstTierAgent',
    grade: 'A',
    status: 'Active',
    riskFlags: [],
    firstContactOn: null,
    cooperationStartOn: null,
    owningUnitId: 3,
    owningUnitName: '华东营销部',
    owner: { id: 5, name: '张伟' },
    serviceUnitId: null,
    serviceUnitName: null,
    coServers: [],
    tags: ['重点'],
    keyPersonCount: 0,
    archived: false,
    archivedAt: null,
    createdAt: '2026-11-20T09:30:00+00:00',
    updatedAt: '2026-11-20T09:30:00+00:00',
    version: 3,
    ...overrides,
  };
}

export const tokenPair = (n: number): S['TokenResponse'] => ({
  accessToken: `access-${n}`,
  tokenType: 'Bearer',
  expiresIn: 900,
  refreshToken: `refresh-${n}`,
  refreshTokenExpiresAt: '2026-12-07T09:30:00+00:00',
});

export const problem = (status: number, detail: string, extra: Record<string, unknown> = {}) => ({
  type: 'about:blank',
  title: 'Problem',
  status,
  detail,
  ...extra,
});

const marketingPermissions = [
  'customers.read', 'customers.write', 'customers.export', 'customers.handover', 'access.auditLog', 'org.read',
  'classification.run', 'classification.approve', 'classification.schemes', 'classification.override', 'deadlines.manage', 'activities.write',
];
export const meMarketing: S['MeResponse'] = {
  ...meSales,
  id: 3,
  username: 'marketing1',
  displayName: '赵敏',
  unitId: 2,
  unitName: '市场部',
  unitKind: 'CustomerManagement',
  positions: ['None'],
  roles: ['customer-management', 'employee'],
  permissions: marketingPermissions,
  permissionScopes: Object.fromEntries(marketingPermissions.map((p) => [p, 'All' as const])),
  customerScope: 'All',
};

export function obligation(id: number, overrides: Partial<S['ObligationDto']> = {}): S['ObligationDto'] {
  return {
    id,
    kind: 'Filing',
    customerId: 42,
    customerName: '上海华信贸易有限公司',
    owningUnit: { id: 3, name: '华东营销部' },
    responsible: { id: 5, name: '张伟' },
    triggeredOn: '2026-11-16',
    dueOn: '2026-11-23',
    calendarConfirmed: true,
    changedFields: [],
    status: 'Open',
    state: 'DueSoon',
    workingDaysLeft: 1,
    submissions: 0,
    reminderCount: 0,
    version: 1,
    ...overrides,
  };
}
