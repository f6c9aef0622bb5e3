import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Progress, Radio, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { $api, api } from '../../api/client';
import type { components } from '../../api/schema';
import { download, saveText } from '../../components/download';
import { formatDateTime } from '../../components/format';
import { EmptyState, ErrorState, Loading, PageNotFound } from '../../components/States';
import { useRun } from '../../components/useRun';
import { usePaging } from '../access/usePaging';
import { templateCsv } from './templates';

type ImportJob = components['schemas']['ImportJobDto'];
type ImportKind = components['schemas']['ImportKind'];
type ImportMode = components['schemas']['ImportMode'];
type ImportStatus = components['schemas']['ImportStatus'];
export interface ImportRowError { row: number; field: string; message: string }
interface ErrorPage { items: ImportRowError[]; page: number; pageSize: number; total: number; totalIsCapped: boolean }

/** How often a queued or running import's progress is read. */
export const IMPORT_POLL_MS = 1000;
const ACTIVE: ImportStatus[] = ['Queued', 'Running'];
const STATUS_COLORS: Record<ImportStatus, string> = { Queued: 'default', Running: 'processing', Succeeded: 'success', PartiallySucceeded: 'warning', Failed: 'error' };
const KINDS: ImportKind[] = ['Customers', 'Facts'];
const MODES: ImportMode[] = ['BestEffort', 'AllOrNothing'];
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`integration.imports.statuses.${status}`)}</Tag>;
}

