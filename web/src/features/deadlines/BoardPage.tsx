import { keepPreviousData } from '@tanstack/react-query';
import { Card, Checkbox, Col, DatePicker, Row, Segmented, Select, Space, Statistic, Table, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { $api } from '../../api/client';
import type { components } from '../../api/schema';
import { OBLIGATION_KINDS, OBLIGATION_STATES, type ObligationDto, type ObligationKind, type ObligationState } from '../../api/types';
import { formatDate } from '../../components/format';
import { StaffSelect, UnitTreeSelect } from '../../components/OrgPickers';
import { PagedTable } from '../../components/PagedTable';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { P, usePermissions } from '../auth/permissions';
import { usePaging } from '../access/usePaging';
import { DaysLeft, ObligationActions, ObligationStateTag } from './obligations';

type Counts = components['schemas']['DeadlineCountsDto'];

/** Whose deadlines: mine, one person's, one unit's (with its sub-units or not) or everything the person may see. */
export type BoardScope = 'all' | 'mine' | 'person' | 'unit';

export interface BoardFilters {
  scope: BoardScope;
  staffId?: number;
  unitId?: number;
  includeSubUnits: boolean;
  kind?: ObligationKind;
  dueFrom?: string;
  dueTo?: string;
  listSize: number;
}

const COUNT_KEYS: Record<ObligationState, keyof Counts> = {
  Overdue: 'overdue',
  DueSoon: 'dueSoon',
  MetLate: 'metLate',
  Pending: 'pending',
  Submitted: 'submitted',
  MetOnTime: 'metOnTime',
};
const CARD_ORDER: ObligationState[] = ['Overdue', 'DueSoon', 'MetLate', 'Pending', 'Submitted', 'MetOnTime'];
const CARD_COLORS: Partial<Record<ObligationState, string>> = { Overdue: '#cf1322', DueSoon: '#d46b08', MetLate: '#d4380d', MetOnTime: '#389e0d' };
const LIST_SIZES = [10, 20, 50];
const dateFormat = 'YYYY-MM-DD';

/** The board's query: the scope picks mine / staffId / unitId (+ includeSubUnits); without any, everything visible. */
export function boardQuery(f: BoardFilters) {
  return {
    mine: f.scope === 'mine' ? true : undefined,
    staffId: f.scope === 'person' ? f.staffId : undefined,
    unitId: f.scope === 'unit' ? f.unitId : undefined,
    includeSubUnits: f.scope === 'unit' && f.unitId ? f.includeSubUnits : undefined,
    kind: f.kind,
    dueFrom: f.dueFrom,
    dueTo: f.dueTo,
    listSize: f.listSize,
  };
}

/** 期限看板: counts per state and kind (GET /api/v1/deadline-board), the heads of the overdue / due-soon / met-late lists, and every deadline paged. */
export function BoardPage() {
  const { t } = useTranslation();
  const { me } = usePermissions();
  const [filters, setFilters] = useState<BoardFilters>({ scope: 'all', includeSubUnits: true, listSize: 10 });
  const set = (patch: Partial<BoardFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const b = (key: string, o?: Record<string, unknown>) => t(`integration.board.${key}`, o ?? {});
  const d = (key: string) => t(`deadlines.${key}`);
  // A person or unit scope without its person or unit yet: show the whole board until one is picked.
  const board = $api.useQuery('get', '/api/v1/deadline-board', { params: { query: boardQuery(filters) } }, { placeholderData: keepPreviousData });
  const range: [Dayjs, Dayjs] | null = filters.dueFrom && filters.dueTo ? [dayjs(filters.dueFrom), dayjs(filters.dueTo)] : null;

  const counts = board.data?.counts;
  const lists: { key: 'overdue' | 'dueSoon' | 'metLate'; state: ObligationState }[] = [
    { key: 'overdue', state: 'Overdue' },
    { key: 'dueSoon', state: 'DueSoon' },
    { key: 'metLate', state: 'MetLate' },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={<Typography.Title level={4} style={{ margin: 0 }}>{t('nav.board')}</Typography.Title>}
        extra={board.data && <Typography.Text type="secondary" data-testid="board-asof">{b('asOf', { asOf: formatDate(board.data.asOf), until: formatDate(board.data.dueSoonUntil) })}</Typography.Text>}
      >
        <Space wrap style={{ marginBottom: 16 }} role="search">
          <Segmented<BoardScope>
            aria-label={b('scope')}
            value={filters.scope}
            onChange={(scope) => set({ scope })}
            options={(['all', 'mine', 'person', 'unit'] as const).map((s) => ({ value: s, label: b(`scopes.${s}`) }))}
          />
          {filters.scope === 'person' && (
            <StaffSelect value={filters.staffId} onChange={(v) => set({ staffId: v as number | undefined })} placeholder={b('person')} aria-label={b('person')} style={{ width: 200 }} />
          )}
          {filters.scope === 'unit' && (
            <>
              <label htmlFor="board-unit">{d('unit')}</label>
              <UnitTreeSelect id="board-unit" value={filters.unitId} onChange={(unitId) => set({ unitId })} placeholder={d('unit')} style={{ width: 200 }} />
              <Checkbox checked={filters.includeSubUnits} onChange={(e) => set({ includeSubUnits: e.target.checked })}>{t('rating.includeSubUnits')}</Checkbox>
            </>
          )}
          <Select allowClear aria-label={d('kind')} placeholder={d('kind')} style={{ width: 150 }} value={filters.kind} onChange={(kind) => set({ kind })}
            options={OBLIGATION_KINDS.map((k) => ({ value: k, label: t(`enums.ObligationKind.${k}`) }))} />
          <DatePicker.RangePicker
            aria-label={b('dueRange')}
            placeholder={[b('dueFrom'), b('dueTo')]}
            value={range}
            onChange={(v) => set({ dueFrom: v?.[0]?.format(dateFormat), dueTo: v?.[1]?.format(dateFormat) })}
          />
          <Select aria-label={b('listSize')} style={{ width: 130 }} value={filters.listSize} onChange={(listSize) => set({ listSize })}
            options={LIST_SIZES.map((n) => ({ value: n, label: b('listSizeOption', { count: n }) }))} />
        </Space>
        {board.isError ? (
          <ErrorState error={board.error} onRetry={() => void board.refetch()} />
        ) : !counts ? (
          <Loading />
        ) : (
          <>
            <Row gutter={[12, 12]}>
              {CARD_ORDER.map((state) => (
                <Col key={state} xs={12} md={8} xl={4}>
                  <Card size="small" data-testid={`board-${state}`}>
                    <Statistic title={t(`enums.ObligationState.${state}`)} value={counts[COUNT_KEYS[state]]} styles={{ content: { color: CARD_COLORS[state] } }} />
                  </Card>
                </Col>
              ))}
            </Row>
            <Table
              style={{ marginTop: 12 }}
              size="small"
              rowKey="kind"
              pagination={false}
              aria-label={b('byKind')}
              dataSource={board.data?.byKind}
              columns={[
                { title: d('kind'), dataIndex: 'kind', render: (k: string) => t(`enums.ObligationKind.${k}`) },
                ...CARD_ORDER.map((state) => ({
                  title: t(`enums.ObligationState.${state}`),
                  key: state,
                  width: 100,
                  render: (_: unknown, row: { counts: Counts }) => row.counts[COUNT_KEYS[state]],
                })),
              ]}
            />
          </>
        )}
      </Card>
      <Card>
        <Tabs
          items={[
            ...lists.map(({ key, state }) => ({
              key,
              label: <span data-testid={`tab-${key}`}>{`${t(`enums.ObligationState.${state}`)} (${counts?.[COUNT_KEYS[state]] ?? 0})`}</span>,
              children: (
                <HeadList
                  items={board.data?.[key]}
                  loading={board.isFetching}
                  pending={board.isPending}
                  total={counts?.[COUNT_KEYS[state]] ?? 0}
                />
              ),
            })),
            { key: 'all', label: b('allDeadlines'), children: <AllDeadlines key={JSON.stringify(boardQuery(filters))} filters={filters} meId={me?.id} /> },
          ]}
        />
      </Card>
    </Space>
  );
}

function useColumns() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const d = (key: string) => t(`deadlines.${key}`);
  const mayWrite = can(P.customersWrite);
  return [
    { title: d('customer'), dataIndex: 'customerName', render: (n: string, o: ObligationDto) => <Link to={`/customers/${o.customerId}?tab=filings`}>{n}</Link> },
    { title: d('kind'), dataIndex: 'kind', width: 110, render: (k: string) => t(`enums.ObligationKind.${k}`) },
    { title: d('state'), dataIndex: 'state', width: 90, render: (s: ObligationState) => <ObligationStateTag state={s} /> },
    { title: d('unit'), dataIndex: ['owningUnit', 'name'], width: 120 },
    { title: d('responsible'), dataIndex: ['responsible', 'name'], width: 90 },
    { title: d('dueOn'), dataIndex: 'dueOn', width: 110, render: formatDate },
    { title: d('workingDaysLeft'), key: 'left', width: 110, render: (_: unknown, o: ObligationDto) => <DaysLeft o={o} /> },
    { title: d('metOn'), dataIndex: 'metOn', width: 110, render: formatDate },
    { title: d('reminders'), dataIndex: 'reminderCount', width: 70 },
    { title: t('common.actions'), key: 'actions', width: 170, render: (_: unknown, o: ObligationDto) => <ObligationActions o={o} mayWrite={mayWrite} /> },
  ];
}

/** The head of one of the board's lists; the rest is paged on the "all deadlines" tab. */
function HeadList({ items, loading, pending, total }: { items?: ObligationDto[]; loading: boolean; pending: boolean; total: number }) {
  const { t } = useTranslation();
  const columns = useColumns();
  return (
    <>
      <Table<ObligationDto>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items ?? []}
        locale={{ emptyText: pending ? ' ' : <EmptyState /> }}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={columns}
      />
      {items && total > items.length && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('integration.board.headOf', { shown: items.length, total })}
        </Typography.Text>
      )}
    </>
  );
}

