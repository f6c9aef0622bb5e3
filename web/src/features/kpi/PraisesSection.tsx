import { LikeOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Modal, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api, api } from '../../api/client';
import type { components } from '../../api/schema';
import { formatDate } from '../../components/format';
import { StaffSelect } from '../../components/OrgPickers';
import { EmptyState, ErrorState } from '../../components/States';
import { useRun } from '../../components/useRun';
import { usePaging } from '../access/usePaging';

type PraiseDto = components['schemas']['PraiseDto'];

/** 客户表扬: the customer's praises, newest first, paged on the server; recording one (counted in the indicators). */
export function PraisesSection({ customerId, mayRecord }: { customerId: number; mayRecord: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const paging = usePaging(10);
  const q = $api.useQuery('get', '/api/v1/customers/{customerId}/praises', {
    params: { path: { customerId }, query: { page: paging.page, pageSize: paging.pageSize } },
  });
  const p = (key: string) => t(`praise.${key}`);
  return (
    <section aria-label={p('title')} style={{ marginTop: 24 }}>
      <Typography.Title level={5}>{p('title')}</Typography.Title>
      {mayRecord && (
        <Button style={{ marginBottom: 12 }} icon={<LikeOutlined />} onClick={() => setAdding(true)}>{p('record')}</Button>
      )}
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<PraiseDto>
          rowKey="id"
          size="small"
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          pagination={paging.pagination(q.data?.total)}
          locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
          columns={[
            { title: p('receivedOn'), dataIndex: 'receivedOn', width: 110, render: formatDate },
            { title: p('content'), dataIndex: 'content' },
            { title: p('praisedStaff'), key: 'staff', width: 120, render: (_, row) => row.praisedStaff?.name ?? '—' },
            { title: p('unit'), key: 'unit', width: 140, render: (_, row) => row.unit.name },
            { title: p('createdBy'), key: 'by', width: 110, render: (_, row) => row.createdBy.name },
          ]}
        />
      )}
      <RecordPraiseModal customerId={customerId} open={adding} onClose={() => setAdding(false)} />
    </section>
  );
}

interface PraiseValues { content: string; receivedOn?: Dayjs | null; praisedStaffId?: number }

function RecordPraiseModal({ customerId, open, onClose }: { customerId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PraiseValues>();
  const { run, busy } = useRun();
  const p = (key: string) => t(`praise.${key}`);
  const save = async (v: PraiseValues) => {
    const ok = await run(
      () =>
        api.POST('/api/v1/customers/{customerId}/praises', {
          params: { path: { customerId } },
          body: { content: v.content.trim(), receivedOn: v.receivedOn ? v.receivedOn.format('YYYY-MM-DD') : null, praisedStaffId: v.praisedStaffId ?? null },
        }),
      {
        success: p('recorded'),
        invalidate: ['/api/v1/customers/{customerId}/praises', '/api/v1/kpi/indicators'],
        onProblem: (problem) => {
          if (!problem.errors) return false;
          form.setFields(Object.entries(problem.errors).map(([name, errors]) => ({ name: name as keyof PraiseValues, errors })));
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
    <Modal open={open} title={p('record')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" name="praise" onFinish={save} initialValues={{ receivedOn: dayjs() }}>
        <Form.Item name="content" label={p('content')} rules={[{ required: true, whitespace: true, message: p('contentRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="praisedStaffId" label={p('praisedStaff')} extra={p('praisedStaffHint')}>
          <StaffSelect aria-label={p('praisedStaff')} />
        </Form.Item>
        <Form.Item name="receivedOn" label={p('receivedOn')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
