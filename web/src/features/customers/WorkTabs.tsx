import { keepPreviousData } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api, api } from '../../api/client';
import {
  ACTIVITY_KINDS,
  type ActivityDto,
  type ActivityKind,
  type ContactDutyStatus,
  type FeedbackFormDto,
  type ObligationDto,
} from '../../api/types';
import { formatDate, formatDateTime } from '../../components/format';
import { EmptyState, ErrorState } from '../../components/States';
import { useRun } from '../../components/useRun';
import { usePaging } from '../access/usePaging';
import { DaysLeft, ObligationActions, ObligationStateTag } from '../deadlines/obligations';

/** 走访与联系: the customer's follow-up activities, newest first, and a form to record one. */
export function ActivitiesTab({ customerId, mayWrite }: { customerId: number; mayWrite: boolean }) {
  const { t } = useTranslation();
  const paging = usePaging();
  const [kind, setKind] = useState<ActivityKind | undefined>();
  const [adding, setAdding] = useState(false);
  const q = $api.useQuery(
    'get',
    '/api/v1/customers/{customerId}/activities',
    { params: { path: { customerId }, query: { kind, page: paging.page, pageSize: paging.pageSize } } },
    { placeholderData: keepPreviousData },
  );
  const a = (key: string) => t(`activity.${key}`);
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          placeholder={a('kind')}
          aria-label={a('kind')}
          style={{ width: 140 }}
          value={kind}
          onChange={(v) => { setKind(v); paging.reset(); }}
          options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`enums.ActivityKind.${k}`) }))}
        />
        {mayWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{a('add')}</Button>}
      </Space>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<ActivityDto>
          rowKey="id"
          size="small"
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
          pagination={paging.pagination(q.data?.total)}
          columns={[
            { title: a('occurredOn'), dataIndex: 'occurredOn', width: 110, render: formatDate },
            { title: a('kind'), dataIndex: 'kind', width: 90, render: (k: ActivityKind) => <Tag>{t(`enums.ActivityKind.${k}`)}</Tag> },
            { title: a('participants'), dataIndex: 'participants', width: 140, render: (ps: ActivityDto['participants']) => ps.map((p) => p.name).join('、') },
            { title: a('keyPersons'), dataIndex: 'keyPersons', width: 140, render: (ks: ActivityDto['keyPersons']) => ks.map((k) => k.name).join('、') || '—' },
            { title: a('notes'), dataIndex: 'notes' },
            { title: a('outcome'), dataIndex: 'outcome', render: (v?: string | null) => v ?? '—' },
            {
              title: a('nextStep'),
              dataIndex: 'nextStep',
              render: (v: string | null | undefined, r) => (v ? `${v}${r.nextStepDue ? `（${formatDate(r.nextStepDue)}）` : ''}` : '—'),
            },
          ]}
        />
      )}
      <AddActivityModal customerId={customerId} open={adding} onClose={() => setAdding(false)} />
    </>
  );
}

interface ActivityValues {
  kind: ActivityKind;
  occurredOn: Dayjs;
  keyPersonIds?: number[];
  notes: string;
  outcome?: string;
  nextStep?: string;
  nextStepDue?: Dayjs | null;
}

