import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Space, Steps, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api, api } from '../../api/client';
import { asProblem } from '../../api/problem';
import type { components } from '../../api/schema';
import { formatDateTime } from '../../components/format';
import { StaffSelect } from '../../components/OrgPickers';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { usePaging } from '../access/usePaging';

type HandoverListItem = components['schemas']['HandoverListItem'];

interface Draft {
  fromStaffId?: number;
  toStaffId?: number;
  reason?: string;
  disableLeaver: boolean;
  moveCoServing: boolean;
}

/** 客户交接: a leaver's customers pass to a successor in one step (all or nothing), then the records. */
export function HandoverPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<Draft>({ disableLeaver: false, moveCoServing: true });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const h = (key: string) => t(`handover.${key}`);
  const summary = $api.useQuery(
    'get',
    '/api/v1/org/staff/{id}/customers/summary',
    { params: { path: { id: draft.fromStaffId ?? 0 } } },
    { enabled: draft.fromStaffId !== undefined },
  );
  const nothing = summary.data && summary.data.owned + summary.data.coServed + summary.data.archived === 0;

  const submit = async () => {
    if (!draft.fromStaffId || !draft.toStaffId || !draft.reason) return;
    setBusy(true);
    setError(null);
    const { data, error: problem } = await api.POST('/api/v1/handovers', {
      body: {
        fromStaffId: draft.fromStaffId,
        toStaffId: draft.toStaffId,
        reason: draft.reason.trim(),
        disableLeaver: draft.disableLeaver,
        moveCoServing: draft.moveCoServing,
      },
    });
    setBusy(false);
    if (problem || !data) {
      setError(asProblem(problem)?.detail ?? t('common.networkError'));
      return;
    }
    void message.success(t('handover.done', { count: data.customerCount, to: data.to.name }));
    setDraft({ disableLeaver: false, moveCoServing: true });
    setStep(0);
    await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/handovers'] });
    await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/customers'] });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{h('title')}</Typography.Title>}>
        <Steps current={step} style={{ marginBottom: 24 }} items={[{ title: h('steps.leaver') }, { title: h('steps.successor') }, { title: h('steps.confirm') }]} />
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
        {step === 0 && (
          <Form layout="vertical" name="handover-leaver" onFinish={() => setStep(1)} style={{ maxWidth: 520 }}>
            <Form.Item label={h('leaver')} required>
              <StaffSelect aria-label={h('leaver')} value={draft.fromStaffId} onChange={(v) => setDraft({ ...draft, fromStaffId: v as number | undefined })} />
            </Form.Item>
            {draft.fromStaffId !== undefined &&
              (summary.isPending ? <Loading /> : summary.isError ? <ErrorState error={summary.error} /> : (
                <Alert type={nothing ? 'warning' : 'info'} showIcon style={{ marginBottom: 16 }}
                  title={nothing ? h('nothing') : t('handover.summary', summary.data)} />
              ))}
            <Button type="primary" htmlType="submit" disabled={!draft.fromStaffId || !summary.data || nothing}>{h('next')}</Button>
          </Form>
        )}
        {step === 1 && (
          <Form
            layout="vertical"
            name="handover-successor"
            style={{ maxWidth: 520 }}
            initialValues={draft}
            onFinish={(values: Pick<Draft, 'reason' | 'disableLeaver' | 'moveCoServing'>) => {
              setDraft({ ...draft, ...values });
              setStep(2);
            }}
          >
            <Form.Item label={h('successor')} required
              validateStatus={draft.toStaffId !== undefined && draft.toStaffId === draft.fromStaffId ? 'error' : undefined}
              help={draft.toStaffId !== undefined && draft.toStaffId === draft.fromStaffId ? h('samePerson') : undefined}>
              <StaffSelect aria-label={h('successor')} value={draft.toStaffId} onChange={(v) => setDraft({ ...draft, toStaffId: v as number | undefined })} />
            </Form.Item>
            <Form.Item name="reason" label={h('reason')} rules={[{ required: true, whitespace: true, message: h('reasonRequired') }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Form.Item name="moveCoServing" valuePropName="checked"><Checkbox>{h('moveCoServing')}</Checkbox></Form.Item>
            <Form.Item name="disableLeaver" valuePropName="checked"><Checkbox>{h('disableLeaver')}</Checkbox></Form.Item>
            <Space>
              <Button onClick={() => setStep(0)}>{h('previous')}</Button>
              <Button type="primary" htmlType="submit" disabled={!draft.toStaffId || draft.toStaffId === draft.fromStaffId}>{h('next')}</Button>
            </Space>
          </Form>
        )}
        {step === 2 && (
          <>
            <Descriptions bordered size="small" column={1} style={{ maxWidth: 720, marginBottom: 16 }}>
              <Descriptions.Item label={h('leaver')}>{summary.data && t('handover.summary', summary.data)}</Descriptions.Item>
              <Descriptions.Item label={h('reason')}>{draft.reason}</Descriptions.Item>
              <Descriptions.Item label={h('moveCoServing')}>{draft.moveCoServing ? t('common.yes') : t('common.no')}</Descriptions.Item>
              <Descriptions.Item label={h('disableLeaver')}>{draft.disableLeaver ? t('common.yes') : t('common.no')}</Descriptions.Item>
            </Descriptions>
            <Space>
              <Button onClick={() => setStep(1)}>{h('previous')}</Button>
              <Button type="primary" danger={draft.disableLeaver} loading={busy} onClick={() => void submit()}>{h('submit')}</Button>
            </Space>
          </>
        )}
      </Card>
      <HandoverHistory />
    </Space>
  );
}

function HandoverHistory() {
  const { t } = useTranslation();
  const paging = usePaging();
  const q = $api.useQuery('get', '/api/v1/handovers', { params: { query: { page: paging.page, pageSize: paging.pageSize } } }, { placeholderData: keepPreviousData });
  const h = (key: string) => t(`handover.${key}`);
  return (
    <Card title={h('history')}>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<HandoverListItem>
          rowKey="id"
          size="small"
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
          pagination={paging.pagination(q.data?.total)}
          columns={[
            { title: h('at'), dataIndex: 'at', render: formatDateTime },
            { title: h('from'), dataIndex: ['from', 'name'] },
            { title: h('to'), dataIndex: ['to', 'name'] },
            { title: h('customers'), dataIndex: 'customerCount' },
            { title: h('coServed'), dataIndex: 'coServedCount' },
            { title: h('reason'), dataIndex: 'reason' },
            { title: h('by'), dataIndex: ['by', 'name'] },
          ]}
        />
      )}
    </Card>
  );
}
