import { CalculatorOutlined, DownloadOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { $api, api } from '../../api/client';
import { asProblem, problemStatus } from '../../api/problem';
import { downloadFile } from '../../components/download';
import { formatDateTime, formatMoney } from '../../components/format';
import { StaffSelect, UnitTreeSelect } from '../../components/OrgPickers';
import { EmptyState, ErrorState, Loading, PageNotFound } from '../../components/States';
import { useRun } from '../../components/useRun';
import { usePaging } from '../access/usePaging';
import { P, usePermissions } from '../auth/permissions';
import { KPI_ENTRY_KINDS, KPI_RULES, type KpiEntryDto, type KpiEntryKind, type KpiPeriodDto } from './types';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const LEDGER = ['/api/v1/kpi/periods/{month}', '/api/v1/kpi/periods'];

export function PeriodStatusTag({ status }: { status: KpiPeriodDto['status'] }) {
  const { t } = useTranslation();
  return <Tag color={status === 'Closed' ? 'default' : 'processing'} icon={status === 'Closed' ? <LockOutlined /> : undefined}>{t(`kpi.status.${status}`)}</Tag>;
}

/** The month-end run and the close cover every unit: the server allows them only with kpi.manage over the whole company. */
function useMayRunCompanyMonth() {
  const { me } = usePermissions();
  return me?.permissionScopes[P.kpiManage] === 'All';
}

/** Runs the month-end rules for a month and tells what came out of it. */
function useRunMonth() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { run, busy } = useRun();
  const start = async (month: string) => {
    let period: KpiPeriodDto | undefined;
    const ok = await run(
      async () => {
        const result = await api.POST('/api/v1/kpi/periods/{month}/run', { params: { path: { month } } });
        period = result.data;
        return result;
      },
      { invalidate: LEDGER },
    );
    if (ok && period) {
      modal.success({
        title: t('kpi.runMonth'),
        content: t('kpi.runDone', { month, entries: period.entries, points: period.points, amount: formatMoney(period.amount), runs: period.runs }),
      });
    }
    return ok;
  };
  return { start, busy };
}

/** 月度考核: the KPI months, and running one that is over. */
export function PeriodsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [year, setYear] = useState<number | undefined>();
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month').startOf('month'));
  const { start, busy } = useRunMonth();
  const mayRun = useMayRunCompanyMonth();
  const q = $api.useQuery('get', '/api/v1/kpi/periods', { params: { query: { year } } }, { placeholderData: keepPreviousData });
  const k = (key: string) => t(`kpi.${key}`);
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('kpi.nav.periods')}</Typography.Title>}>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <DatePicker picker="year" aria-label={k('year')} placeholder={k('year')} value={year ? dayjs(`${year}-01-01`) : null} onChange={(d) => setYear(d ? d.year() : undefined)} />
        {mayRun && (
          <Space.Compact>
            <DatePicker picker="month" aria-label={k('month')} allowClear={false} value={month} onChange={(d) => d && setMonth(d)} disabledDate={(d) => !d.isBefore(dayjs(), 'month')} />
            <Button type="primary" icon={<CalculatorOutlined />} loading={busy}
              onClick={async () => { const m = month.format('YYYY-MM'); if (await start(m)) navigate(`/kpi/periods/${m}`); }}>
              {k('runMonth')}
            </Button>
          </Space.Compact>
        )}
      </Space>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<KpiPeriodDto>
          rowKey="month"
          size="small"
          loading={q.isFetching}
          dataSource={q.data ?? []}
          pagination={{ pageSize: 12, hideOnSinglePage: true }}
          locale={{ emptyText: q.isPending ? ' ' : <EmptyState description={k('periodsEmpty')} /> }}
          columns={[
            { title: k('month'), dataIndex: 'month', render: (m: string) => <Link to={`/kpi/periods/${m}`}>{m}</Link> },
            { title: t('complaint.status'), dataIndex: 'status', render: (s: KpiPeriodDto['status']) => <PeriodStatusTag status={s} /> },
            { title: k('runs'), dataIndex: 'runs' },
            { title: k('lastRun'), key: 'lastRun', render: (_, p) => (p.lastRunAt ? `${formatDateTime(p.lastRunAt)} ${p.lastRunBy?.name ?? ''}` : '—') },
            { title: k('closed'), key: 'closed', render: (_, p) => (p.closedAt ? `${formatDateTime(p.closedAt)} ${p.closedBy?.name ?? ''}` : '—') },
            { title: k('entries'), dataIndex: 'entries', align: 'right' },
            { title: k('points'), dataIndex: 'points', align: 'right' },
            { title: k('amount'), dataIndex: 'amount', align: 'right', render: formatMoney },
          ]}
        />
      )}
    </Card>
  );
}

