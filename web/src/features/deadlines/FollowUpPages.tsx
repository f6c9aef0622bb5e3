import { keepPreviousData } from '@tanstack/react-query';
import { Card, Checkbox, DatePicker, InputNumber, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { $api } from '../../api/client';
import { REMINDER_KINDS, type CareTask, type FeedbackQuotaStatus, type FollowUpReminder, type PersonContactDuty, type ReminderDto, type ReminderKind } from '../../api/types';
import { formatDate } from '../../components/format';
import { StaffSelect, UnitTreeSelect } from '../../components/OrgPickers';
import { EmptyState, ErrorState } from '../../components/States';
import { usePaging } from '../access/usePaging';
import { GradeTag } from '../customers/tags';
import { DaysLeft, ObligationStateTag } from './obligations';

const title = (text: string) => <Typography.Title level={4} style={{ margin: 0 }}>{text}</Typography.Title>;
const customerLink = (name: string, id: number, tab?: string) => <Link to={`/customers/${id}${tab ? `?tab=${tab}` : ''}`}>{name}</Link>;

/** 我的提醒: reminders about overdue filings and change reports sent to me. */
export function MyRemindersPage() {
  const { t } = useTranslation();
  const paging = usePaging();
  const q = $api.useQuery('get', '/api/v1/reminders/mine', { params: { query: { page: paging.page, pageSize: paging.pageSize } } }, { placeholderData: keepPreviousData });
  const d = (key: string) => t(`deadlines.${key}`);
  return (
    <Card title={title(t('nav.myReminders'))}>
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : (
        <Table<ReminderDto>
          rowKey="id"
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
          pagination={paging.pagination(q.data?.total)}
          columns={[
            { title: d('remindedOn'), dataIndex: 'remindedOn', width: 110, render: formatDate },
            { title: d('customer'), key: 'customer', render: (_, r) => customerLink(r.obligation.customerName, r.obligation.customerId, 'filings') },
            { title: d('kind'), key: 'kind', render: (_, r) => t(`enums.ObligationKind.${r.obligation.kind}`) },
            { title: d('state'), key: 'state', render: (_, r) => <ObligationStateTag state={r.obligation.state} /> },
            { title: d('dueOn'), key: 'due', render: (_, r) => formatDate(r.obligation.dueOn) },
            { title: d('workingDaysLeft'), key: 'left', render: (_, r) => <DaysLeft o={r.obligation} /> },
          ]}
        />
      )}
    </Card>
  );
}

/** 反馈表配额: per unit and month, how many feedback forms (by grade) against the quota. */
export function QuotasPage() {
  const { t } = useTranslation();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const [unitId, setUnitId] = useState<number | undefined>();
  const q = $api.useQuery('get', '/api/v1/feedback-quotas', { params: { query: { month: month.format('YYYY-MM'), unitId } } });
  const f = (key: string) => t(`feedback.${key}`);
  const byGrade = (m: Record<string, number>) => Object.entries(m).map(([g, n]) => `${g} ${n}`).join(' · ') || '—';
  return (
    <Card title={title(t('nav.quotas'))}>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker picker="month" allowClear={false} value={month} onChange={(v) => v && setMonth(v)} aria-label={f('month')} />
        <UnitTreeSelect value={unitId} onChange={setUnitId} placeholder={t('deadlines.unit')} style={{ width: 200 }} />
      </Space>
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : (
        <Table<FeedbackQuotaStatus>
          rowKey={(r) => r.unit.id}
          loading={q.isFetching}
          dataSource={q.data ?? []}
          pagination={false}
          locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
          columns={[
            { title: t('deadlines.unit'), dataIndex: ['unit', 'name'] },
            { title: f('progress'), key: 'progress', width: 200, render: (_, r) => <Progress size="small" percent={Math.min(100, Math.round((r.total / Math.max(1, r.requiredTotal)) * 100))} format={() => `${r.total} / ${r.requiredTotal}`} status={r.met ? 'success' : 'active'} /> },
            { title: f('byGrade'), key: 'byGrade', render: (_, r) => byGrade(r.byGrade) },
            { title: f('required'), key: 'required', render: (_, r) => byGrade(r.requiredByGrade) },
            { title: f('missing'), key: 'missing', render: (_, r) => (r.met ? <Tag color="green">{f('met')}</Tag> : <Tag color="red">{`${r.missing}（${byGrade(r.missingByGrade)}）`}</Tag>) },
          ]}
        />
      )}
    </Card>
  );
}

