import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api, api } from '../../api/client';
import { formatDate, formatDateTime, formatMoney } from '../../components/format';
import { EmptyState, ErrorState } from '../../components/States';
import { useRun } from '../../components/useRun';
import { PraisesSection } from './PraisesSection';
import { ComplaintDrawer, ComplaintStatusTag, SubstantiatedTag } from './ComplaintDrawer';
import { EXPENSE_CATEGORIES, type ComplaintDto, type ExpenseCategory, type ExpenseDto } from './types';

/** 投诉: the customer's complaints, newest first; registering one; each opens its workflow. Below them its praises. */
export function ComplaintsTab({ customerId, mayRegister, mayHandle }: { customerId: number; mayRegister: boolean; mayHandle: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const q = $api.useQuery('get', '/api/v1/customers/{customerId}/complaints', { params: { path: { customerId } } });
  const f = (key: string) => t(`complaint.${key}`);
  return (
    <>
      {mayRegister && (
        <Button style={{ marginBottom: 12 }} type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{f('register')}</Button>
      )}
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<ComplaintDto>
          rowKey="id"
          size="small"
          loading={q.isPending}
          dataSource={q.data ?? []}
          pagination={false}
          locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
          columns={[
            { title: f('receivedOn'), dataIndex: 'receivedOn', width: 110, render: formatDate },
            { title: f('subject'), dataIndex: 'subject', render: (s: string, c) => <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(c.id)}>{s}</Button> },
            { title: f('status'), dataIndex: 'status', width: 100, render: (s: ComplaintDto['status']) => <ComplaintStatusTag status={s} /> },
            { title: f('substantiated'), dataIndex: 'substantiated', width: 90, render: (v?: boolean | null) => <SubstantiatedTag value={v} /> },
            { title: f('responsibleUnit'), key: 'unit', width: 130, render: (_, c) => c.responsibleUnit?.name ?? '—' },
            { title: f('rounds'), dataIndex: 'rounds', width: 110 },
          ]}
        />
      )}
      <PraisesSection customerId={customerId} mayRecord={mayRegister} />
      <RegisterComplaintModal customerId={customerId} open={adding} onClose={() => setAdding(false)} onRegistered={(id) => setOpen(id)} />
      <ComplaintDrawer target={open === null ? null : { customerId, complaintId: open }} mayHandle={mayHandle} onClose={() => setOpen(null)} />
    </>
  );
}

interface RegisterValues { subject: string; description: string; receivedOn?: Dayjs | null }

function RegisterComplaintModal({ customerId, open, onClose, onRegistered }: { customerId: number; open: boolean; onClose: () => void; onRegistered: (id: number) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RegisterValues>();
  const { run, busy } = useRun();
  const f = (key: string) => t(`complaint.${key}`);
  const save = async (v: RegisterValues) => {
    let id: number | undefined;
    const ok = await run(
      async () => {
        const result = await api.POST('/api/v1/customers/{customerId}/complaints', {
          params: { path: { customerId } },
          body: { subject: v.subject.trim(), description: v.description.trim(), receivedOn: v.receivedOn ? v.receivedOn.format('YYYY-MM-DD') : null },
        });
        id = result.data?.id;
        return result;
      },
      {
        success: f('registered'),
        invalidate: ['/api/v1/customers/{customerId}/complaints', '/api/v1/complaints'],
        onProblem: (p) => {
          if (!p.errors) return false;
          form.setFields(Object.entries(p.errors).map(([name, errors]) => ({ name: name as keyof RegisterValues, errors })));
          return true;
        },
      },
    );
    if (ok) {
      form.resetFields();
      onClose();
      if (id !== undefined) onRegistered(id);
    }
  };
  return (
    <Modal open={open} title={f('register')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" name="complaint" onFinish={save} initialValues={{ receivedOn: dayjs() }}>
        <Form.Item name="subject" label={f('subject')} rules={[{ required: true, whitespace: true, message: f('subjectRequired') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={f('description')} rules={[{ required: true, whitespace: true, message: f('descriptionRequired') }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Form.Item name="receivedOn" label={f('receivedOn')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 费用: entertainment, travel and gift expenses; reimbursable only once the customer is filed (DOMAIN.md §7). */
export function ExpensesTab({ customerId, mayWrite }: { customerId: number; mayWrite: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const q = $api.useQuery('get', '/api/v1/customers/{customerId}/expenses', { params: { path: { customerId } } });
  const e = (key: string) => t(`expense.${key}`);
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={e('hint')} />
      {mayWrite && (
        <Button style={{ marginBottom: 12 }} type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{e('add')}</Button>
      )}
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<ExpenseDto>
          rowKey="id"
          size="small"
          loading={q.isPending}
          dataSource={q.data ?? []}
          pagination={false}
          locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
          columns={[
            { title: e('spentOn'), dataIndex: 'spentOn', width: 110, render: formatDate },
            { title: e('category'), dataIndex: 'category', width: 90, render: (c: ExpenseCategory) => <Tag>{e(`categories.${c}`)}</Tag> },
            { title: e('amount'), dataIndex: 'amount', width: 110, align: 'right', render: formatMoney },
            { title: e('description'), dataIndex: 'description', render: (v?: string | null) => v ?? '—' },
            {
              title: e('reimbursable'),
              key: 'reimbursable',
              render: (_, x) =>
                x.reimbursable ? (
                  <Tag color="green">{e('reimbursableYes')}</Tag>
                ) : (
                  <>
                    <Tag color="red">{e('reimbursableNo')}</Tag>
                    {x.reason && <Typography.Text type="danger">{x.reason}</Typography.Text>}
                  </>
                ),
            },
            { title: e('recordedBy'), key: 'recordedBy', width: 150, render: (_, x) => `${x.recordedBy.name} ${formatDateTime(x.createdAt)}` },
          ]}
        />
      )}
      <ExpenseModal customerId={customerId} open={adding} onClose={() => setAdding(false)} />
    </>
  );
}

interface ExpenseValues { spentOn: Dayjs; category: ExpenseCategory; amount: number; description?: string }

function ExpenseModal({ customerId, open, onClose }: { customerId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ExpenseValues>();
  const { run, busy } = useRun();
  const e = (key: string) => t(`expense.${key}`);
  const save = async (v: ExpenseValues) => {
    const ok = await run(
      () =>
        api.POST('/api/v1/customers/{customerId}/expenses', {
          params: { path: { customerId } },
          body: { spentOn: v.spentOn.format('YYYY-MM-DD'), category: v.category, amount: v.amount, description: v.description?.trim() || null },
        }),
      {
        success: t('common.saved'),
        invalidate: ['/api/v1/customers/{customerId}/expenses'],
        onProblem: (p) => {
          if (!p.errors) return false;
          form.setFields(Object.entries(p.errors).map(([name, errors]) => ({ name: name as keyof ExpenseValues, errors })));
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
    <Modal open={open} title={e('add')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" name="expense" onFinish={save} initialValues={{ spentOn: dayjs(), category: 'Entertainment' }}>
        <Form.Item name="spentOn" label={e('spentOn')} rules={[{ required: true, message: e('spentOnRequired') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="category" label={e('category')} rules={[{ required: true }]}>
          <Select options={EXPENSE_CATEGORIES.map((c) => ({ value: c, label: e(`categories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="amount" label={e('amount')} rules={[{ required: true, message: e('amountRequired') }]}>
          <InputNumber style={{ width: '100%' }} min={0} precision={2} step={100} prefix="¥" />
        </Form.Item>
        <Form.Item name="description" label={e('description')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
