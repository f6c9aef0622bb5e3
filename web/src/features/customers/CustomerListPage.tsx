import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../components/LinkButton';
import { Link } from 'react-router';
import { $api } from '../../api/client';
import { CUSTOMER_CATEGORIES, CUSTOMER_STATUSES, GRADES, PAGE_SIZES, type CustomerListItem } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { StaffSelect, UnitTreeSelect } from '../../components/OrgPickers';
import { EmptyState, ErrorState } from '../../components/States';
import { P, usePermissions } from '../auth/permissions';
import { CustomerExportButton } from '../integration/exports';
import { customerListParams, useCustomerFilters, type CustomerFilters } from './useCustomerFilters';
import { GradeTag, StatusTag } from './tags';

const SORTABLE = ['name', 'code', 'grade', 'updatedAt'] as const;

export function CustomerListPage() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const { filters, update, reset } = useCustomerFilters();
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);

  const list = $api.useQuery('get', '/api/v1/customers', customerListParams(filters), { placeholderData: keepPreviousData });

  const sortField = filters.sort?.replace(/^-/, '');
  const sortOrder = filters.sort ? (filters.sort.startsWith('-') ? 'descend' : 'ascend') : undefined;
  const sorted = (key: string) => (sortField === key ? sortOrder : null);

  const columns: TableProps<CustomerListItem>['columns'] = [
    { title: t('customer.fields.code'), dataIndex: 'code', key: 'code', sorter: true, sortOrder: sorted('code'), width: 120 },
    {
      title: t('customer.fields.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sorted('name'),
      render: (name: string, row) => (
        <Space>
          <Link to={`/customers/${row.id}`}>{name}</Link>
          {row.archived && <Tag>{t('customer.fields.archived')}</Tag>}
        </Space>
      ),
    },
    { title: t('customer.fields.grade'), dataIndex: 'grade', key: 'grade', sorter: true, sortOrder: sorted('grade'), width: 90, render: (g?: string | null) => <GradeTag grade={g} /> },
    { title: t('customer.fields.status'), dataIndex: 'status', key: 'status', width: 90, render: (s) => <StatusTag status={s} /> },
    { title: t('customer.fields.category'), dataIndex: 'category', key: 'category', width: 120, render: (c: string) => t(`enums.CustomerCategory.${c}`) },
    { title: t('customer.fields.region'), dataIndex: 'region', key: 'region', width: 90, render: (r?: string | null) => r ?? '—' },
    { title: t('customer.fields.owningUnit'), dataIndex: 'owningUnitName', key: 'owningUnitName', width: 140 },
    { title: t('customer.fields.owner'), dataIndex: 'ownerName', key: 'ownerName', width: 100 },
    { title: t('customer.fields.updatedAt'), dataIndex: 'updatedAt', key: 'updatedAt', sorter: true, sortOrder: sorted('updatedAt'), width: 150, render: formatDateTime },
  ];

  const onTableChange: TableProps<CustomerListItem>['onChange'] = (pagination, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.columnKey as (typeof SORTABLE)[number] | undefined;
    const sort = s?.order && key && SORTABLE.includes(key) ? (s.order === 'descend' ? `-${key}` : key) : undefined;
    const patch: Partial<CustomerFilters> = { sort };
    const pageSize = pagination.pageSize ?? filters.pageSize;
    if (sort === filters.sort && pageSize === filters.pageSize) patch.page = pagination.current ?? 1;
    patch.pageSize = pageSize;
    update(patch);
  };

  const data = list.data;
  const enumOptions = (name: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`enums.${name}.${v}`) }));

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('customer.list')}</Typography.Title>}
      extra={
        <Space>
          {can(P.customersExport) && <CustomerExportButton filters={filters} />}
          {can(P.customersWrite) && (
            <LinkButton to="/customers/new" type="primary" icon={<PlusOutlined />}>{t('customer.new')}</LinkButton>
          )}
        </Space>
      }
    >
      <Flex wrap gap={8} style={{ marginBottom: 16 }} role="search">
        <Input.Search
          aria-label={t('common.search')}
          placeholder={t('customer.searchPlaceholder')}
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(value) => update({ q: value.trim() || undefined })}
          style={{ width: 360 }}
          enterButton
        />
        <Select aria-label={t('customer.fields.grade')} placeholder={t('customer.fields.grade')} allowClear style={{ width: 110 }}
          value={filters.grade} onChange={(grade) => update({ grade })} options={GRADES.map((g) => ({ value: g, label: g }))} />
        <Select aria-label={t('customer.fields.status')} placeholder={t('customer.fields.status')} allowClear style={{ width: 120 }}
          value={filters.status} onChange={(status) => update({ status })} options={enumOptions('CustomerStatus', CUSTOMER_STATUSES)} />
        <Select aria-label={t('customer.fields.category')} placeholder={t('customer.fields.category')} allowClear style={{ width: 140 }}
          value={filters.category} onChange={(category) => update({ category })} options={enumOptions('CustomerCategory', CUSTOMER_CATEGORIES)} />
        <UnitTreeSelect placeholder={t('customer.fields.owningUnit')} value={filters.unitId} onChange={(unitId) => update({ unitId })} style={{ width: 180 }} />
        <StaffSelect placeholder={t('customer.fields.owner')} value={filters.ownerId} onChange={(v) => update({ ownerId: v as number | undefined })} style={{ width: 180 }} />
        <Input.Search aria-label={t('customer.fields.region')} placeholder={t('customer.fields.region')} allowClear style={{ width: 130 }}
          defaultValue={filters.region} key={`region-${filters.region ?? ''}`} onSearch={(v) => update({ region: v.trim() || undefined })} />
        <Input.Search aria-label={t('customer.fields.tags')} placeholder={t('customer.fields.tags')} allowClear style={{ width: 130 }}
          defaultValue={filters.tag} key={`tag-${filters.tag ?? ''}`} onSearch={(v) => update({ tag: v.trim() || undefined })} />
        <Select aria-label={t('customer.fields.archived')} style={{ width: 120 }} value={filters.archived ? 'true' : 'false'}
          onChange={(v) => update({ archived: v === 'true' || undefined })}
          options={[{ value: 'false', label: t('customer.fields.activeOnly') }, { value: 'true', label: t('customer.fields.onlyArchived') }]} />
        <Button onClick={() => { setQ(''); reset(); }}>{t('common.reset')}</Button>
      </Flex>

      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<CustomerListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={list.isFetching}
          onChange={onTableChange}
          scroll={{ x: 1000 }}
          locale={{
            emptyText: list.isPending ? ' ' : (
              <EmptyState>
                {filters.q && (
                  <Link to={`/access/lookup?name=${encodeURIComponent(filters.q)}`}>{t('customer.notFoundHint')}</Link>
                )}
              </EmptyState>
            ),
          }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total) => (data?.totalIsCapped ? t('common.totalCapped', { total }) : t('common.total', { total })),
          }}
        />
      )}
    </Card>
  );
}
