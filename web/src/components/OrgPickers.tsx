import { Select, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../api/client';
import type { OrgUnitDto } from '../api/types';

export interface UnitTreeNode {
  value: number;
  title: string;
  key: number;
  unit: OrgUnitDto;
  children: UnitTreeNode[];
}

/** The organisation as a tree (the API lists parents first). */
export function buildUnitTree(units: OrgUnitDto[]): UnitTreeNode[] {
  const nodes = new Map<number, UnitTreeNode>();
  const roots: UnitTreeNode[] = [];
  for (const unit of units) nodes.set(unit.id, { value: unit.id, key: unit.id, title: unit.name, unit, children: [] });
  for (const unit of units) {
    const node = nodes.get(unit.id)!;
    const parent = unit.parentId != null ? nodes.get(unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export function useUnits(includeInactive = false) {
  return $api.useQuery('get', '/api/v1/org/units', { params: { query: { includeInactive } } }, { staleTime: 5 * 60_000 });
}

export function UnitTreeSelect(props: { value?: number; onChange?: (value?: number) => void; id?: string; placeholder?: string; style?: React.CSSProperties }) {
  const units = useUnits();
  const tree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  return (
    <TreeSelect<number>
      id={props.id}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      loading={units.isPending}
      treeData={tree}
      value={props.value}
      onChange={(v) => props.onChange?.(v ?? undefined)}
      placeholder={props.placeholder}
      style={props.style}
    />
  );
}

/** Staff picked by a server-side search (name or user name), never a full download of the staff list. */
export function StaffSelect(props: {
  value?: number | number[];
  onChange?: (value?: number | number[]) => void;
  multiple?: boolean;
  id?: string;
  placeholder?: string;
  style?: React.CSSProperties;
  initialOptions?: { id: number; name: string }[];
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const staff = $api.useQuery('get', '/api/v1/org/staff', { params: { query: { q: q || undefined, page: 1, pageSize: 20 } } });
  const options = useMemo(() => {
    const map = new Map<number, string>();
    for (const s of props.initialOptions ?? []) map.set(s.id, s.name);
    for (const s of staff.data?.items ?? []) map.set(s.id, `${s.displayName}（${s.unitName}）`);
    return [...map].map(([value, label]) => ({ value, label }));
  }, [staff.data, props.initialOptions]);
  return (
    <Select<number | number[]>
      id={props.id}
      aria-label={props['aria-label'] ?? props.placeholder ?? t('admin.staffSearch')}
      mode={props.multiple ? 'multiple' : undefined}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={staff.isFetching}
      options={options}
      value={props.value}
      onChange={(v) => props.onChange?.(v ?? undefined)}
      placeholder={props.placeholder ?? t('admin.staffSearch')}
      notFoundContent={staff.isFetching ? t('common.loading') : t('common.empty')}
      style={props.style}
    />
  );
}
