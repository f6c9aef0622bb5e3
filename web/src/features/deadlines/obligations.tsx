import { App, Button, Form, Input, Modal, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ObligationDto, ObligationState } from '../../api/types';
import { useRun } from '../../components/useRun';
import { P, usePermissions } from '../auth/permissions';

const STATE_COLORS: Record<ObligationState, string> = {
  Pending: 'default',
  DueSoon: 'orange',
  Overdue: 'red',
  Submitted: 'blue',
  MetOnTime: 'green',
  MetLate: 'volcano',
};

export function ObligationStateTag({ state }: { state: ObligationState }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLORS[state]}>{t(`enums.ObligationState.${state}`)}</Tag>;
}

/** Working days left (negative: overdue), with a hint when the due date crosses a year whose holidays are not published. */
export function DaysLeft({ o }: { o: ObligationDto }) {
  const { t } = useTranslation();
  if (o.workingDaysLeft === null || o.workingDaysLeft === undefined) return <>—</>;
  const text = o.workingDaysLeft < 0 ? t('deadlines.overdueBy', { count: -o.workingDaysLeft }) : t('deadlines.daysLeft', { count: o.workingDaysLeft });
  return o.calendarConfirmed ? <>{text}</> : <Tooltip title={t('deadlines.calendarUnconfirmed')}>{text}*</Tooltip>;
}

const OBLIGATION_QUERIES = ['/api/v1/obligations', '/api/v1/customers/{customerId}/obligations', '/api/v1/reminders/mine'];

/**
 * Submit (whoever maintains the customer) and accept / return (市场部, deadlines.manage) one filing or change report.
 * The server decides; these buttons only follow the person's permissions and the obligation's status.
 */
export function ObligationActions({ o, mayWrite }: { o: ObligationDto; mayWrite: boolean }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { can } = usePermissions();
  const { run, busy } = useRun();
  const [returning, setReturning] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const d = (key: string) => t(`deadlines.${key}`);
  const path = { customerId: o.customerId, reportId: o.id };

  const submit = () =>
    run(
      () =>
        o.kind === 'Filing'
          ? api.POST('/api/v1/customers/{customerId}/filing/submit', { params: { path } })
          : api.POST('/api/v1/customers/{customerId}/change-reports/{reportId}/submit', { params: { path } }),
      {
        success: d('submitted'),
        invalidate: OBLIGATION_QUERIES,
        onProblem: (p) => {
          if (p.code !== 'filingIncomplete' || !p.errors) return false;
          modal.warning({
            title: d('incomplete'),
            content: (
              <div>
                <p>{p.detail}</p>
                <ul>{Object.entries(p.errors).map(([field, messages]) => <li key={field}>{messages.join(' ')}</li>)}</ul>
              </div>
            ),
          });
          return true;
        },
      },
    );
  const accept = () =>
    run(
      () =>
        o.kind === 'Filing'
          ? api.POST('/api/v1/customers/{customerId}/filing/accept', { params: { path } })
          : api.POST('/api/v1/customers/{customerId}/change-reports/{reportId}/accept', { params: { path } }),
      { success: d('accepted'), invalidate: OBLIGATION_QUERIES },
    );
  const doReturn = async ({ reason }: { reason: string }) => {
    const body = { reason: reason.trim() };
    const ok = await run(
      () =>
        o.kind === 'Filing'
          ? api.POST('/api/v1/customers/{customerId}/filing/return', { params: { path }, body })
          : api.POST('/api/v1/customers/{customerId}/change-reports/{reportId}/return', { params: { path }, body }),
      { success: d('returned'), invalidate: OBLIGATION_QUERIES },
    );
    if (ok) {
      setReturning(false);
      form.resetFields();
    }
  };

  const canSubmit = mayWrite && (o.status === 'Open' || o.status === 'Returned');
  const canDecide = can(P.deadlinesManage) && o.status === 'Submitted';
  if (!canSubmit && !canDecide) return null;
  return (
    <Space>
      {canSubmit && (
        <Button size="small" type="primary" loading={busy} onClick={() => void submit()} aria-label={`${d('submit')} ${o.customerName}`}>
          {d('submit')}
        </Button>
      )}
      {canDecide && (
        <>
          <Button size="small" type="primary" loading={busy} onClick={() => void accept()}>{d('accept')}</Button>
          <Button size="small" danger onClick={() => setReturning(true)}>{d('return')}</Button>
        </>
      )}
      <Modal
        open={returning}
        title={d('returnTitle')}
        okText={d('return')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setReturning(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={doReturn} name={`return-${o.id}`}>
          <Form.Item name="reason" label={d('returnReason')} rules={[{ required: true, whitespace: true, message: d('returnReasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
