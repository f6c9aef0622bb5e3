import { meMarketing } from '../../test/fixtures';
import type { components } from '../../api/schema';

type S = components['schemas'];

/** 市场部 as the default roles make it: complaints and KPI management included. */
export const meKpi: S['MeResponse'] = {
  ...meMarketing,
  permissions: [...meMarketing.permissions, 'kpi.manage', 'complaints.manage'],
  permissionScopes: { ...meMarketing.permissionScopes, 'kpi.manage': 'All', 'complaints.manage': 'All' },
};

const allowed: Record<S['ComplaintStatus'], S['ComplaintStatus'][]> = {
  Received: ['Investigating'],
  Investigating: ['Rework', 'Replied'],
  Rework: ['Replied'],
  Replied: ['Investigating', 'Archived'],
  Archived: [],
};

export function complaint(id: number, overrides: Partial<S['ComplaintDto']> = {}): S['ComplaintDto'] {
  const status = overrides.status ?? 'Received';
  return {
    id,
    customerId: 42,
    customerName: '上海华信贸易有限公司',
    unit: { id: 3, name: '华东营销部' },
    receivedOn: '2026-11-20',
    subject: '交货延误两周',
    description: '十月订单延误两周交货，影响客户工程进度。',
    status,
    allowed: allowed[status],
    substantiated: null,
    responsibleUnit: undefined,
    responsibleStaff: undefined,
    finding: null,
    correctiveAction: null,
    review: null,
    reviewedBy: undefined,
    archivedOn: null,
    rounds: 0,
    history: [{ to: 'Received', note: null, at: '2026-11-20T02:00:00+00:00', by: { id: 5, name: '张伟' } }],
    version: 1,
    ...overrides,
  };
}

export function period(month: string, overrides: Partial<S['KpiPeriodDto']> = {}): S['KpiPeriodDto'] {
  return {
    month,
    status: 'Open',
    runs: 1,
    lastRunAt: '2026-11-02T01:00:00+00:00',
    lastRunBy: { id: 3, name: '赵敏' },
    closedAt: null,
    closedBy: undefined,
    entries: 2,
    points: -4,
    amount: 0,
    ...overrides,
  };
}

/** A ledger answer: the period and one page of entries. */
export function ledger(p: S['KpiPeriodDto'], items: S['KpiEntryDto'][], { page = 1, pageSize = 20, total = items.length } = {}): S['KpiLedgerDto'] {
  return { period: p, entries: { items, page, pageSize, total, totalIsCapped: false } };
}

export function entry(id: number, overrides: Partial<S['KpiEntryDto']> = {}): S['KpiEntryDto'] {
  return {
    id,
    month: '2026-10',
    kind: 'Computed',
    rule: 'lateFiling',
    unit: { id: 3, name: '华东营销部' },
    staff: { id: 5, name: '张伟' },
    points: -2,
    amount: 0,
    evidence: ['obligation:12,reminders:2'],
    reason: null,
    approvedBy: undefined,
    createdBy: { id: 3, name: '赵敏' },
    createdAt: '2026-11-02T01:00:00+00:00',
    ...overrides,
  };
}

const items = (scores: [number | null, number | null, number | null, number | null, number | null]): S['ScorecardItemDto'][] => [
  { code: 'filing', name: '客户备案', maxPoints: 20, rules: ['lateFiling'], ledgerPoints: 0, entered: null, score: scores[0] },
  { code: 'feedback', name: '信息反馈', maxPoints: 20, rules: ['feedbackShortfall'], ledgerPoints: 0, entered: null, score: scores[1] },
  { code: 'contact', name: '走访联系', maxPoints: 30, rules: ['contactShortfall'], ledgerPoints: 0, entered: null, score: scores[2] },
  { code: 'retention', name: '客户保持', maxPoints: 15, rules: ['customerLost'], ledgerPoints: 0, entered: null, score: scores[3] },
  { code: 'service', name: '服务质量', maxPoints: 15, rules: [], ledgerPoints: 0, entered: scores[4], score: scores[4] },
].map((i) => ({ ...i, source: i.rules.length ? 'Ledger' : 'Entered' }));

export function scorecard(unitId: number, name: string, overrides: Partial<S['UnitScorecardDto']> = {}): S['UnitScorecardDto'] {
  return {
    year: 2026,
    unit: { id: unitId, name },
    items: items([20, 20, 30, 15, null]),
    total: null,
    complete: false,
    outcome: undefined,
    substantiatedComplaints: 0,
    disqualified: false,
    disqualifiedStaff: [],
    leadership: [],
    version: 1,
    ...overrides,
  };
}

export { items as scorecardItems };