export function PeriodPage() {
  const { month } = useParams();
  if (!month || !MONTH.test(month)) return <PageNotFound />;
  return <Period month={month} />;
}

interface LedgerFilters { unitId?: number; staffId?: number; rule?: string; kind?: KpiEntryKind }

function Period({ month }: { month: string }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const { message } = App.useApp();
  const { start, busy: running } = useRunMonth();
  const { run, busy } = useRun();
  const [filters, setFiltersOnly] = useState<LedgerFilters>({});
  const paging = usePaging();
  // A new filter starts again at the first page.
  const setFilters = (change: (f: LedgerFilters) => LedgerFilters) => {
    setFiltersOnly(change);
    paging.reset();
  };
  const [adding, setAdding] = useState(false);
  const [downloading, setDownloading] = useState<string | null>(null);
  const q = $api.useQuery('get', '/api/v1/kpi/periods/{month}', { params: { path: { month }, query: { ...filters, page: paging.page, pageSize: paging.pageSize } } }, { placeholderData: keepPreviousData });
  const k = (key: string, o?: Record<string, unknown>) => t(`kpi.${key}`, o ?? {});
  const manage = can(P.kpiManage);
  const mayRun = useMayRunCompanyMonth();

  if (q.isPending) return <Loading />;
  if (q.isError) {
    if (problemStatus(q.error) === 404) {
      return (
        <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{k('nav.periods')} · {month}</Typography.Title>}>
          <EmptyState description={k('notRun', { month })}>
            {mayRun && <Button type="primary" icon={<CalculatorOutlined />} loading={running} onClick={() => void start(month)}>{k('runMonth')}</Button>}
          </EmptyState>
        </Card>
      );
    }
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  }
  const { period, entries } = q.data;
  const open = period.status === 'Open';

  const download = async (format: 'csv' | 'xlsx') => {
    setDownloading(format);
    try {
      const name = await downloadFile(`/api/v1/kpi/periods/${month}/export`, { format, ...filters }, `kpi-${month}.${format}`);
      void message.success(k('downloaded', { name }));
    } catch (error) {
      void message.error(asProblem(error)?.detail ?? t('common.networkError'));
    } finally {
      setDownloading(null);
    }
  };
  const close = () => run(() => api.POST('/api/v1/kpi/periods/{month}/close', { params: { path: { month } } }), { success: k('closedDone', { month }), invalidate: LEDGER });
  const remove = (entryId: number) =>
    run(() => api.DELETE('/api/v1/kpi/periods/{month}/adjustments/{entryId}', { params: { path: { month, entryId } } }), { success: k('removed'), invalidate: LEDGER });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={<Typography.Title level={4} style={{ margin: 0 }}>{k('nav.periods')} · {month} <PeriodStatusTag status={period.status} /></Typography.Title>}
        extra={
          <Space wrap>
            {mayRun && open && (
              <Button icon={<CalculatorOutlined />} loading={running} onClick={() => void start(month)}>{k('rerun')}</Button>
            )}
            {mayRun && open && (
              <Popconfirm title={k('closeConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => close()}>
                <Button danger icon={<LockOutlined />} loading={busy}>{k('close')}</Button>
              </Popconfirm>
            )}
            {manage && <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>{k('addAdjustment')}</Button>}
            <Button icon={<DownloadOutlined />} loading={downloading === 'csv'} onClick={() => void download('csv')}>{k('exportCsv')}</Button>
            <Button icon={<DownloadOutlined />} loading={downloading === 'xlsx'} onClick={() => void download('xlsx')}>{k('exportXlsx')}</Button>
          </Space>
        }
      >
        {!open && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={k('closedBanner', { at: formatDateTime(period.closedAt), by: period.closedBy?.name ?? '—' })} />
        )}
        <Space size="large" wrap>
          <Statistic title={k('runs')} value={period.runs} />
          <Statistic title={k('entries')} value={period.entries} />
          <Statistic title={k('points')} value={period.points} />
          <Statistic title={k('amount')} value={formatMoney(period.amount)} />
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={k('lastRun')}>{period.lastRunAt ? `${formatDateTime(period.lastRunAt)} ${period.lastRunBy?.name ?? ''}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={k('closed')}>{period.closedAt ? `${formatDateTime(period.closedAt)} ${period.closedBy?.name ?? ''}` : '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <UnitTreeSelect value={filters.unitId} onChange={(unitId) => setFilters((f) => ({ ...f, unitId }))} placeholder={k('filterUnit')} style={{ width: 200 }} />
          <StaffSelect value={filters.staffId} onChange={(v) => setFilters((f) => ({ ...f, staffId: v as number | undefined }))} placeholder={k('staff')} aria-label={k('filterStaff')} style={{ width: 180 }} />
          <Select allowClear aria-label={k('filterRule')} placeholder={k('rule')} style={{ width: 170 }} value={filters.rule} onChange={(rule) => setFilters((f) => ({ ...f, rule }))}
            options={KPI_RULES.map((r) => ({ value: r, label: k(`rules.${r}`) }))} />
          <Select allowClear aria-label={k('filterKind')} placeholder={k('entryKind')} style={{ width: 130 }} value={filters.kind} onChange={(kind) => setFilters((f) => ({ ...f, kind }))}
            options={KPI_ENTRY_KINDS.map((x) => ({ value: x, label: k(`kind.${x}`) }))} />
        </Space>
        <Table<KpiEntryDto>
          rowKey="id"
          size="small"
          loading={q.isFetching}
          dataSource={entries.items}
          locale={{ emptyText: <EmptyState /> }}
          pagination={{
            ...paging.pagination(entries.total),
            showTotal: (total) => (entries.totalIsCapped ? t('common.totalCapped', { total }) : t('common.total', { total })),
          }}
          scroll={{ x: 1100 }}
          columns={[
            { title: k('unit'), dataIndex: ['unit', 'name'], width: 130 },
            { title: k('staff'), key: 'staff', width: 100, render: (_, e) => e.staff?.name ?? <Typography.Text type="secondary">{k('unitLevel')}</Typography.Text> },
            { title: k('rule'), dataIndex: 'rule', width: 150, render: (r: string) => k(`rules.${r}`, { defaultValue: r }) },
            { title: k('entryKind'), dataIndex: 'kind', width: 90, render: (x: KpiEntryKind) => <Tag color={x === 'Adjustment' ? 'purple' : undefined}>{k(`kind.${x}`)}</Tag> },
            { title: k('points'), dataIndex: 'points', width: 70, align: 'right', render: (p: number) => <Typography.Text type={p < 0 ? 'danger' : undefined}>{p}</Typography.Text> },
            { title: k('amount'), dataIndex: 'amount', width: 100, align: 'right', render: formatMoney },
            { title: k('evidence'), dataIndex: 'evidence', render: (ev: string[], e) => <Evidence items={ev} reason={e.reason} approvedBy={e.approvedBy?.name} /> },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 110,
              render: (_, e) =>
                manage && open && e.kind === 'Adjustment' ? (
                  <Popconfirm title={k('removeConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => remove(e.id)}>
                    <Button size="small" danger>{k('removeAdjustment')}</Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      </Card>
      <AdjustmentModal month={month} open={adding} onClose={() => setAdding(false)} />
    </Space>
  );
}

/** The kind:id pairs an entry rests on; customers link to their archive. */
function Evidence({ items, reason, approvedBy }: { items: string[]; reason?: string | null; approvedBy?: string }) {
  const { t } = useTranslation();
  const pairs = items.flatMap((item) => item.split(',')).filter(Boolean);
  return (
    <Space size={[4, 4]} wrap>
      {pairs.map((pair) => {
        const [kind, value = ''] = pair.split(':');
        const label = `${t(`kpi.evidenceKinds.${kind}`, { defaultValue: kind })} ${kind === 'obligation' || kind === 'customer' || kind === 'complaint' ? '#' : ''}${value}`;
        if (kind === 'customer') return <Link key={pair} to={`/customers/${value}`}><Tag color="blue">{label}</Tag></Link>;
        if (kind === 'obligation') return <Link key={pair} to="/deadlines/board"><Tag color="gold">{label}</Tag></Link>;
        return <Tag key={pair}>{label}</Tag>;
      })}
      {reason && <Typography.Text>{reason}{approvedBy ? `（${t('kpi.approver')}：${approvedBy}）` : ''}</Typography.Text>}
    </Space>
  );
}

interface AdjustmentValues { unitId: number; staffId?: number; rule?: string; points: number; amount?: number; reason: string; approverId: number }

function AdjustmentModal({ month, open, onClose }: { month: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AdjustmentValues>();
  const { run, busy } = useRun();
  const k = (key: string) => t(`kpi.${key}`);
  const save = async (v: AdjustmentValues) => {
    const ok = await run(
      () =>
        api.POST('/api/v1/kpi/periods/{month}/adjustments', {
          params: { path: { month } },
          body: { unitId: v.unitId, staffId: v.staffId ?? null, rule: v.rule ?? null, points: v.points, amount: v.amount ?? 0, reason: v.reason.trim(), approverId: v.approverId },
        }),
      {
        success: t('common.saved'),
        invalidate: LEDGER,
        onProblem: (p) => {
          if (!p.errors) return false;
          form.setFields(Object.entries(p.errors).map(([name, errors]) => ({ name: name as keyof AdjustmentValues, errors })));
          return true;
        },
      },
    );
    if (ok) {
      form.resetFields();
      onClose();
    }
  };
  return (
    <Modal open={open} title={k('addAdjustment')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" name="kpi-adjustment" onFinish={save} initialValues={{ amount: 0 }}>
        <Form.Item name="unitId" label={k('unit')} rules={[{ required: true, message: k('unitRequired') }]}>
          <UnitTreeSelect placeholder={k('unit')} />
        </Form.Item>
        <Form.Item name="staffId" label={k('staff')}>
          <StaffSelect placeholder={k('staff')} aria-label={k('staff')} />
        </Form.Item>
        <Form.Item name="rule" label={k('rule')}>
          <Select allowClear options={KPI_RULES.map((r) => ({ value: r, label: k(`rules.${r}`) }))} />
        </Form.Item>
        <Space>
          <Form.Item name="points" label={k('points')} rules={[{ required: true, message: k('pointsRequired') }]}>
            <InputNumber step={0.5} />
          </Form.Item>
          <Form.Item name="amount" label={k('amount')}>
            <InputNumber step={50} precision={2} />
          </Form.Item>
        </Space>
        <Form.Item name="reason" label={k('reason')} rules={[{ required: true, whitespace: true, message: k('reasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="approverId" label={k('approver')} rules={[{ required: true, message: k('approverRequired') }]}>
          <StaffSelect placeholder={k('approver')} aria-label={k('approver')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
