import { Button, Card, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api, api } from '../../api/client';
import type { CustomerDetail, GradeChangeDto } from '../../api/types';
import { formatDate, formatDateTime } from '../../components/format';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { useRun } from '../../components/useRun';
import { usePaging } from '../access/usePaging';
import { GradeTag } from '../customers/tags';
import { Explanation } from './Explanation';

const DIRECTION_COLORS: Record<string, string> = { Upgrade: 'green', Downgrade: 'red', Initial: 'blue', Same: 'default' };

export function DirectionTag({ direction }: { direction: string }) {
  const { t } = useTranslation();
  return <Tag color={DIRECTION_COLORS[direction]}>{t(`enums.GradeDirection.${direction}`)}</Tag>;
}

/** 评级: what a scheme would grade the customer and why, the manual override, and the grade history. */
export function GradeTab({ customer, mayOverride }: { customer: CustomerDetail; mayOverride: boolean }) {
  const { t } = useTranslation();
  const [overriding, setOverriding] = useState(false);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <EvaluationCard customerId={customer.id} extra={mayOverride && !customer.archived && <Button onClick={() => setOverriding(true)}>{t('grading.override')}</Button>} />
      <Card size="small" title={t('grading.history')}>
        <GradeHistoryTable customerId={customer.id} />
      </Card>
      <OverrideModal customer={customer} open={overriding} onClose={() => setOverriding(false)} />
    </Space>
  );
}

function EvaluationCard({ customerId, extra }: { customerId: number; extra?: React.ReactNode }) {
  const { t } = useTranslation();
  const [scheme, setScheme] = useState<string | undefined>();
  const [asked, setAsked] = useState(false);
  const schemes = $api.useQuery('get', '/api/v1/grading/schemes', {});
  const q = $api.useQuery('get', '/api/v1/customers/{id}/grade-evaluation', { params: { path: { id: customerId }, query: { scheme } } }, { enabled: asked });
  const g = (key: string) => t(`grading.${key}`);
  return (
    <Card size="small" title={g('evaluate')} extra={extra}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          aria-label={g('scheme')}
          placeholder={g('defaultScheme')}
          style={{ width: 220 }}
          value={scheme}
          onChange={setScheme}
          loading={schemes.isPending}
          options={(schemes.data ?? []).map((s) => ({ value: s.code, label: `${s.name}（${s.code}）` }))}
        />
        <Button type="primary" onClick={() => (asked ? void q.refetch() : setAsked(true))}>{g('evaluateButton')}</Button>
      </Space>
      {asked && q.isPending && <Loading />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={g('currentGrade')}><GradeTag grade={q.data.currentGrade} />{q.data.gradeOverridden && <Tag color="purple">{g('overridden')}</Tag>}</Descriptions.Item>
            <Descriptions.Item label={g('proposedGrade')}>
              <GradeTag grade={q.data.proposedGrade} /> {q.data.proposedGradeName} {q.data.wouldChange ? <Tag color="orange">{g('wouldChange')}</Tag> : <Tag>{g('noChange')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={g('scheme')}>{`${q.data.scheme.name} v${q.data.scheme.version}`}</Descriptions.Item>
            <Descriptions.Item label={g('window')}>{`${formatDate(q.data.windowFrom)} ~ ${formatDate(q.data.windowTo)}`}</Descriptions.Item>
          </Descriptions>
          <Explanation result={q.data.result} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {g('inputs')}: {Object.entries(q.data.input).map(([k, v]) => `${k}=${v ?? '—'}`).join('；')}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}

function GradeHistoryTable({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const paging = usePaging();
  const q = $api.useQuery('get', '/api/v1/customers/{id}/grade-history', { params: { path: { id: customerId }, query: { page: paging.page, pageSize: paging.pageSize } } });
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const g = (key: string) => t(`grading.${key}`);
  return (
    <Table<GradeChangeDto>
      rowKey="id"
      size="small"
      loading={q.isFetching}
      dataSource={q.data?.items ?? []}
      locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
      pagination={paging.pagination(q.data?.total)}
      columns={[
        { title: g('at'), dataIndex: 'at', width: 150, render: formatDateTime },
        { title: g('change'), key: 'change', render: (_, r) => <>{r.fromGrade ?? '—'} → <GradeTag grade={r.toGrade} /></> },
        { title: g('direction'), dataIndex: 'direction', render: (d: string) => <DirectionTag direction={d} /> },
        { title: g('source'), dataIndex: 'source', render: (s: string, r) => `${t(`enums.GradeChangeSource.${s}`)}${r.runId ? ` #${r.runId}` : ''}` },
        { title: g('reason'), dataIndex: 'reason', render: (v?: string | null) => v ?? '—' },
        { title: g('by'), dataIndex: ['by', 'name'] },
      ]}
    />
  );
}

function OverrideModal({ customer, open, onClose }: { customer: CustomerDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ grade: string; reason: string }>();
  const { run, busy } = useRun();
  const schemes = $api.useQuery('get', '/api/v1/grading/schemes', {}, { enabled: open });
  const defaultScheme = schemes.data?.find((s) => s.isDefault) ?? schemes.data?.[0];
  const scheme = $api.useQuery('get', '/api/v1/grading/schemes/{code}', { params: { path: { code: defaultScheme?.code ?? '' } } }, { enabled: open && !!defaultScheme });
  const grades = scheme.data?.grades.map((g) => ({ value: g.code, label: `${g.code} ${g.name}` })) ?? ['A', 'B', 'C', 'D'].map((g) => ({ value: g, label: g }));
  const g = (key: string) => t(`grading.${key}`);
  const save = async (v: { grade: string; reason: string }) => {
    const ok = await run(() => api.POST('/api/v1/customers/{id}/grade-override', { params: { path: { id: customer.id } }, body: { grade: v.grade, reason: v.reason.trim() } }), {
      success: g('overrideDone'),
      invalidate: ['/api/v1/customers/{id}', '/api/v1/customers/{id}/grade-history', '/api/v1/customers/{id}/grade-evaluation', '/api/v1/customers'],
      onProblem: (p) => {
        if (!p.errors) return false;
        form.setFields(Object.entries(p.errors).map(([name, errors]) => ({ name: name as 'grade' | 'reason', errors })));
        return true;
      },
    });
    if (ok) {
      form.resetFields();
      onClose();
    }
  };
  return (
    <Modal open={open} title={g('override')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={save} name="override" initialValues={{ grade: customer.grade ?? undefined }}>
        <Form.Item name="grade" label={g('newGrade')} rules={[{ required: true }]}>
          <Select options={grades} />
        </Form.Item>
        <Form.Item name="reason" label={g('reason')} rules={[{ required: true, whitespace: true, message: g('reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
