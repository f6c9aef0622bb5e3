import { keepPreviousData } from '@tanstack/react-query';
import { Badge, Card, Checkbox, Segmented, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { $api } from '../../api/client';
import { OBLIGATION_KINDS, OBLIGATION_STATES, type ObligationDto, type ObligationKind, type ObligationState } from '../../api/types';
import { formatDate } from '../../components/format';
import { StaffSelect, UnitTreeSelect } from '../../components/OrgPickers';
import { EmptyState, ErrorState } from '../../components/States';
import { P, usePermissions } from '../auth/permissions';
import { usePaging } from '../access/usePaging';
import { DaysLeft, ObligationActions, ObligationStateTag } from './obligations';

export interface BoardFilters {
  unitId?: number;
  includeSubUnits: boolean;
  ownerId?: number;
  kind?: ObligationKind;
  state?: ObligationState;
}

const HIGHLIGHTS = ['DueSoon', 'Overdue', 'MetLate'] as const;

/** How many obligations of a state the other filters leave (a one-row page: the total is the count). */
function useCount(filters: BoardFilters, state: ObligationState) {
  return $api.useQuery('get', '/api/v1/obligations', { params: { query: { ...filters, state, page: 1, pageSize: 1 } } }).data?.total;
}

/** 期限看板: filings and change reports of every visible customer, earliest due first. */
export function BoardPage() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const paging = usePaging();
  const [filters, setFilters] = useState<BoardFilters>({ includeSubUnits: true });
  const set = (patch: Partial<BoardFilters>) => { setFilters((f) => ({ ...f, ...patch })); paging.reset(); };
  const q = $api.useQuery('get', '/api/v1/obligations', { params: { query: { ...filters, page: paging.page, pageSize: paging.pageSize } } }, { placeholderData: keepPreviousData });
  const base = { ...filters, state: undefined };
  const counts = { DueSoon: useCount(base, 'DueSoon'), Overdue: useCount(base, 'Overdue'), MetLate: useCount(base, 'MetLate') };
  const d = (key: string) => t(`deadlines.${key}`);
  const mayWrite = can(P.customersWrite);
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('nav.board')}</Typography.Title>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Segmented
          aria-label={d('state')}
          value={filters.state ?? 'all'}
          onChange={(v) => set({ state: v === 'all' ? undefined : (v as ObligationState) })}
          options={[
            { value: 'all', label: t('common.all') },
            ...HIGHLIGHTS.map((s) => ({ value: s, label: <span data-testid={`board-${s}`}>{t(`enums.ObligationState.${s}`)} <Badge count={counts[s] ?? 0} showZero color={s === 'DueSoon' ? 'orange' : s === 'Overdue' ? 'red' : 'volcano'} /></span> })),
          ]}
        />
        <Space wrap>
          <UnitTreeSelect value={filters.unitId} onChange={(unitId) => set({ unitId })} placeholder={d('unit')} style={{ width: 200 }} />
          <Checkbox checked={filters.includeSubUnits} onChange={(e) => set({ includeSubUnits: e.target.checked })}>{t('rating.includeSubUnits')}</Checkbox>
          <StaffSelect value={filters.ownerId} onChange={(v) => set({ ownerId: v as number | undefined })} placeholder={d('responsible')} aria-label={d('responsible')} style={{ width: 180 }} />
          <Select allowClear aria-label={d('kind')} placeholder={d('kind')} style={{ width: 150 }} value={filters.kind} onChange={(kind) => set({ kind })}
            options={OBLIGATION_KINDS.map((k) => ({ value: k, label: t(`enums.ObligationKind.${k}`) }))} />
          <Select allowClear aria-label={d('stateFilter')} placeholder={d('state')} style={{ width: 150 }} value={filters.state} onChange={(state) => set({ state })}
            options={OBLIGATION_STATES.map((s) => ({ value: s, label: t(`enums.ObligationState.${s}`) }))} />
        </Space>
        {q.isError ? (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        ) : (
          <Table<ObligationDto>
            rowKey="id"
            size="small"
            loading={q.isFetching}
            dataSource={q.data?.items ?? []}
            locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
            pagination={paging.pagination(q.data?.total)}
            scroll={{ x: 1100 }}
            columns={[
              { title: d('customer'), dataIndex: 'customerName', render: (n: string, o) => <Link to={`/customers/${o.customerId}?tab=filings`}>{n}</Link> },
              { title: d('kind'), dataIndex: 'kind', width: 110, render: (k: string) => t(`enums.ObligationKind.${k}`) },
              { title: d('state'), dataIndex: 'state', width: 90, render: (s: ObligationState) => <ObligationStateTag state={s} /> },
              { title: d('unit'), dataIndex: ['owningUnit', 'name'], width: 120 },
              { title: d('responsible'), dataIndex: ['responsible', 'name'], width: 90 },
              { title: d('dueOn'), dataIndex: 'dueOn', width: 110, render: formatDate },
              { title: d('workingDaysLeft'), key: 'left', width: 110, render: (_, o) => <DaysLeft o={o} /> },
              { title: d('metOn'), dataIndex: 'metOn', width: 110, render: formatDate },
              { title: d('reminders'), dataIndex: 'reminderCount', width: 70 },
              { title: t('common.actions'), key: 'actions', width: 170, render: (_, o) => <ObligationActions o={o} mayWrite={mayWrite} /> },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}
