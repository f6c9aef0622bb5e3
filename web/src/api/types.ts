/** Short names for the generated contract types (src/api/schema.d.ts is generated: never edit it). */
import type { components } from './schema';

type S = components['schemas'];
export type CustomerListItem = S['CustomerListItem'];
export type CustomerDetail = S['CustomerDetail'];
export type CreateCustomerRequest = S['CreateCustomerRequest'];
export type UpdateCustomerRequest = S['UpdateCustomerRequest'];
export type CustomerStatus = S['CustomerStatus'];
export type CustomerCategory = S['CustomerCategory'];
export type EnterpriseNature = S['EnterpriseNature'];
export type RiskFlags = S['RiskFlags'];
export type KeyPersonDto = S['KeyPersonDto'];
export type CustomerHistoryDto = S['CustomerHistoryDto'];
export type AccessRequestDto = S['AccessRequestDto'];
export type AccessGrantDto = S['AccessGrantDto'];
export type AccessRequestStatus = S['AccessRequestStatus'];
export type RoleDto = S['RoleDto'];
export type PermissionDto = S['PermissionDto'];
export type PermissionGrant = S['PermissionGrant'];
export type DataScope = S['DataScope'];
export type OrgUnitDto = S['OrgUnitDto'];
export type StaffDto = S['StaffDto'];
export type ReadLogEntryDto = S['ReadLogEntryDto'];

/** Every member of a contract enum, typed against the contract (a member missing here fails tsc). */
function members<T extends string>() {
  return <const A extends readonly T[]>(values: A & ([T] extends [A[number]] ? unknown : 'missing members')) => values;
}

export const CUSTOMER_STATUSES = members<CustomerStatus>()(['Potential', 'Active', 'Dormant', 'Lost']);
export const CUSTOMER_CATEGORIES = members<CustomerCategory>()([
  'FirstTierAgent',
  'SecondTierAgent',
  'Distributor',
  'Retailer',
  'EndUser',
  'Designer',
  'ProjectOwner',
  'StrategicPartner',
  'OtherBrandAgent',
  'Other',
]);
export const ENTERPRISE_NATURES = members<EnterpriseNature>()([
  'StateOwned',
  'Private',
  'JointVenture',
  'WhollyOwnedSubsidiary',
  'Foreign',
  'Collective',
  'Individual',
  'Other',
]);
export const RISK_FLAGS = members<RiskFlags>()(['None', 'PoorOperation', 'Arrears', 'CreditDecline', 'Bankruptcy']);
export const DATA_SCOPES = members<DataScope>()(['Own', 'Unit', 'UnitSubtree', 'All']);
/** Grade codes of the default scheme (the grading-scheme API will supply them later). */
export const GRADES = ['A', 'B', 'C', 'D'] as const;

export const PAGE_SIZES = [10, 20, 50, 100];

export type ActivityDto = S['ActivityDto'];
export type ActivityKind = S['ActivityKind'];
export type CreateActivityRequest = S['CreateActivityRequest'];
export type GradeChangeDto = S['GradeChangeDto'];
export type GradeEvaluationDto = S['GradeEvaluationDto'];
export type GradingResult = S['GradingResult'];
export type ObligationDto = S['ObligationDto'];
export type ObligationState = S['ObligationState'];
export type ObligationKind = S['ObligationKind'];
export type ReminderDto = S['ReminderDto'];
export type FeedbackFormDto = S['FeedbackFormDto'];
export type FeedbackQuotaStatus = S['FeedbackQuotaStatus'];
export type ContactDutyStatus = S['ContactDutyStatus'];
export type PersonContactDuty = S['PersonContactDuty'];
export type FollowUpReminder = S['FollowUpReminder'];
export type ReminderKind = S['ReminderKind'];
export type CareTask = S['CareTask'];
export type SchemeListItem = S['SchemeListItem'];
export type SchemeVersionDto = S['SchemeVersionDto'];
export type GradingFieldDto = S['GradingFieldDto'];
export type GradingRule = S['GradingRule'];
export type ScoreDefinition = S['ScoreDefinition'];
export type ConditionOperator = S['ConditionOperator'];
export type RatingRunDto = S['RatingRunDto'];
export type RatingRunStatus = S['RatingRunStatus'];
export type RatingProposalDto = S['RatingProposalDto'];
export type CalendarYearSummary = S['CalendarYearSummary'];
export type CalendarDayInput = S['CalendarDayInput'];

export const ACTIVITY_KINDS = members<ActivityKind>()(['Visit', 'Call', 'Email', 'Message', 'Meeting', 'Gift', 'Greeting']);
export const OBLIGATION_STATES = members<ObligationState>()(['Pending', 'DueSoon', 'Overdue', 'Submitted', 'MetOnTime', 'MetLate']);
export const OBLIGATION_KINDS = members<ObligationKind>()(['Filing', 'ChangeReport']);
export const REMINDER_KINDS = members<ReminderKind>()(['NoFollowUp', 'NeverFollowedUp', 'NoPurchase', 'NeverPurchased']);
export const CONDITION_OPERATORS = members<ConditionOperator>()(['Eq', 'NotEq', 'In', 'Gte', 'Gt', 'Lte', 'Lt', 'Between']);
