import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Dropdown, Modal, Progress, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api, api } from '../../api/client';
import type { components } from '../../api/schema';
import { download } from '../../components/download';
import { formatDateTime } from '../../components/format';
import { EmptyState, ErrorState } from '../../components/States';
import { useRun } from '../../components/useRun';
import type { CustomerFilters } from '../customers/useCustomerFilters';

type ExportJob = components['schemas']['ExportJobDto'];
type ExportStatus = components['schemas']['ExportJobStatus'];
type Format = 'csv' | 'xlsx';

/** How often a running export job's progress is read. */
export const EXPORT_POLL_MS = 1000;
const STATUS_COLORS: Record<ExportStatus, string> = { Queued: 'default', Running: 'processing', Succeeded: 'success', Failed: 'error' };

export function ExportStatusTag({ status }: { status: ExportStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`integration.export.statuses.${status}`)}</Tag>;
}

const downloadJobFile = (job: Pick<ExportJob, 'id' | 'fileName'>) =>
  download(() => api.GET('/api/v1/customers/exports/{id}/file', { params: { path: { id: job.id } }, parseAs: 'blob', headers: { Accept: '*/*' } }), job.fileName);

/**
 * 导出 on the customer list (customers.export): the list's current filters as CSV or XLSX, downloaded directly with the
 * session's token; when the server says the list is too large for a direct download (409
 * exportTooLargeForDirectDownload), an export job is started, its progress shown, and its file downloaded when done.
 */
export function CustomerExportButton({ filters }: { filters: CustomerFilters }) {
  const { t } = useTranslation();
  const e = (key: string, o?: Record<string, unknown>) => t(`integration.export.${key}`, o ?? {});
  const { message } = App.useApp();
  const { run, busy } = useRun();
  const [jobId, setJobId] = useState<number | null>(null);
  const { page: _page, pageSize: _size, ...query } = filters;
  void _page;
  void _size;
  const listQuery = { ...query, archived: query.archived ?? false };

  const startJob = (format: Format) =>
    run(async () => {
      const r = await api.POST('/api/v1/customers/exports', { body: { format, ...listQuery } });
      if (r.data) setJobId(r.data.id);
      return r;
    }, { success: e('tooLarge'), invalidate: ['/api/v1/customers/exports'] });

  const exportAs = async (format: Format) => {
    let fallBack = false;
    let fileName: string | undefined;
    await run(async () => {
      const r = await download(() => api.GET('/api/v1/customers/export', { params: { query: { format, ...listQuery } }, parseAs: 'blob', headers: { Accept: '*/*' } }), `${e('fallbackName')}.${format}`);
      fileName = r.fileName;
      return r;
    }, {
      invalidate: ['/api/v1/customers/exports'],
      onProblem: (p) => {
        fallBack = p.status === 409 && p.code === 'exportTooLargeForDirectDownload';
        return fallBack;
      },
    });
    if (fileName) void message.success(e('downloaded', { fileName }));
    if (fallBack) await startJob(format);
  };

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'csv', label: e('csv') },
            { key: 'xlsx', label: e('xlsx') },
          ],
          onClick: ({ key }) => void exportAs(key as Format),
        }}
      >
        <Button icon={<DownloadOutlined />} loading={busy}>{e('button')}</Button>
      </Dropdown>
      {jobId !== null && <ExportJobModal id={jobId} onClose={() => setJobId(null)} />}
    </>
  );
}

/** A running export job: its progress, polled; the file downloads by itself once it has succeeded. */
export function ExportJobModal({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const e = (key: string, o?: Record<string, unknown>) => t(`integration.export.${key}`, o ?? {});
  const { message } = App.useApp();
  const { run, busy } = useRun();
  const q = $api.useQuery('get', '/api/v1/customers/exports/{id}', { params: { path: { id } } }, {
    // A job that cannot be read (gone, refused) is not polled again: the dialog shows the error instead.
    refetchInterval: (query) =>
      query.state.status !== 'error' && (!query.state.data || ['Queued', 'Running'].includes(query.state.data.status)) ? EXPORT_POLL_MS : false,
  });
  const job = q.data;
  const fetched = useRef(false);
  useEffect(() => {
    if (job?.status !== 'Succeeded' || fetched.current) return;
    fetched.current = true;
    void run(() => downloadJobFile(job)).then((ok) => ok && void message.success(e('ready')));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job?.status]);
  return (
    <Modal open title={e('jobTitle', { id })} onCancel={onClose} footer={
      <Space>
        {job?.status === 'Succeeded' && <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run(() => downloadJobFile(job))}>{e('download')}</Button>}
        <Button type="primary" onClick={onClose}>{e('close')}</Button>
      </Space>
    }>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {job && <ExportStatusTag status={job.status} />}
          <Progress aria-label={e('status')} percent={job?.percent ?? 0} status={job?.status === 'Failed' ? 'exception' : job?.status === 'Succeeded' ? 'success' : 'active'} />
          <Typography.Text type="secondary" data-testid="export-progress">{e('progress', { done: job?.done ?? 0, total: job?.total ?? 0 })}</Typography.Text>
          {job?.error && <Alert type="error" showIcon title={job.error} />}
        </Space>
      )}
    </Modal>
  );
}

/** 我的导出: the person's exports of the last 24 hours (GET /api/v1/customers/exports); job files download again. */
export function ExportsPage() {
  const { t } = useTranslation();
  const e = (key: string) => t(`integration.export.${key}`);
  const { run } = useRun();
  const q = $api.useQuery('get', '/api/v1/customers/exports', {}, {
    refetchInterval: (query) => (query.state.data?.some((j) => ['Queued', 'Running'].includes(j.status)) ? EXPORT_POLL_MS * 2 : false),
  });
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{e('myExports')}</Typography.Title>}>
      <Typography.Paragraph type="secondary">{e('myExportsHint')}</Typography.Paragraph>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<ExportJob>
          rowKey="id"
          size="small"
          loading={q.isFetching && !q.data}
          dataSource={q.data ?? []}
          locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          columns={[
            { title: e('fileName'), dataIndex: 'fileName' },
            { title: e('kindLabel'), dataIndex: 'direct', width: 100, render: (d: boolean) => (d ? e('direct') : e('job')) },
            { title: e('format'), dataIndex: 'format', width: 70, render: (f: string) => f.toUpperCase() },
            { title: e('status'), dataIndex: 'status', width: 90, render: (s: ExportStatus) => <ExportStatusTag status={s} /> },
            { title: e('rows'), key: 'rows', width: 120, render: (_, j) => (j.status === 'Running' ? `${j.done} / ${j.total}` : j.total) },
            { title: e('createdAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
            { title: e('finishedAt'), dataIndex: 'finishedAt', width: 150, render: formatDateTime },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 120,
              render: (_, j) =>
                !j.direct && j.status === 'Succeeded' ? (
                  <Button size="small" icon={<DownloadOutlined />} aria-label={`${e('download')} ${j.fileName}`} onClick={() => void run(() => downloadJobFile(j))}>{e('download')}</Button>
                ) : j.error ? (
                  <Typography.Text type="danger">{j.error}</Typography.Text>
                ) : null,
            },
          ]}
        />
      )}
    </Card>
  );
}

