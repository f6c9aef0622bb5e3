import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Button, Card, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { $api, api } from '../../api/client';
import type { components } from '../../api/schema';
import { formatDateTime } from '../../components/format';
import { PagedTable } from '../../components/PagedTable';
import { PageNotFound } from '../../components/States';
import { useRun } from '../../components/useRun';
import { usePaging } from '../access/usePaging';
import { applyFieldErrors } from './fieldErrors';
import { SecretModal } from './SecretModal';

type Subscription = components['schemas']['WebhookSubscriptionDto'];
type Delivery = components['schemas']['WebhookDeliveryDto'];
type DeliveryStatus = components['schemas']['DeliveryStatus'];
type SubscriptionForm = { url: string; eventTypes: string[]; description?: string };

const SUBSCRIPTION_FIELDS = ['url', 'eventTypes', 'description'];
const DELIVERY_STATUSES: DeliveryStatus[] = ['Pending', 'Delivered', 'Failed'];
const DELIVERY_COLORS: Record<DeliveryStatus, string> = { Pending: 'processing', Delivered: 'success', Failed: 'error' };

/** 事件订阅: the person's webhook subscriptions (integration.webhooks). */
export function WebhooksPage() {
  const { t } = useTranslation();
  const w = (key: string) => t(`integration.webhooks.${key}`);
  const paging = usePaging();
  const q = $api.useQuery('get', '/api/v1/webhooks/subscriptions', { params: { query: { page: paging.page, pageSize: paging.pageSize } } },
    { placeholderData: keepPreviousData });
  const types = $api.useQuery('get', '/api/v1/webhooks/event-types', {}, { staleTime: 5 * 60_000 });
  const { run, busy } = useRun();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [form] = Form.useForm<SubscriptionForm>();

  const create = async (values: SubscriptionForm) => {
    let created: components['schemas']['WebhookSubscriptionWithSecret'] | undefined;
    const ok = await run(async () => {
      const r = await api.POST('/api/v1/webhooks/subscriptions', { body: { url: values.url.trim(), eventTypes: values.eventTypes, description: values.description?.trim() || null } });
      created = r.data;
      return r;
    }, { invalidate: ['/api/v1/webhooks/subscriptions'], onProblem: (p) => applyFieldErrors(form, p, SUBSCRIPTION_FIELDS) });
    if (ok && created) {
      setCreating(false);
      form.resetFields();
      if (created.secret) setSecret(created.secret);
    }
  };

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{w('title')}</Typography.Title>}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{w('new')}</Button>}
    >
      <Typography.Paragraph type="secondary">{w('intro')}</Typography.Paragraph>
      <PagedTable<Subscription>
        query={q}
        pagination={(total) => ({ ...paging.pagination(total), hideOnSinglePage: true })}
        rowKey="id"
        size="middle"
        scroll={{ x: 1000 }}
        columns={[
          { title: w('url'), dataIndex: 'url', render: (url: string, s) => <Link to={`/integration/webhooks/${s.id}`}>{url}</Link> },
          { title: w('eventTypes'), dataIndex: 'eventTypes', render: (e: string[]) => e.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: w('description'), dataIndex: 'description', width: 160, render: (d?: string | null) => d ?? '—' },
          { title: w('active'), dataIndex: 'isActive', width: 90, render: (a: boolean) => (a ? <Tag color="green">{w('isActive')}</Tag> : <Tag>{w('inactive')}</Tag>) },
          { title: w('createdAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_, s) => (
              <Space size={4}>
                <Link to={`/integration/webhooks/${s.id}`}>{w('deliveries')}</Link>
                {s.isActive && (
                  <Popconfirm title={w('deactivateConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')}
                    onConfirm={() => run(() => api.POST('/api/v1/webhooks/subscriptions/{id}/deactivate', { params: { path: { id: s.id } } }), { success: w('deactivated'), invalidate: ['/api/v1/webhooks/subscriptions'] })}>
                    <Button size="small" danger loading={busy} aria-label={`${w('deactivate')} ${s.url}`}>{w('deactivate')}</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={w('new')}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        width={640}
        forceRender
      >
        <Form form={form} layout="vertical" name="webhook" initialValues={{ eventTypes: [] }} onFinish={(v) => void create(v)}>
          <Form.Item name="url" label={w('url')} rules={[{ required: true, whitespace: true, pattern: /^https?:\/\/\S+$/i, message: w('urlRequired') }]}>
            <Input placeholder="https://erp.example.com/crm-events" maxLength={2000} />
          </Form.Item>
          <Form.Item name="eventTypes" label={w('eventTypes')} rules={[{ required: true, type: 'array', min: 1, message: w('eventTypesRequired') }]}>
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              options={(types.data ?? []).map((e) => ({ value: e.type, label: <Tooltip title={e.description}><span><Typography.Text code>{e.type}</Typography.Text> {e.description}</span></Tooltip> }))} />
          </Form.Item>
          <Form.Item name="description" label={w('description')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
      <SecretModal secret={secret} title={w('secretTitle')} warning={w('secretWarning')} label={w('secret')} onClose={() => setSecret(null)} />
    </Card>
  );
}

export function DeliveriesPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) return <PageNotFound />;
  return <Deliveries id={id} />;
}

/** A subscription's delivery log, paged on the server, with 重新投递 per delivery. */
function Deliveries({ id }: { id: number }) {
  const { t } = useTranslation();
  const w = (key: string, o?: Record<string, unknown>) => t(`integration.webhooks.${key}`, o ?? {});
  const paging = usePaging();
  const [status, setStatus] = useState<DeliveryStatus | undefined>();
  const { run } = useRun();
  const [sending, setSending] = useState<number | null>(null);
  const { data: subscription } = $api.useQuery('get', '/api/v1/webhooks/subscriptions/{id}', { params: { path: { id } } });
  const q = $api.useQuery(
    'get',
    '/api/v1/webhooks/subscriptions/{id}/deliveries',
    { params: { path: { id }, query: { status, page: paging.page, pageSize: paging.pageSize } } },
    { placeholderData: keepPreviousData },
  );
  const redeliver = async (d: Delivery) => {
    setSending(d.id);
    try {
      await run(() => api.POST('/api/v1/webhooks/subscriptions/{id}/deliveries/{deliveryId}/redeliver', { params: { path: { id, deliveryId: d.id } } }), {
        success: w('redelivered'),
        invalidate: ['/api/v1/webhooks/subscriptions/{id}/deliveries'],
      });
    } finally {
      setSending(null);
    }
  };
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{w('deliveriesTitle', { url: subscription?.url ?? `#${id}` })}</Typography.Title>}
      extra={<Link to="/integration/webhooks">{t('common.back')}</Link>}>
      <Space style={{ marginBottom: 12 }}>
        <Select allowClear aria-label={w('status')} placeholder={w('status')} style={{ width: 140 }} value={status}
          onChange={(s) => { setStatus(s); paging.reset(); }}
          options={DELIVERY_STATUSES.map((s) => ({ value: s, label: w(`statuses.${s}`) }))} />
      </Space>
      <PagedTable<Delivery>
        query={q}
        pagination={paging.pagination}
        rowKey="id"
        size="small"
        scroll={{ x: 1100 }}
        columns={[
          { title: w('event'), dataIndex: 'eventType', width: 170, render: (e: string, d) => <Tooltip title={`${w('eventId')}: ${d.eventId}`}><Typography.Text code>{e}</Typography.Text></Tooltip> },
          { title: w('occurredAt'), dataIndex: 'occurredAt', width: 150, render: formatDateTime },
          { title: w('status'), dataIndex: 'status', width: 90, render: (s: DeliveryStatus) => <Tag color={DELIVERY_COLORS[s]}>{w(`statuses.${s}`)}</Tag> },
          { title: w('attempts'), dataIndex: 'attempts', width: 80 },
          { title: w('lastResult'), key: 'last', render: (_, d) => [d.lastStatusCode != null ? `HTTP ${d.lastStatusCode}` : null, d.lastError].filter(Boolean).join(' · ') || '—' },
          { title: w('lastAttemptAt'), dataIndex: 'lastAttemptAt', width: 150, render: formatDateTime },
          { title: w('nextAttemptAt'), dataIndex: 'nextAttemptAt', width: 150, render: formatDateTime },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 110,
            render: (_, d) => (
              <Button size="small" loading={sending === d.id} onClick={() => void redeliver(d)} aria-label={`${w('redeliver')} ${d.eventType} ${d.id}`}>{w('redeliver')}</Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
