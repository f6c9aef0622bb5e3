import type { components } from '../../api/schema';

type S = components['schemas'];
export type ComplaintDto = S['ComplaintDto'];
export type ComplaintStatus = S['ComplaintStatus'];
export type MoveComplaintRequest = S['MoveComplaintRequest'];
export type ExpenseDto = S['ExpenseDto'];
export type ExpenseCategory = S['ExpenseCategory'];
export type KpiPeriodDto = S['KpiPeriodDto'];
export type KpiEntryDto = S['KpiEntryDto'];
export type KpiEntryKind = S['KpiEntryKind'];
export type UnitScorecardDto = S['UnitScorecardDto'];
export type ScorecardItemDto = S['ScorecardItemDto'];
export type AccountManagerIndicators = S['AccountManagerIndicators'];

export const COMPLAINT_STATUSES: ComplaintStatus[] = ['Received', 'Investigating', 'Rework', 'Replied', 'Archived'];
export const EXPENSE_CATEGORIES: ExpenseCategory[] = ['Entertainment', 'Travel', 'Gift'];
export const KPI_RULES = ['lateFiling', 'feedbackShortfall', 'contactShortfall', 'complaintsDisqualify', 'customerLost', 'adjustment'] as const;
export const KPI_ENTRY_KINDS: KpiEntryKind[] = ['Computed', 'Adjustment'];
