import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api, api } from '../../api/client';
import { asProblem } from '../../api/problem';
import type { AccessRequestDto } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { EmptyState, ErrorState } from '../../components/States';
import { RequestStatusTag } from './AccessTags';
import { usePaging } from './usePaging';

type Decision = { request: AccessRequestDto; action: 'approve' | 'reject' };

/** Requests waiting for this approver: approve (a read-only grant is created) or reject, with a comment. */
export function InboxPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [pendingOnly, setPendingOnly] = useState(true);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ comment?: string }>();
  const paging = usePaging();
  const q = $api.useQuery(
    'get',
    '/api/v1/access/requests',
    { params: { query: { box: 'Inbox', status: pendingOnly ? 'Pending' : undefined, page: paging.page, pageSize: paging.pageSize } } },
    { placeholderData: keepPreviousData },
  );
  const a = (key: string) => t(`access.${key}`);

  const decide = async ({ comment }: { comment?: string }) => {
    if (!decision) return;
    setBusy(true);
    const path = decision.action === 'approve' ? '/api/v1/access/requests/{id}/approve' : '/api/v1/access/requests/{id}/reject';
    const { error } = await api.POST(path, { params: { path: { id: decision.request.id } }, body: { comment: comment?.trim() || null } });
    setBusy(false);
    if (error) {
      void message.error(asProblem(error)?.detail ?? t('common.networkError'));
      return;
    }
    void message.success(decision.action === 'approve' ? a('approved') : a('rejected'));
    setDecision(null);
    form.resetFields();
    await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/access/requests'] });
  };

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('nav.inbox')}</Typography.Title>}
      extra={
        <label>
          <Switch size="small" checked={pendingOnly} onChange={(v) => { setPendingOnly(v); paging.reset(); }} /> {a('pendingOnly')}
        </label>
      }
    >
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<AccessRequestDto>
          rowKey="id"
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
          pagination={paging.pagination(q.data?.total)}
          scroll={{ x: 1000 }}
          columns={[
            { title: a('requester'), dataIndex: ['requester', 'name'], width: 100 },
            { title: a('customer'), dataIndex: 'customerName' },
            { title: a('owningUnit'), dataIndex: 'owningUnitName', width: 130 },
            { title: a('route'), dataIndex: 'route', render: (r: string) => t(`enums.ApprovalRoute.${r}`) },
            { title: a('reason'), dataIndex: 'reason' },
            { title: a('days'), dataIndex: 'days', width: 70 },
            { title: a('createdAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
            { title: a('status'), dataIndex: 'status', width: 90, render: (s) => <RequestStatusTag status={s} /> },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 150,
              render: (_, r) =>
                r.status === 'Pending' && (
                  <Space>
                    <Button size="small" type="primary" onClick={() => setDecision({ request: r, action: 'approve' })}>{a('approve')}</Button>
                    <Button size="small" danger onClick={() => setDecision({ request: r, action: 'reject' })}>{a('reject')}</Button>
                  </Space>
                ),
            },
          ]}
        />
      )}
      <Modal
        open={decision !== null}
        title={decision && t('access.decideTitle', { action: a(decision.action) })}
        okText={decision ? a(decision.action) : undefined}
        okButtonProps={{ danger: decision?.action === 'reject' }}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setDecision(null)}
        destroyOnHidden
      >
        {decision && (
          <Typography.Paragraph>
            {decision.request.requester.name} → <strong>{decision.request.customerName}</strong>（{t('common.days', { count: decision.request.days })}）
            <br />
            {decision.request.reason}
          </Typography.Paragraph>
        )}
        <Form form={form} layout="vertical" onFinish={decide} name="decision">
          <Form.Item name="comment" label={a('comment')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