function AddActivityModal({ customerId, open, onClose }: { customerId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActivityValues>();
  const { run, busy } = useRun();
  const keyPersons = $api.useQuery('get', '/api/v1/customers/{customerId}/key-persons', { params: { path: { customerId } } }, { enabled: open });
  const a = (key: string) => t(`activity.${key}`);
  const save = async (v: ActivityValues) => {
    const blank = (s?: string) => (s?.trim() ? s.trim() : null);
    const ok = await run(
      () =>
        api.POST('/api/v1/customers/{customerId}/activities', {
          params: { path: { customerId } },
          body: {
            kind: v.kind,
            occurredOn: v.occurredOn.format('YYYY-MM-DD'),
            keyPersonIds: v.keyPersonIds ?? [],
            notes: v.notes.trim(),
            outcome: blank(v.outcome),
            nextStep: blank(v.nextStep),
            nextStepDue: v.nextStepDue ? v.nextStepDue.format('YYYY-MM-DD') : null,
          },
        }),
      {
        success: t('common.saved'),
        invalidate: ['/api/v1/customers/{customerId}/activities', '/api/v1/customers/{id}/contact-duties'],
        onProblem: (p) => {
          if (!p.errors) return false;
          form.setFields(Object.entries(p.errors).map(([name, errors]) => ({ name: name as keyof ActivityValues, errors })));
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
    <Modal open={open} title={a('add')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={save} name="activity" initialValues={{ kind: 'Visit', occurredOn: dayjs() }}>
        <Form.Item name="kind" label={a('kind')} rules={[{ required: true }]}>
          <Select options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`enums.ActivityKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="occurredOn" label={a('occurredOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="keyPersonIds" label={a('keyPersons')}>
          <Select mode="multiple" loading={keyPersons.isPending} options={(keyPersons.data ?? []).map((k) => ({ value: k.id, label: k.name }))} />
        </Form.Item>
        <Form.Item name="notes" label={a('notes')} rules={[{ required: true, whitespace: true, message: a('notesRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="outcome" label={a('outcome')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="nextStep" label={a('nextStep')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="nextStepDue" label={a('nextStepDue')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 备案: the customer's filing and change reports with submit / accept / return. */
export function ObligationsTab({ customerId, mayWrite }: { customerId: number; mayWrite: boolean }) {
  const { t } = useTranslation();
  const q = $api.useQuery('get', '/api/v1/customers/{customerId}/obligations', { params: { path: { customerId } } });
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const d = (key: string) => t(`deadlines.${key}`);
  return (
    <Table<ObligationDto>
      rowKey="id"
      size="small"
      loading={q.isPending}
      dataSource={q.data ?? []}
      pagination={false}
      locale={{ emptyText: q.isPending ? ' ' : <EmptyState description={d('noObligations')} /> }}
      expandable={{
        rowExpandable: (o) => !!o.returnedReason || o.changedFields.length > 0,
        expandedRowRender: (o) => (
          <Descriptions size="small" column={1}>
            {o.changedFields.length > 0 && <Descriptions.Item label={d('changedFields')}>{o.changedFields.join('、')}</Descriptions.Item>}
            {o.returnedReason && <Descriptions.Item label={d('returnedReason')}>{o.returnedReason}</Descriptions.Item>}
          </Descriptions>
        ),
      }}
      columns={[
        { title: d('kind'), dataIndex: 'kind', render: (k: string) => t(`enums.ObligationKind.${k}`) },
        { title: d('state'), dataIndex: 'state', render: (s: ObligationDto['state']) => <ObligationStateTag state={s} /> },
        { title: d('triggeredOn'), dataIndex: 'triggeredOn', render: formatDate },
        { title: d('dueOn'), dataIndex: 'dueOn', render: formatDate },
        { title: d('workingDaysLeft'), key: 'left', render: (_, o) => <DaysLeft o={o} /> },
        { title: d('submittedOn'), dataIndex: 'submittedOn', render: formatDate },
        { title: d('metOn'), dataIndex: 'metOn', render: formatDate },
        { title: d('responsible'), dataIndex: ['responsible', 'name'] },
        { title: d('reminders'), dataIndex: 'reminderCount' },
        { title: t('common.actions'), key: 'actions', render: (_, o) => <ObligationActions o={o} mayWrite={mayWrite} /> },
      ]}
    />
  );
}

/** 客户信息反馈表: the customer's feedback forms and a form to submit one. */
export function FeedbackTab({ customerId, mayWrite }: { customerId: number; mayWrite: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const q = $api.useQuery('get', '/api/v1/customers/{customerId}/feedback-forms', { params: { path: { customerId } } });
  const f = (key: string) => t(`feedback.${key}`);
  return (
    <>
      {mayWrite && (
        <Button style={{ marginBottom: 12 }} type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{f('add')}</Button>
      )}
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<FeedbackFormDto>
          rowKey="id"
          size="small"
          loading={q.isPending}
          dataSource={q.data ?? []}
          pagination={false}
          locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
          columns={[
            { title: f('month'), dataIndex: 'month', width: 90 },
            { title: f('grade'), dataIndex: 'grade', width: 60, render: (g?: string | null) => g ?? '—' },
            { title: f('situation'), dataIndex: 'situation' },
            { title: f('needs'), dataIndex: 'needs', render: (v?: string | null) => v ?? '—' },
            { title: f('competitorInfo'), dataIndex: 'competitorInfo', render: (v?: string | null) => v ?? '—' },
            { title: f('suggestions'), dataIndex: 'suggestions', render: (v?: string | null) => v ?? '—' },
            { title: f('submittedBy'), dataIndex: ['submittedBy', 'name'], width: 90 },
            { title: f('submittedAt'), dataIndex: 'submittedAt', width: 150, render: formatDateTime },
          ]}
        />
      )}
      <FeedbackModal customerId={customerId} open={adding} onClose={() => setAdding(false)} />
    </>
  );
}

interface FeedbackValues { month: Dayjs; situation: string; needs?: string; competitorInfo?: string; suggestions?: string }

function FeedbackModal({ customerId, open, onClose }: { customerId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FeedbackValues>();
  const { run, busy } = useRun();
  const f = (key: string) => t(`feedback.${key}`);
  const save = async (v: FeedbackValues) => {
    const blank = (s?: string) => (s?.trim() ? s.trim() : null);
    const ok = await run(
      () =>
        api.POST('/api/v1/customers/{customerId}/feedback-forms', {
          params: { path: { customerId } },
          body: { month: v.month.format('YYYY-MM'), situation: v.situation.trim(), needs: blank(v.needs), competitorInfo: blank(v.competitorInfo), suggestions: blank(v.suggestions) },
        }),
      {
        success: t('common.saved'),
        invalidate: ['/api/v1/customers/{customerId}/feedback-forms', '/api/v1/feedback-forms', '/api/v1/feedback-quotas'],
        onProblem: (p) => {
          if (!p.errors) return false;
          form.setFields(Object.entries(p.errors).map(([name, errors]) => ({ name: name as keyof FeedbackValues, errors })));
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
    <Modal open={open} title={f('add')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={save} name="feedback" initialValues={{ month: dayjs() }}>
        <Form.Item name="month" label={f('month')} rules={[{ required: true }]}>
          <DatePicker picker="month" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
        </Form.Item>
        <Form.Item name="situation" label={f('situation')} rules={[{ required: true, whitespace: true, message: f('situationRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="needs" label={f('needs')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Form.Item name="competitorInfo" label={f('competitorInfo')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Form.Item name="suggestions" label={f('suggestions')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** 联系频次: each duty for the customer's grade in the current period — required, done, missing. */
export function ContactDutiesTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const q = $api.useQuery('get', '/api/v1/customers/{id}/contact-duties', { params: { path: { id: customerId } } });
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const c = (key: string) => t(`contactDuty.${key}`);
  return (
    <>
      {q.data && <Typography.Paragraph type="secondary">{c('asOf')}: {formatDate(q.data.asOf)} · {t('customer.fields.grade')}: {q.data.grade ?? '—'}</Typography.Paragraph>}
      <Table<ContactDutyStatus>
        rowKey={(r) => `${r.role}-${r.kind}`}
        size="small"
        loading={q.isPending}
        dataSource={q.data?.duties ?? []}
        pagination={false}
        locale={{ emptyText: q.isPending ? ' ' : <EmptyState description={c('none')} /> }}
        columns={[
          { title: c('role'), dataIndex: 'role', render: (r: string) => t(`enums.ContactRole.${r}`) },
          { title: c('responsible'), dataIndex: 'responsible', render: (rs: ContactDutyStatus['responsible']) => rs.map((s) => s.name).join('、') || '—' },
          { title: c('kind'), dataIndex: 'kind', render: (k: string) => t(`enums.ContactKind.${k}`) },
          { title: c('required'), key: 'required', render: (_, r) => t('contactDuty.perPeriod', { count: r.required, period: t(`enums.ContactPeriod.${r.period}`) }) },
          { title: c('period'), key: 'period', render: (_, r) => `${formatDate(r.periodFrom)} ~ ${formatDate(r.periodTo)}` },
          { title: c('done'), dataIndex: 'done' },
          { title: c('missing'), dataIndex: 'missing', render: (m: number) => (m > 0 ? <Tag color="red">{m}</Tag> : <Tag color="green">0</Tag>) },
        ]}
      />
    </>
  );
}
