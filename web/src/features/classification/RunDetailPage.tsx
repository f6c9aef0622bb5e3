import { keepPreviousData } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Progress, Select, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { $api, api } from '../../api/client';
import type { RatingProposalDto } from '../../api/types';
import { formatDate, formatDateTime } from '../../components/format';
import { EmptyState, ErrorState, Loading, PageNotFound } from '../../components/States';
import { useRun } from '../../components/useRun';
import { P, usePermissions } from '../auth/permissions';
import { usePaging } from '../access/usePaging';
import { GradeTag } from '../customers/tags';
import { DirectionTag } from './GradeTab';
import { Explanation } from './Explanation';
import { RunStatusTag } from './RunsPage';

/** How often a running run's progress is read. */
export const RUN_POLL_MS = 1000;

export function RunDetailPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) return <PageNotFound />;
  return <RunDetail id={id} />;
}

function RunDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const { run: act, busy } = useRun();
  const q = $api.useQuery('get', '/api/v1/grading/runs/{id}', { params: { path: { id } } }, {
    refetchInterval: (query) => (query.state.data && ['Queued', 'Running'].includes(query.state.data.status) ? RUN_POLL_MS : false),
  });
  const r = (key: string, o?: Record<string, unknown>) => t(`rating.${key}`, o ?? {});
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const run = q.data;
  const active = run.status === 'Queued' || run.status === 'Running';
  const filter = Object.entries(run.filter).filter(([, v]) => v !== null && v !== undefined && v !== false).map(([k, v]) => `${k}=${String(v)}`).join('，');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={<Typography.Title level={4} style={{ margin: 0 }}>{r('runTitle', { id: run.id })} <RunStatusTag status={run.status} /></Typography.Title>}
        extra={
          can(P.classificationRun) && (active || run.status === 'Reviewing') && (
            <Popconfirm title={r('cancelConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')}
              onConfirm={() => act(() => api.POST('/api/v1/grading/runs/{id}/cancel', { params: { path: { id } } }), { success: r('cancelled'), invalidate: ['/api/v1/grading/runs/{id}', '/api/v1/grading/runs'] })}>
              <Button danger loading={busy}>{r('cancel')}</Button>
            </Popconfirm>
          )
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={r('scheme')}>{`${run.scheme.name} v${run.scheme.version}`}</Descriptions.Item>
          <Descriptions.Item label={r('asOf')}>{formatDate(run.asOf)}</Descriptions.Item>
          <Descriptions.Item label={r('filter')}>{filter || t('common.all')}</Descriptions.Item>
          <Descriptions.Item label={r('createdBy')}>{`${run.createdBy.name} ${formatDateTime(run.createdAt)}`}</Descriptions.Item>
        </Descriptions>
        <Progress
          aria-label={r('progress')}
          percent={Math.floor(run.percent)}
          status={run.status === 'Failed' ? 'exception' : active ? 'active' : undefined}
        />
        <Typography.Text type="secondary" data-testid="run-progress" style={{ display: 'block' }}>
          {r('done', { done: run.done, total: run.total })}
          {active && run.etaSeconds != null && ` · ${r('eta', { seconds: run.etaSeconds })}`}
        </Typography.Text>
        {run.error && <Alert type="error" showIcon title={run.error} style={{ marginTop: 12 }} />}
        {!active && (
          <Space size="large" style={{ marginTop: 16 }} wrap>
            <Statistic title={r('counts.changes')} value={run.counts.changes} />
            <Statistic title={r('counts.unchanged')} value={run.counts.unchanged} />
            <Statistic title={r('counts.overridden')} value={run.counts.overridden} />
            <Statistic title={r('counts.approved')} value={run.counts.approved} />
            <Statistic title={r('counts.rejected')} value={run.counts.rejected} />
            <Statistic title={r('counts.pending')} value={run.counts.pending} />
          </Space>
        )}
      </Card>
      {!active && run.status !== 'Failed' && (
        <Card>
          <Tabs
            items={[
              { key: 'Change', label: `${r('changeList')} (${run.counts.changes})`, children: <Proposals runId={id} kind="Change" reviewing={run.status === 'Reviewing'} /> },
              { key: 'Overridden', label: `${r('overriddenList')} (${run.counts.overridden})`, children: <Proposals runId={id} kind="Overridden" reviewing={run.status === 'Reviewing'} /> },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}

function Proposals({ runId, kind, reviewing }: { runId: number; kind: 'Change' | 'Overridden'; reviewing: boolean }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const paging = usePaging();
  const { run, busy } = useRun();
  const [direction, setDirection] = useState<'Upgrade' | 'Downgrade' | undefined>();
  const [decision, setDecision] = useState<'Pending' | 'Approved' | 'Rejected' | undefined>();
  const [selected, setSelected] = useState<number[]>([]);
  const [rejecting, setRejecting] = useState<'all' | 'some' | null>(null);
  const [form] = Form.useForm<{ note?: string }>();
  const q = $api.useQuery(
    'get',
    '/api/v1/grading/runs/{id}/proposals',
    { params: { path: { id: runId }, query: { kind, direction, decision, page: paging.page, pageSize: paging.pageSize } } },
    { placeholderData: keepPreviousData },
  );
  const r = (key: string, o?: Record<string, unknown>) => t(`rating.${key}`, o ?? {});
  const { modal } = App.useApp();
  const mayDecide = reviewing && can(P.classificationApprove);

  const decide = async (d: 'Approve' | 'Reject', all: boolean, note?: string) => {
    let report: { approved: number; rejected: number; stale: number } | undefined;
    const ok = await run(
      async () => {
        const result = await api.POST('/api/v1/grading/runs/{id}/decisions', {
          params: { path: { id: runId } },
          body: { decision: d, all, customerIds: all ? null : selected, includeOverridden: kind === 'Overridden', note: note?.trim() || null },
        });
        report = result.data;
        return result;
      },
      { invalidate: ['/api/v1/grading/runs/{id}', '/api/v1/grading/runs/{id}/proposals', '/api/v1/grading/runs'] },
    );
    if (ok && report) {
      setSelected([]);
      setRejecting(null);
      modal.info({ title: r('decided'), content: r('decidedDetail', report) });
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear aria-label={r('direction')} placeholder={r('direction')} style={{ width: 140 }} value={direction}
          onChange={(v) => { setDirection(v); paging.reset(); }}
          options={(['Upgrade', 'Downgrade'] as const).map((d) => ({ value: d, label: t(`enums.GradeDirection.${d}`) }))} />
        <Select allowClear aria-label={r('decision')} placeholder={r('decision')} style={{ width: 140 }} value={decision}
          onChange={(v) => { setDecision(v); paging.reset(); }}
          options={(['Pending', 'Approved', 'Rejected'] as const).map((d) => ({ value: d, label: t(`enums.ProposalDecision.${d}`) }))} />
        {mayDecide && (
          <>
            <Button type="primary" disabled={!selected.length} loading={busy} onClick={() => void decide('Approve', false)}>{r('approveSelected', { count: selected.length })}</Button>
            <Button danger disabled={!selected.length} onClick={() => setRejecting('some')}>{r('rejectSelected', { count: selected.length })}</Button>
            <Popconfirm title={r('approveAllConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => decide('Approve', true)}>
              <Button loading={busy}>{r('approveAll')}</Button>
            </Popconfirm>
            <Button danger onClick={() => setRejecting('all')}>{r('rejectAll')}</Button>
          </>
        )}
      </Space>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<RatingProposalDto>
          rowKey="customerId"
          size="small"
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
          pagination={paging.pagination(q.data?.total)}
          rowSelection={mayDecide ? {
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as number[]),
            getCheckboxProps: (p) => ({ disabled: p.decision !== 'Pending', 'aria-label': p.customerName }),
          } : undefined}
          expandable={{ expandedRowRender: (p) => <Explanation result={p.explanation} /> }}
          columns={[
            { title: t('customer.fields.code'), dataIndex: 'customerCode', width: 110 },
            { title: t('customer.fields.name'), dataIndex: 'customerName', render: (n: string, p) => <Link to={`/customers/${p.customerId}`}>{n}</Link> },
            { title: t('customer.fields.owner'), dataIndex: ['owner', 'name'], width: 90 },
            { title: r('fromTo'), key: 'fromTo', width: 110, render: (_, p) => <>{p.fromGrade ?? '—'} → <GradeTag grade={p.toGrade} /></> },
            { title: r('direction'), dataIndex: 'direction', width: 90, render: (d: string) => <DirectionTag direction={d} /> },
            { title: r('reason'), key: 'reason', render: (_, p) => p.explanation.rule?.ruleName ?? (p.explanation.score ? r('scoreShort', { total: p.explanation.score.total.toFixed(1) }) : t('grading.basisDefault')) },
            { title: r('decision'), dataIndex: 'decision', width: 90, render: (d: string) => t(`enums.ProposalDecision.${d}`) },
          ]}
        />
      )}
      <Modal
        open={rejecting !== null}
        title={rejecting === 'all' ? r('rejectAll') : r('rejectSelected', { count: selected.length })}
        okText={r('reject')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setRejecting(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="reject" onFinish={(v) => decide('Reject', rejecting === 'all', v.note)}>
          <Form.Item name="note" label={r('note')} rules={[{ required: rejecting === 'some', whitespace: true, message: r('noteRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
