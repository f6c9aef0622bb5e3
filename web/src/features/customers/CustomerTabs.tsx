import { keepPreviousData } from '@tanstack/react-query';
import { Descriptions, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../api/client';
import type { CustomerHistoryDto, KeyPersonDto, ReadLogEntryDto } from '../../api/types';
import { formatDate, formatDateTime, formatMoney } from '../../components/format';
import { EmptyState, ErrorState } from '../../components/States';
import { PAGE_SIZES } from '../../api/types';

export function KeyPersonsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const q = $api.useQuery('get', '/api/v1/customers/{customerId}/key-persons', { params: { path: { customerId } } });
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const k = (key: string) => t(`customer.keyPerson.${key}`);
  return (
    <Table<KeyPersonDto>
      rowKey="id"
      size="small"
      loading={q.isPending}
      dataSource={q.data ?? []}
      pagination={false}
      locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
      columns={[
        { title: k('name'), dataIndex: 'name' },
        { title: k('title'), dataIndex: 'title', render: (v?: string | null) => v ?? '—' },
        { title: k('level'), dataIndex: 'level', render: (v: string) => t(`enums.KeyPersonLevel.${v}`) },
        { title: k('phone'), dataIndex: 'phone', render: (v?: string | null) => v ?? '—' },
        { title: k('email'), dataIndex: 'email', render: (v?: string | null) => v ?? '—' },
        { title: k('birthday'), dataIndex: 'birthday', render: formatDate },
        { title: '', dataIndex: 'masked', render: (m: boolean) => (m ? <Tag>{k('masked')}</Tag> : null) },
      ]}
    />
  );
}

export function HistoryTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const q = $api.useQuery(
    'get',
    '/api/v1/customers/{id}/history',
    { params: { path: { id: customerId }, query: { page, pageSize } } },
    { placeholderData: keepPreviousData },
  );
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const h = (key: string) => t(`customer.history.${key}`);
  const fieldLabel = (field: string) => {
    const key = `customer.fields.${field}`;
    return t(key) === key ? field : t(key);
  };
  return (
    <Table<CustomerHistoryDto>
      rowKey="id"
      size="small"
      loading={q.isFetching}
      dataSource={q.data?.items ?? []}
      locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
      pagination={{
        current: page,
        pageSize,
        total: q.data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES,
        onChange: (p, s) => {
          setPage(s !== pageSize ? 1 : p);
          setPageSize(s);
        },
      }}
      columns={[
        { title: h('at'), dataIndex: 'at', width: 150, render: formatDateTime },
        { title: h('by'), dataIndex: ['by', 'name'], width: 100 },
        { title: h('action'), dataIndex: 'action', width: 120, render: (a: string) => t(`enums.HistoryAction.${a}`) },
        { title: h('field'), dataIndex: 'field', width: 140, render: fieldLabel },
        { title: h('oldValue'), dataIndex: 'oldValue', render: (v?: string | null) => v ?? '—' },
        { title: h('newValue'), dataIndex: 'newValue', render: (v?: string | null) => v ?? '—' },
      ]}
    />
  );
}

export function FactsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const q = $api.useQuery('get', '/api/v1/customers/{id}/facts', { params: { path: { id: customerId } } });
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const f = (key: string) => t(`customer.facts.${key}`);
  return (
    <>
      {q.data && (
        <Descriptions size="small" style={{ marginBottom: 12 }}>
          <Descriptions.Item label={f('orderAmount')}>{formatMoney(q.data.totals.orderAmount)}</Descriptions.Item>
          <Descriptions.Item label={f('profitContribution')}>{formatMoney(q.data.totals.profitContribution)}</Descriptions.Item>
          <Descriptions.Item label="">
            <Typography.Text>{t("customer.facts.cooperationYears", { count: q.data.cooperationYears })}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Table
        rowKey="month"
        size="small"
        loading={q.isPending}
        dataSource={q.data?.months ?? []}
        pagination={false}
        locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
        columns={[
          { title: f('month'), dataIndex: 'month' },
          { title: f('orderAmount'), dataIndex: 'orderAmount', align: 'right', render: formatMoney },
          { title: f('volume'), dataIndex: 'volume', align: 'right', render: (v: number, row: { volumeUnit: string }) => `${formatMoney(v)} ${row.volumeUnit}` },
          { title: f('profitContribution'), dataIndex: 'profitContribution', align: 'right', render: formatMoney },
          { title: f('daysOverdue'), dataIndex: 'daysOverdue', align: 'right' },
        ]}
      />
    </>
  );
}

export function ReadLogTab({ customerId }: { customerId: number }) {
  return <ReadLogTable customerId={customerId} />;
}

export function ReadLogTable({ customerId, staffId }: { customerId?: number; staffId?: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const q = $api.useQuery(
    'get',
    '/api/v1/access/read-log',
    { params: { query: { customerId, staffId, page, pageSize } } },
    { placeholderData: keepPreviousData },
  );
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const r = (key: string) => t(`access.readLog.${key}`);
  return (
    <Table<ReadLogEntryDto>
      rowKey="id"
      size="small"
      loading={q.isFetching}
      dataSource={q.data?.items ?? []}
      locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
      pagination={{
        current: page,
        pageSize,
        total: q.data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES,
        onChange: (p, s) => {
          setPage(s !== pageSize ? 1 : p);
          setPageSize(s);
        },
      }}
      columns={[
        { title: r('at'), dataIndex: 'at', width: 150, render: formatDateTime },
        { title: r('staff'), dataIndex: 'staffName', width: 100 },
        ...(customerId ? [] : [{ title: r('customer'), dataIndex: 'customerName' }]),
        { title: r('action'), dataIndex: 'action', width: 120, render: (a: string) => t(`enums.ReadAction.${a}`) },
        { title: r('right'), dataIndex: 'right', width: 130 },
        { title: r('client'), dataIndex: 'client', ellipsis: true },
      ]}
    />
  );
}