/** 自动提醒: customers not followed up, or without purchases, for longer than their grade allows. */
export function FollowUpRemindersPage() {
  const { t } = useTranslation();
  const paging = usePaging();
  const [kind, setKind] = useState<ReminderKind | undefined>();
  const [unitId, setUnitId] = useState<number | undefined>();
  const [ownerId, setOwnerId] = useState<number | undefined>();
  const [includeSubUnits, setIncludeSubUnits] = useState(true);
  const q = $api.useQuery('get', '/api/v1/follow-up-reminders', { params: { query: { kind, unitId, ownerId, includeSubUnits, page: paging.page, pageSize: paging.pageSize } } }, { placeholderData: keepPreviousData });
  const f = (key: string) => t(`followUp.${key}`);
  return (
    <Card title={title(t('nav.followUpReminders'))}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear aria-label={f('kind')} placeholder={f('kind')} style={{ width: 160 }} value={kind} onChange={(v) => { setKind(v); paging.reset(); }} options={REMINDER_KINDS.map((k) => ({ value: k, label: t(`enums.ReminderKind.${k}`) }))} />
        <UnitTreeSelect value={unitId} onChange={(v) => { setUnitId(v); paging.reset(); }} placeholder={t('deadlines.unit')} style={{ width: 200 }} />
        <Checkbox checked={includeSubUnits} onChange={(e) => setIncludeSubUnits(e.target.checked)}>{t('rating.includeSubUnits')}</Checkbox>
        <StaffSelect value={ownerId} onChange={(v) => { setOwnerId(v as number | undefined); paging.reset(); }} placeholder={t('customer.fields.owner')} style={{ width: 180 }} />
      </Space>
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : (
        <Table<FollowUpReminder>
          rowKey={(r) => `${r.customerId}-${r.kind}`}
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
          pagination={paging.pagination(q.data?.total)}
          columns={[
            { title: t('customer.fields.name'), dataIndex: 'customerName', render: (n: string, r) => customerLink(n, r.customerId, 'activities') },
            { title: t('customer.fields.grade'), dataIndex: 'grade', width: 60, render: (g?: string | null) => <GradeTag grade={g} /> },
            { title: t('customer.fields.owner'), dataIndex: ['owner', 'name'], width: 90 },
            { title: f('kind'), dataIndex: 'kind', render: (k: string) => t(`enums.ReminderKind.${k}`) },
            { title: f('last'), dataIndex: 'last', render: formatDate },
            { title: f('daysSince'), key: 'days', render: (_, r) => (r.daysSince != null ? `${r.daysSince} / ${r.thresholdDays ?? '—'}` : '—') },
          ]}
        />
      )}
    </Card>
  );
}

/** 关怀: festivals ahead and key persons' birthdays and anniversaries. */
export function CareTasksPage() {
  const { t } = useTranslation();
  const [days, setDays] = useState(30);
  const q = $api.useQuery('get', '/api/v1/care-tasks', { params: { query: { days } } });
  const c = (key: string) => t(`care.${key}`);
  return (
    <Card title={title(t('nav.careTasks'))} extra={<Space>{c('days')}<InputNumber min={1} max={366} value={days} onChange={(v) => v && setDays(v)} aria-label={c('days')} /></Space>}>
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : (
        <Table<CareTask>
          rowKey={(r) => `${r.date}-${r.kind}-${r.keyPersonId ?? r.title}`}
          loading={q.isFetching}
          dataSource={q.data?.tasks ?? []}
          pagination={false}
          locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
          columns={[
            { title: c('date'), dataIndex: 'date', width: 110, render: formatDate },
            { title: c('daysAway'), dataIndex: 'daysAway', width: 80 },
            { title: c('kind'), dataIndex: 'kind', width: 90, render: (k: string) => <Tag>{t(`enums.CareTaskKind.${k}`)}</Tag> },
            { title: c('title'), dataIndex: 'title' },
            { title: t('customer.fields.name'), key: 'customer', render: (_, r) => (r.customerId ? customerLink(r.customerName ?? '', r.customerId) : r.customers ? Object.entries(r.customers).map(([g, n]) => `${g} ${n}`).join(' · ') : '—') },
            { title: c('keyPerson'), dataIndex: 'keyPersonName', render: (v?: string | null) => v ?? '—' },
            { title: t('customer.fields.owner'), dataIndex: ['owner', 'name'], render: (v?: string) => v ?? '—' },
          ]}
        />
      )}
    </Card>
  );
}

/** 联系频次: my contact duties over the customers I may see, most missing first. */
export function ContactDutiesPage() {
  const { t } = useTranslation();
  const paging = usePaging();
  const [onlyMissing, setOnlyMissing] = useState(true);
  const q = $api.useQuery('get', '/api/v1/contact-duties', { params: { query: { onlyMissing, page: paging.page, pageSize: paging.pageSize } } }, { placeholderData: keepPreviousData });
  const c = (key: string) => t(`contactDuty.${key}`);
  return (
    <Card title={title(t('nav.contactDuties'))} extra={<Checkbox checked={onlyMissing} onChange={(e) => { setOnlyMissing(e.target.checked); paging.reset(); }}>{c('onlyMissing')}</Checkbox>}>
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : (
        <Table<PersonContactDuty>
          rowKey={(r) => `${r.customerId}-${r.role}-${r.kind}`}
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
          pagination={paging.pagination(q.data?.total)}
          columns={[
            { title: t('customer.fields.name'), dataIndex: 'customerName', render: (n: string, r) => customerLink(n, r.customerId, 'contactDuties') },
            { title: t('customer.fields.grade'), dataIndex: 'grade', width: 60, render: (g: string) => <GradeTag grade={g} /> },
            { title: c('role'), dataIndex: 'role', render: (r: string) => t(`enums.ContactRole.${r}`) },
            { title: c('kind'), dataIndex: 'kind', render: (k: string) => t(`enums.ContactKind.${k}`) },
            { title: c('required'), key: 'required', render: (_, r) => t('contactDuty.perPeriod', { count: r.required, period: t(`enums.ContactPeriod.${r.period}`) }) },
            { title: c('period'), key: 'period', render: (_, r) => `${formatDate(r.periodFrom)} ~ ${formatDate(r.periodTo)}` },
            { title: c('done'), dataIndex: 'done' },
            { title: c('missing'), dataIndex: 'missing', render: (m: number) => (m > 0 ? <Tag color="red">{m}</Tag> : <Tag color="green">0</Tag>) },
          ]}
        />
      )}
    </Card>
  );
}