/** 批量导入: upload a CSV / XLSX / JSON file of customers or monthly facts, and the past imports. */
export function ImportsPage() {
  const { t } = useTranslation();
  const i = (key: string, o?: Record<string, unknown>) => t(`integration.imports.${key}`, o ?? {});
  const navigate = useNavigate();
  const { run, busy } = useRun();
  const [kind, setKind] = useState<ImportKind>('Customers');
  const [mode, setMode] = useState<ImportMode>('BestEffort');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const history = $api.useQuery('get', '/api/v1/imports');

  const start = async () => {
    if (!file) {
      setFileError(i('fileRequired'));
      input.current?.focus();
      return;
    }
    let job: ImportJob | undefined;
    const ok = await run(async () => {
      const r = await api.POST('/api/v1/imports', {
        body: { file: '', kind: lowerFirst(kind), mode: lowerFirst(mode) },
        bodySerializer: () => {
          const form = new FormData();
          form.append('file', file, file.name);
          form.append('kind', lowerFirst(kind));
          form.append('mode', lowerFirst(mode));
          return form;
        },
      });
      job = r.data;
      return r;
    }, {
      success: i('started'),
      invalidate: ['/api/v1/imports'],
      onProblem: (p) => {
        const messages = p.errors ? Object.values(p.errors).flat() : [];
        setFileError([p.detail, ...messages].filter(Boolean).join(' '));
        return true;
      },
    });
    if (ok && job) navigate(`/integration/imports/${job.id}`);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{i('title')}</Typography.Title>}>
        <Form layout="vertical" name="import" onFinish={() => void start()} style={{ maxWidth: 720 }}>
          <Form.Item label={i('kind')}>
            <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as ImportKind)} aria-label={i('kind')}
              options={KINDS.map((k) => ({ value: k, label: i(`kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item label={i('mode')}>
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as ImportMode)} aria-label={i('mode')}
              options={MODES.map((m) => ({ value: m, label: i(`modes.${m}`) }))} />
          </Form.Item>
          <Form.Item label={i('file')} htmlFor="import-file" required validateStatus={fileError ? 'error' : undefined} help={fileError ?? i('fileHint')}>
            <input
              ref={input}
              id="import-file"
              type="file"
              accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => { setFile(e.target.files?.[0] ?? null); setFileError(null); }}
            />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" icon={<UploadOutlined />} loading={busy}>{i('start')}</Button>
            <Button icon={<DownloadOutlined />} onClick={() => saveText(templateCsv(kind), i('templateFile', { kind: i(`kinds.${kind}`) }))}>{i('template')}</Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{i('templateHint')}</Typography.Paragraph>
        </Form>
      </Card>
      <Card title={i('history')}>
        {history.isError ? (
          <ErrorState error={history.error} onRetry={() => void history.refetch()} />
        ) : (
          <Table<ImportJob>
            rowKey="id"
            size="small"
            loading={history.isFetching}
            dataSource={history.data ?? []}
            locale={{ emptyText: history.isPending ? ' ' : <EmptyState /> }}
            pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            columns={[
              { title: '#', dataIndex: 'id', width: 70, render: (id: number) => <Link to={`/integration/imports/${id}`}>{id}</Link> },
              { title: i('fileName'), dataIndex: 'fileName', render: (n: string, j) => <Link to={`/integration/imports/${j.id}`}>{n}</Link> },
              { title: i('kind'), dataIndex: 'kind', width: 120, render: (k: string) => i(`kinds.${k}`) },
              { title: i('mode'), dataIndex: 'mode', width: 120, render: (m: string) => i(`modeShort.${m}`) },
              { title: i('status'), dataIndex: 'status', width: 100, render: (s: ImportStatus) => <ImportStatusTag status={s} /> },
              { title: i('total'), dataIndex: 'total', width: 80 },
              { title: i('created'), dataIndex: 'created', width: 70 },
              { title: i('updated'), dataIndex: 'updated', width: 70 },
              { title: i('failed'), dataIndex: 'failed', width: 80 },
              { title: i('createdAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}

export function ImportDetailPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) return <PageNotFound />;
  return <ImportDetail id={id} />;
}

/** One import: progress while it runs (polled), the counts, and the per-row error report. */
function ImportDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const i = (key: string, o?: Record<string, unknown>) => t(`integration.imports.${key}`, o ?? {});
  const q = $api.useQuery('get', '/api/v1/imports/{id}', { params: { path: { id } } }, {
    refetchInterval: (query) => (query.state.data && ACTIVE.includes(query.state.data.status) ? IMPORT_POLL_MS : false),
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const job = q.data;
  const active = ACTIVE.includes(job.status);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{i('jobTitle', { id: job.id })} <ImportStatusTag status={job.status} /></Typography.Title>}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={i('fileName')}>{job.fileName}</Descriptions.Item>
          <Descriptions.Item label={i('kind')}>{i(`kinds.${job.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={i('mode')}>{i(`modeShort.${job.mode}`)}</Descriptions.Item>
          <Descriptions.Item label={i('format')}>{job.format.toUpperCase()}</Descriptions.Item>
          <Descriptions.Item label={i('createdAt')}>{formatDateTime(job.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={i('finishedAt')}>{formatDateTime(job.finishedAt)}</Descriptions.Item>
        </Descriptions>
        <Progress aria-label={i('progress')} percent={job.percent} status={job.status === 'Failed' ? 'exception' : active ? 'active' : undefined} />
        <Typography.Text type="secondary" data-testid="import-progress" style={{ display: 'block' }}>
          {i('done', { done: job.done, total: job.total })}
          {active && job.etaSeconds != null && ` · ${i('eta', { seconds: job.etaSeconds })}`}
        </Typography.Text>
        {job.error && <Alert type="error" showIcon title={job.error} style={{ marginTop: 12 }} />}
        {!active && job.mode === 'AllOrNothing' && job.failed > 0 && <Alert type="warning" showIcon title={i('allOrNothingFailed')} style={{ marginTop: 12 }} />}
        <Space size="large" style={{ marginTop: 16 }} wrap>
          <Statistic title={i('total')} value={job.total} />
          <Statistic title={i('created')} value={job.created} />
          <Statistic title={i('updated')} value={job.updated} />
          <Statistic title={i('failed')} value={job.failed} styles={job.failed ? { content: { color: '#cf1322' } } : undefined} />
        </Space>
      </Card>
      {!active && <ImportErrors id={id} failed={job.failed} />}
    </Space>
  );
}

function ImportErrors({ id, failed }: { id: number; failed: number }) {
  const { t } = useTranslation();
  const i = (key: string) => t(`integration.imports.${key}`);
  const paging = usePaging();
  const { run, busy } = useRun();
  const q = useQuery({
    queryKey: ['get', '/api/v1/imports/{id}/errors', id, paging.page, paging.pageSize],
    queryFn: async () => {
      const { data, error } = await api.GET('/api/v1/imports/{id}/errors', { params: { path: { id }, query: { page: paging.page, pageSize: paging.pageSize } } });
      if (error) throw error;
      return data as unknown as ErrorPage;
    },
    placeholderData: keepPreviousData,
  });
  const save = (format: 'csv' | 'xlsx') =>
    run(() => download(() => api.GET('/api/v1/imports/{id}/errors', { params: { path: { id }, query: { format } }, parseAs: 'blob', headers: { Accept: '*/*' } }), `import-errors-${id}.${format}`));
  return (
    <Card
      title={i('errors')}
      extra={failed > 0 && (
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void save('csv')}>{i('downloadCsv')}</Button>
          <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void save('xlsx')}>{i('downloadXlsx')}</Button>
        </Space>
      )}
    >
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<ImportRowError>
          rowKey={(e) => `${e.row}-${e.field}-${e.message}`}
          size="small"
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: q.isPending ? ' ' : <EmptyState description={i('noErrors')} /> }}
          pagination={paging.pagination(q.data?.total)}
          columns={[
            { title: i('row'), dataIndex: 'row', width: 80 },
            { title: i('field'), dataIndex: 'field', width: 180, render: (f: string) => f || '—' },
            { title: i('message'), dataIndex: 'message' },
          ]}
        />
      )}
    </Card>
  );
}
