import { keepPreviousData } from '@tanstack/react-query';
import { Button, Card, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { $api } from '../../api/client';
import { formatDate } from '../../components/format';
import { StaffSelect, UnitTreeSelect } from '../../components/OrgPickers';
import { PagedTable } from '../../components/PagedTable';
import { P, usePermissions } from '../auth/permissions';
import { usePaging } from '../access/usePaging';
import { ComplaintDrawer, ComplaintStatusTag, SubstantiatedTag } from './ComplaintDrawer';
import { COMPLAINT_STATUSES, type ComplaintDto, type ComplaintStatus } from './types';

interface Filters {
  status?: ComplaintStatus;
  year?: number;
  responsibleUnitId?: number;
  responsibleStaffId?: number;
  substantiated?: boolean;
}

/** 客户投诉: complaints about every customer the person may see, newest first, filtered and paged by the server. */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const paging = usePaging();
  const [filters, setFilters] = useState<Filters>({});
  const [open, setOpen] = useState<{ customerId: number; complaintId: number } | null>(null);
  const set = (patch: Partial<Filters>) => { setFilters((f) => ({ ...f, ...patch })); paging.reset(); };
  const q = $api.useQuery('get', '/api/v1/complaints', { params: { query: { ...filters, page: paging.page, pageSize: paging.pageSize } } }, { placeholderData: keepPreviousData });
  const f = (key: string) => t(`complaint.${key}`);
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('kpi.nav.complaints')}</Typography.Title>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Select allowClear aria-label={f('filterStatus')} placeholder={f('status')} style={{ width: 140 }} value={filters.status} onChange={(status) => set({ status })}
            options={COMPLAINT_STATUSES.map((s) => ({ value: s, label: f(`statuses.${s}`) }))} />
          <InputNumber aria-label={f('year')} placeholder={f('year')} style={{ width: 120 }} min={2000} max={2100} value={filters.year} onChange={(v) => set({ year: v ?? undefined })} />
          <UnitTreeSelect value={filters.responsibleUnitId} onChange={(responsibleUnitId) => set({ responsibleUnitId })} placeholder={f('filterUnit')} style={{ width: 200 }} />
          <StaffSelect value={filters.responsibleStaffId} onChange={(v) => set({ responsibleStaffId: v as number | undefined })} placeholder={f('responsibleStaff')} aria-label={f('filterStaff')} style={{ width: 180 }} />
          <Select allowClear aria-label={f('filterSubstantiated')} placeholder={f('substantiated')} style={{ width: 130 }} value={filters.substantiated} onChange={(substantiated) => set({ substantiated })}
            options={[{ value: true, label: f('substantiatedYes') }, { value: false, label: f('substantiatedNo') }]} />
        </Space>
        <PagedTable<ComplaintDto>
          query={q}
          pagination={paging.pagination}
          rowKey="id"
          size="small"
          scroll={{ x: 1000 }}
          columns={[
            { title: f('receivedOn'), dataIndex: 'receivedOn', width: 110, render: formatDate },
            { title: f('customer'), dataIndex: 'customerName', render: (n: string, c) => <Link to={`/customers/${c.customerId}?tab=complaints`}>{n}</Link> },
            { title: f('subject'), dataIndex: 'subject', render: (s: string, c) => <Button type="link" style={{ padding: 0 }} onClick={() => setOpen({ customerId: c.customerId, complaintId: c.id })}>{s}</Button> },
            { title: f('status'), dataIndex: 'status', width: 100, render: (s: ComplaintStatus) => <ComplaintStatusTag status={s} /> },
            { title: f('unit'), dataIndex: ['unit', 'name'], width: 120 },
            { title: f('substantiated'), dataIndex: 'substantiated', width: 90, render: (v?: boolean | null) => <SubstantiatedTag value={v} /> },
            { title: f('responsibleUnit'), key: 'ru', width: 120, render: (_, c) => c.responsibleUnit?.name ?? '—' },
            { title: f('responsibleStaff'), key: 'rs', width: 90, render: (_, c) => c.responsibleStaff?.name ?? '—' },
          ]}
        />
      </Space>
      <ComplaintDrawer target={open} mayHandle={can(P.complaintsManage)} onClose={() => setOpen(null)} />
    </Card>
  );
}