/** Every deadline of the scope, earliest due first, paged on the server (GET /api/v1/obligations). */
function AllDeadlines({ filters, meId }: { filters: BoardFilters; meId?: number }) {
  const { t } = useTranslation();
  const paging = usePaging();
  const [state, setState] = useState<ObligationState | undefined>();
  const columns = useColumns();
  const d = (key: string) => t(`deadlines.${key}`);
  const ownerId = filters.scope === 'mine' ? meId : filters.scope === 'person' ? filters.staffId : undefined;
  const unitId = filters.scope === 'unit' ? filters.unitId : undefined;
  const q = $api.useQuery(
    'get',
    '/api/v1/obligations',
    { params: { query: { ownerId, unitId, includeSubUnits: unitId ? filters.includeSubUnits : undefined, kind: filters.kind, state, page: paging.page, pageSize: paging.pageSize } } },
    { placeholderData: keepPreviousData },
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select allowClear aria-label={d('stateFilter')} placeholder={d('state')} style={{ width: 150 }} value={state}
        onChange={(s) => { setState(s); paging.reset(); }}
        options={OBLIGATION_STATES.map((s) => ({ value: s, label: t(`enums.ObligationState.${s}`) }))} />
      <PagedTable<ObligationDto>
        query={q}
        pagination={paging.pagination}
        rowKey="id"
        size="small"
        scroll={{ x: 1100 }}
        columns={columns}
      />
    </Space>
  );
}
