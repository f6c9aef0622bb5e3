import { PlayCircleOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Button, Card, Checkbox, DatePicker, Form, Input, Modal, Progress, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { $api, api } from '../../api/client';
import { CUSTOMER_CATEGORIES, CUSTOMER_STATUSES, GRADES, type RatingRunDto, type RatingRunStatus } from '../../api/types';
import { formatDate, formatDateTime } from '../../components/format';
import { StaffSelect, UnitTreeSelect } from '../../components/OrgPickers';
import { EmptyState, ErrorState } from '../../components/States';
import { useRun } from '../../components/useRun';
import { P, usePermissions } from '../auth/permissions';
import { usePaging } from '../access/usePaging';

const STATUS_COLORS: Record<RatingRunStatus, string> = { Queued: 'default', Running: 'processing', Reviewing: 'orange', Completed: 'green', Cancelled: 'default', Failed: 'red' };

export function RunStatusTag({ status }: { status: RatingRunStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`enums.RatingRunStatus.${status}`)}</Tag>;
}

/** 评级: the rating runs, newest first, and starting one. */
export function RunsPage() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const paging = usePaging();
  const [status, setStatus] = useState<RatingRunStatus | undefined>();
  const [starting, setStarting] = useState(false);
  const q = $api.useQuery('get', '/api/v1/grading/runs', { params: { query: { status, page: paging.page, pageSize: paging.pageSize } } }, { placeholderData: keepPreviousData });
  const r = (key: string) => t(`rating.${key}`);
  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('nav.ratingRuns')}</Typography.Title>}
      extra={can(P.classificationRun) && <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => setStarting(true)}>{r('start')}</Button>}
    >
      <Select
        allowClear
        aria-label={r('status')}
        placeholder={r('status')}
        style={{ width: 160, marginBottom: 12 }}
        value={status}
        onChange={(v) => { setStatus(v); paging.reset(); }}
        options={(['Queued', 'Running', 'Reviewing', 'Completed', 'Cancelled', 'Failed'] as const).map((s) => ({ value: s, label: t(`enums.RatingRunStatus.${s}`) }))}
      />
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<RatingRunDto>
          rowKey="id"
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
          pagination={paging.pagination(q.data?.total)}
          columns={[
            { title: '#', dataIndex: 'id', width: 60, render: (id: number) => <Link to={`/classification/runs/${id}`}>{id}</Link> },
            { title: r('scheme'), key: 'scheme', render: (_, x) => `${x.scheme.name} v${x.scheme.version}` },
            { title: r('asOf'), dataIndex: 'asOf', render: formatDate },
            { title: r('status'), dataIndex: 'status', render: (s: RatingRunStatus) => <RunStatusTag status={s} /> },
            { title: r('progress'), key: 'progress', width: 180, render: (_, x) => <Progress percent={Math.floor(x.percent)} size="small" /> },
            { title: r('changes'), key: 'changes', render: (_, x) => `${x.counts.changes} / ${x.counts.overridden}` },
            { title: r('createdBy'), dataIndex: ['createdBy', 'name'] },
            { title: r('createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          ]}
        />
      )}
      <StartRunModal open={starting} onClose={() => setStarting(false)} />
    </Card>
  );
}

interface StartValues {
  scheme?: string;
  asOf?: Dayjs | null;
  unitId?: number;
  includeSubUnits: boolean;
  ownerId?: number;
  grade?: string;
  status?: (typeof CUSTOMER_STATUSES)[number];
  category?: (typeof CUSTOMER_CATEGORIES)[number];
  region?: string;
  tag?: string;
}

function StartRunModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<StartValues>();
  const { run, busy } = useRun();
  const schemes = $api.useQuery('get', '/api/v1/grading/schemes', {}, { enabled: open });
  const r = (key: string) => t(`rating.${key}`);
  const start = async (v: StartValues) => {
    let id: number | undefined;
    const blank = (s?: string) => (s?.trim() ? s.trim() : null);
    const ok = await run(
      async () => {
        const result = await api.POST('/api/v1/grading/runs', {
          body: {
            scheme: v.scheme ?? null,
            asOf: v.asOf ? v.asOf.format('YYYY-MM-DD') : null,
            filter: {
              unitId: v.unitId ?? null,
              includeSubUnits: v.includeSubUnits,
              ownerId: v.ownerId ?? null,
              grade: v.grade ?? null,
              status: v.status,
              category: v.category,
              region: blank(v.region),
              tag: blank(v.tag),
            },
          },
        });
        id = result.data?.id;
        return result;
      },
      { success: r('started'), invalidate: ['/api/v1/grading/runs'] },
    );
    if (ok && id !== undefined) {
      onClose();
      navigate(`/classification/runs/${id}`);
    }
  };
  return (
    <Modal open={open} title={r('start')} okText={r('startButton')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={start} name="start-run" initialValues={{ includeSubUnits: true }}>
        <Form.Item name="scheme" label={r('scheme')}>
          <Select allowClear placeholder={t('grading.defaultScheme')} loading={schemes.isPending} options={(schemes.data ?? []).map((s) => ({ value: s.code, label: `${s.name}（${s.code}）` }))} />
        </Form.Item>
        <Form.Item name="asOf" label={r('asOf')}><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Typography.Text type="secondary">{r('filter')}</Typography.Text>
        <Form.Item name="unitId" label={t('customer.fields.owningUnit')}><UnitTreeSelect /></Form.Item>
        <Form.Item name="includeSubUnits" valuePropName="checked"><Checkbox>{r('includeSubUnits')}</Checkbox></Form.Item>
        <Form.Item name="ownerId" label={t('customer.fields.owner')}><StaffSelect /></Form.Item>
        <Form.Item name="grade" label={t('customer.fields.grade')}><Select allowClear options={GRADES.map((g) => ({ value: g, label: g }))} /></Form.Item>
        <Form.Item name="status" label={t('customer.fields.status')}><Select allowClear options={CUSTOMER_STATUSES.map((s) => ({ value: s, label: t(`enums.CustomerStatus.${s}`) }))} /></Form.Item>
        <Form.Item name="category" label={t('customer.fields.category')}><Select allowClear options={CUSTOMER_CATEGORIES.map((s) => ({ value: s, label: t(`enums.CustomerCategory.${s}`) }))} /></Form.Item>
        <Form.Item name="region" label={t('customer.fields.region')}><Input /></Form.Item>
        <Form.Item name="tag" label={r('tag')}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}
