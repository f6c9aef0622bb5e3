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
