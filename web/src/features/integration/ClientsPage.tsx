import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { $api, api } from '../../api/client';
import type { components } from '../../api/schema';
import { DATA_SCOPES, type DataScope } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { UnitTreeSelect } from '../../components/OrgPickers';
import { PagedTable } from '../../components/PagedTable';
import { ErrorState, Loading, PageNotFound } from '../../components/States';
import { useRun } from '../../components/useRun';
import { usePaging } from '../access/usePaging';
import { SecretModal } from './SecretModal';
import { applyFieldErrors } from './fieldErrors';

type ApiClient = components['schemas']['ApiClientDto'];
type ClientForm = { name: string; scopes: string[]; dataScope: DataScope; unitId?: number };

const CLIENT_FIELDS = ['name', 'scopes', 'dataScope', 'unitId'];
const CLIENT_QUERIES = ['/api/v1/integration/clients', '/api/v1/integration/clients/{id}'];

export function ClientStatusTag({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  return enabled ? <Tag color="green">{t('integration.clients.isEnabled')}</Tag> : <Tag>{t('integration.clients.isDisabled')}</Tag>;
}

/** The fields of a client (name, scopes from GET /integration/scopes, data scope, unit), for create and edit. */
function ClientFields() {
  const { t } = useTranslation();
  const c = (key: string) => t(`integration.clients.${key}`);
  const scopes = $api.useQuery('get', '/api/v1/integration/scopes', {}, { staleTime: 5 * 60_000 });
  return (
    <>
      <Form.Item name="name" label={c('name')} rules={[{ required: true, whitespace: true, message: c('nameRequired') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="scopes" label={c('scopes')} rules={[{ required: true, type: 'array', min: 1, message: c('scopesRequired') }]}>
        <Select
          mode="multiple"
          loading={scopes.isPending}
          options={(scopes.data ?? []).map((s) => ({ value: s.scope, label: `${s.scope} — ${s.description}` }))}
        />
      </Form.Item>
      <Form.Item name="dataScope" label={c('dataScope')} rules={[{ required: true }]}>
        <Select options={DATA_SCOPES.map((s) => ({ value: s, label: t(`scope.${s}`) }))} />
      </Form.Item>
      <Form.Item name="unitId" label={c('unit')} extra={c('unitHint')}>
        <UnitTreeSelect />
      </Form.Item>
    </>
  );
}

/** Rotate the secret (shown once), enable / disable. */
function ClientActions({ client, onSecret }: { client: ApiClient; onSecret: (secret: string) => void }) {
  const { t } = useTranslation();
  const { run, busy } = useRun();
  const c = (key: string) => t(`integration.clients.${key}`);
  const path = { id: client.id };
  const rotate = async () => {
    let secret: string | undefined;
    const ok = await run(async () => {
      const r = await api.POST('/api/v1/integration/clients/{id}/rotate-secret', { params: { path } });
      secret = r.data?.clientSecret;
      return r;
    }, { invalidate: CLIENT_QUERIES });
    if (ok && secret) onSecret(secret);
  };
  return (
    <Space size={4} wrap>
      <Popconfirm title={c('rotateConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => rotate()}>
        <Button size="small" loading={busy} aria-label={`${c('rotate')} ${client.name}`}>{c('rotate')}</Button>
      </Popconfirm>
      {client.isEnabled ? (
        <Popconfirm title={c('disableConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')}
          onConfirm={() => run(() => api.POST('/api/v1/integration/clients/{id}/disable', { params: { path } }), { success: c('disabled'), invalidate: CLIENT_QUERIES })}>
          <Button size="small" danger loading={busy} aria-label={`${c('disable')} ${client.name}`}>{c('disable')}</Button>
        </Popconfirm>
      ) : (
        <Button size="small" loading={busy} aria-label={`${c('enable')} ${client.name}`}
          onClick={() => void run(() => api.POST('/api/v1/integration/clients/{id}/enable', { params: { path } }), { success: c('enabledDone'), invalidate: CLIENT_QUERIES })}>
          {c('enable')}
        </Button>
      )}
    </Space>
  );
}

function ClientSecretModal({ secret, client, onClose }: { secret: string | null; client?: ApiClient; onClose: () => void }) {
  const { t } = useTranslation();
  const c = (key: string) => t(`integration.clients.${key}`);
  return (
    <SecretModal
      secret={secret}
      title={c('secretTitle')}
      warning={c('secretWarning')}
      label={c('secret')}
      extra={client && <Descriptions size="small" column={1} items={[{ key: 'id', label: c('clientId'), children: <Typography.Text copyable code>{client.clientId}</Typography.Text> }]} />}
      onClose={onClose}
    />
  );
}

/** 接口客户端: the third-party systems that call the API (integration.clients). */
export function ClientsPage() {
  const { t } = useTranslation();
  const c = (key: string) => t(`integration.clients.${key}`);
  const paging = usePaging();
  const q = $api.useQuery('get', '/api/v1/integration/clients', { params: { query: { page: paging.page, pageSize: paging.pageSize } } },
    { placeholderData: keepPreviousData });
  const { run, busy } = useRun();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<{ secret: string; client?: ApiClient } | null>(null);
  const [form] = Form.useForm<ClientForm>();

  const create = async (values: ClientForm) => {
    let created: components['schemas']['ApiClientWithSecret'] | undefined;
    const ok = await run(async () => {
      const r = await api.POST('/api/v1/integration/clients', { body: { ...values, name: values.name.trim(), unitId: values.unitId ?? null } });
      created = r.data;
      return r;
    }, { invalidate: CLIENT_QUERIES, onProblem: (p) => applyFieldErrors(form, p, CLIENT_FIELDS) });
    if (ok && created) {
      setCreating(false);
      form.resetFields();
      setShown({ secret: created.clientSecret, client: created.client });
    }
  };

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{c('title')}</Typography.Title>}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{c('new')}</Button>}
    >
      <Typography.Paragraph type="secondary">{c('intro')}</Typography.Paragraph>
      <PagedTable<ApiClient>
        query={q}
        pagination={(total) => ({ ...paging.pagination(total), hideOnSinglePage: true })}
        rowKey="id"
        size="middle"
        scroll={{ x: 1100 }}
        columns={[
          { title: c('name'), dataIndex: 'name', render: (n: string, r) => <Link to={`/integration/clients/${r.id}`}>{n}</Link> },
          { title: c('clientId'), dataIndex: 'clientId', render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
          { title: c('scopes'), dataIndex: 'scopes', render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: c('dataScope'), dataIndex: 'dataScope', width: 110, render: (s: string) => t(`scope.${s}`) },
          { title: c('unit'), dataIndex: 'unitName', width: 140 },
          { title: c('enabled'), dataIndex: 'isEnabled', width: 80, render: (e: boolean) => <ClientStatusTag enabled={e} /> },
          { title: c('lastUsedAt'), dataIndex: 'lastUsedAt', width: 150, render: formatDateTime },
          { title: t('common.actions'), key: 'actions', width: 170, render: (_, r) => <ClientActions client={r} onSecret={(secret) => setShown({ secret, client: r })} /> },
        ]}
      />
      <Modal
        open={creating}
        title={c('new')}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        forceRender
      >
        <Form form={form} layout="vertical" name="api-client" initialValues={{ dataScope: 'All', scopes: [] }} onFinish={(v) => void create(v)}>
          <ClientFields />
        </Form>
      </Modal>
      <ClientSecretModal secret={shown?.secret ?? null} client={shown?.client} onClose={() => setShown(null)} />
    </Card>
  );
}

export function ClientDetailPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) return <PageNotFound />;
  return <ClientDetail id={id} />;
}

function ClientDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const c = (key: string) => t(`integration.clients.${key}`);
  const q = $api.useQuery('get', '/api/v1/integration/clients/{id}', { params: { path: { id } } });
  const { run, busy } = useRun();
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [form] = Form.useForm<ClientForm>();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const client = q.data;

  const save = async (values: ClientForm) => {
    const ok = await run(
      () => api.PUT('/api/v1/integration/clients/{id}', {
        params: { path: { id } },
        headers: { 'If-Match': `"${client.version}"` },
        body: { name: values.name.trim(), scopes: values.scopes, dataScope: values.dataScope, unitId: values.unitId ?? client.unitId },
      }),
      { success: c('saved'), invalidate: CLIENT_QUERIES, onProblem: (p) => applyFieldErrors(form, p, CLIENT_FIELDS) },
    );
    if (ok) setEditing(false);
  };

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{client.name} <ClientStatusTag enabled={client.isEnabled} /></Typography.Title>}
      extra={
        <Space>
          <Button onClick={() => { form.setFieldsValue({ name: client.name, scopes: client.scopes, dataScope: client.dataScope, unitId: client.unitId }); setEditing(true); }}>{c('edit')}</Button>
          <ClientActions client={client} onSecret={setSecret} />
        </Space>
      }
    >
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={c('clientId')}><Typography.Text copyable code>{client.clientId}</Typography.Text></Descriptions.Item>
        <Descriptions.Item label={c('scopes')}>{client.scopes.map((s) => <Tag key={s}>{s}</Tag>)}</Descriptions.Item>
        <Descriptions.Item label={c('dataScope')}>{t(`scope.${client.dataScope}`)}</Descriptions.Item>
        <Descriptions.Item label={c('unit')}>{client.unitName}</Descriptions.Item>
        <Descriptions.Item label={c('staff')}>{`#${client.staffId}`}</Descriptions.Item>
        <Descriptions.Item label={c('createdAt')}>{formatDateTime(client.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={c('secretRotatedAt')}>{formatDateTime(client.secretRotatedAt)}</Descriptions.Item>
        <Descriptions.Item label={c('lastUsedAt')}>{formatDateTime(client.lastUsedAt)}</Descriptions.Item>
      </Descriptions>
      <Modal
        open={editing}
        title={c('edit')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setEditing(false)}
        forceRender
      >
        <Form form={form} layout="vertical" name="api-client-edit" onFinish={(v) => void save(v)}>
          <ClientFields />
        </Form>
      </Modal>
      <ClientSecretModal secret={secret} client={client} onClose={() => setSecret(null)} />
    </Card>
  );
}
