import { customerDetail, meGm, meSales } from '../../test/fixtures';
import type { OrgUnitDto } from '../../api/types';
import type { Me } from './permissions';
import { reaches } from './reach';

const units: OrgUnitDto[] = [
  { id: 1, name: '示例集团有限公司', code: 'HQ', kind: 'Company', parentId: null, path: '/1/', depth: 0, isActive: true, version: 1 },
  { id: 3, name: '华东营销部', code: 'EAST', kind: 'Sales', parentId: 1, path: '/1/3/', depth: 1, isActive: true, version: 1 },
  { id: 9, name: '苏州办事处', code: 'EAST-SZ', kind: 'Sales', parentId: 3, path: '/1/3/9/', depth: 2, isActive: true, version: 1 },
  { id: 4, name: '华南营销部', code: 'SOUTH', kind: 'Sales', parentId: 1, path: '/1/4/', depth: 1, isActive: true, version: 1 },
];
const manager: Me = { ...meSales, id: 20, permissionScopes: { 'customers.write': 'UnitSubtree' }, permissions: ['customers.write'] };

describe('reaches', () => {
  it('Own: the owner and co-servers only', () => {
    expect(reaches(meSales, 'customers.write', customerDetail(1, { owner: { id: 5, name: '张伟' } }), units)).toBe(true);
    expect(reaches(meSales, 'customers.write', customerDetail(1, { owner: { id: 6, name: '李娜' }, coServers: [{ id: 5, name: '张伟' }] }), units)).toBe(true);
    expect(reaches(meSales, 'customers.write', customerDetail(1, { owner: { id: 6, name: '李娜' } }), units)).toBe(false);
  });

  it('UnitSubtree: customers of the unit and of units below it', () => {
    expect(reaches(manager, 'customers.write', customerDetail(1, { owner: { id: 6, name: 'x' }, owningUnitId: 9 }), units)).toBe(true);
    expect(reaches(manager, 'customers.write', customerDetail(1, { owner: { id: 6, name: 'x' }, owningUnitId: 4 }), units)).toBe(false);
  });

  it('All reaches everything; a permission not held reaches nothing', () => {
    expect(reaches(meGm, 'customers.read', customerDetail(1, { owningUnitId: 4 }), units)).toBe(true);
    expect(reaches(meSales, 'customers.archive', customerDetail(1), units)).toBe(false);
  });
});
