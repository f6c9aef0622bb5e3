import { Alert, Button, Descriptions, Drawer, Form, Input, Modal, Radio, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { $api, api } from '../../api/client';
import { formatDate, formatDateTime } from '../../components/format';
import { StaffSelect, UnitTreeSelect } from '../../components/OrgPickers';
import { ErrorState, Loading } from '../../components/States';
import { useRun } from '../../components/useRun';
import type { ComplaintDto, ComplaintStatus, MoveComplaintRequest } from './types';

const STATUS_COLORS: Record<ComplaintStatus, string> = { Received: 'blue', Investigating: 'orange', Rework: 'volcano', Replied: 'cyan', Archived: 'green' };
const MAIN_PATH: ComplaintStatus[] = ['Received', 'Investigating', 'Rework', 'Replied', 'Archived'];

export function ComplaintStatusTag({ status }: { status: ComplaintStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`complaint.statuses.${status}`)}</Tag>;
}

export function SubstantiatedTag({ value }: { value?: boolean | null }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) return <Typography.Text type="secondary">{t('complaint.undetermined')}</Typography.Text>;
  return value ? <Tag color="red">{t('complaint.substantiatedYes')}</Tag> : <Tag>{t('complaint.substantiatedNo')}</Tag>;
}

/** The button label of a move: "not satisfied" sends a replied complaint back to the investigation. */
const actionKey = (from: ComplaintStatus, to: ComplaintStatus) => (from === 'Replied' && to === 'Investigating' ? 'Reinvestigate' : to);

/** One complaint: where it stands in the workflow, the moves allowed from there, and its history. */
export function ComplaintDrawer({ target, mayHandle, onClose }: {
  target: { customerId: number; complaintId: number } | null;
  mayHandle: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer open={target !== null} onClose={onClose} size={720} title={t('complaint.detail')} destroyOnHidden>
      {target && <ComplaintDetail customerId={target.customerId} complaintId={target.complaintId} mayHandle={mayHandle} />}
    </Drawer>
  );
}

function ComplaintDetail({ customerId, complaintId, mayHandle }: { customerId: number; complaintId: number; mayHandle: boolean }) {
  const { t } = useTranslation();
  const [moving, setMoving] = useState<ComplaintStatus | null>(null);
  const q = $api.useQuery('get', '/api/v1/customers/{customerId}/complaints/{complaintId}', { params: { path: { customerId, complaintId } } });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  const f = (key: string) => t(`complaint.${key}`);
  // Rework is a detour: show it in the steps only when the complaint went through it.
  const path = MAIN_PATH.filter((s) => s !== 'Rework' || c.status === 'Rework' || c.history.some((h) => h.to === 'Rework'));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>{c.subject} <ComplaintStatusTag status={c.status} /></Typography.Title>
      <Steps
        size="small"
        current={path.indexOf(c.status)}
        status={c.status === 'Archived' ? 'finish' : 'process'}
        items={path.map((s) => ({ title: f(`statuses.${s}`) }))}
      />
      <Space wrap data-testid="complaint-moves">
        {mayHandle && c.allowed.map((to) => (
          <Button key={to} type={to === 'Archived' || to === c.allowed[0] ? 'primary' : 'default'} danger={c.status === 'Replied' && to === 'Investigating'} onClick={() => setMoving(to)}>
            {f(`actions.${actionKey(c.status, to)}`)}
          </Button>
        ))}
        {c.allowed.length === 0 && <Typography.Text type="secondary">{f('noMoves')}</Typography.Text>}
      </Space>
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={f('customer')}><Link to={`/customers/${c.customerId}?tab=complaints`}>{c.customerName}</Link></Descriptions.Item>
        <Descriptions.Item label={f('unit')}>{c.unit.name}</Descriptions.Item>
        <Descriptions.Item label={f('receivedOn')}>{formatDate(c.receivedOn)}</Descriptions.Item>
        <Descriptions.Item label={f('description')}><span style={{ whiteSpace: 'pre-wrap' }}>{c.description}</span></Descriptions.Item>
        <Descriptions.Item label={f('substantiated')}><SubstantiatedTag value={c.substantiated} /></Descriptions.Item>
        <Descriptions.Item label={f('finding')}>{c.finding ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={f('responsibleUnit')}>{c.responsibleUnit?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={f('responsibleStaff')}>{c.responsibleStaff?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={f('correctiveAction')}>{c.correctiveAction ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={f('review')}>{c.review ? `${c.review}${c.reviewedBy ? `（${c.reviewedBy.name}）` : ''}` : '—'}</Descriptions.Item>
        <Descriptions.Item label={f('rounds')}>{c.rounds}</Descriptions.Item>
        {c.archivedOn && <Descriptions.Item label={f('archivedOn')}>{formatDate(c.archivedOn)}</Descriptions.Item>}
      </Descriptions>
      <Typography.Title level={5}>{f('history')}</Typography.Title>
      <Timeline
        items={c.history.map((h, i) => ({
          key: i,
          content: (
            <>
              <Typography.Text strong>{h.from ? `${f(`statuses.${h.from}`)} → ` : ''}{f(`statuses.${h.to}`)}</Typography.Text>
              <Typography.Text type="secondary"> · {h.by.name} · {formatDateTime(h.at)}</Typography.Text>
              {h.note && <div>{h.note}</div>}
            </>
          ),
        }))}
      />
      <MoveModal complaint={c} to={moving} onClose={() => setMoving(null)} onReload={() => { setMoving(null); void q.refetch(); }} />
    </Space>
  );
}

interface MoveValues {
  note?: string;
  substantiated?: boolean;
  finding?: string;
  responsibleUnitId?: number;
  responsibleStaffId?: number;
  correctiveAction?: string;
  review?: string;
}

/** The form of one move, with the fields that move needs (DOMAIN.md §6). */
function MoveModal({ complaint: c, to, onClose, onReload }: { complaint: ComplaintDto; to: ComplaintStatus | null; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MoveValues>();
  const { run, busy } = useRun();
  const [conflict, setConflict] = useState<string | null>(null);
  const substantiated = Form.useWatch('substantiated', form);
  const f = (key: string) => t(`complaint.${key}`);
  const endsInvestigation = c.status === 'Investigating';
  const archiving = to === 'Archived';
  const needsReview = archiving && c.substantiated === true;
  const showAction = to === 'Rework' || c.status === 'Rework' || needsReview || (endsInvestigation && substantiated === true);

  const save = async (v: MoveValues) => {
    if (!to) return;
    const text = (s?: string) => (s?.trim() ? s.trim() : null);
    const body: MoveComplaintRequest = {
      to,
      note: text(v.note),
      substantiated: endsInvestigation ? (v.substantiated ?? null) : null,
      finding: endsInvestigation ? text(v.finding) : null,
      responsibleUnitId: endsInvestigation && v.substantiated ? (v.responsibleUnitId ?? null) : null,
      responsibleStaffId: endsInvestigation && v.substantiated ? (v.responsibleStaffId ?? null) : null,
      correctiveAction: showAction ? text(v.correctiveAction) : null,
      review: needsReview ? text(v.review) : null,
    };
    const ok = await run(
      () => api.POST('/api/v1/customers/{customerId}/complaints/{complaintId}/transitions', { params: { path: { customerId: c.customerId, complaintId: c.id } }, body }),
      {
        success: t('complaint.moved', { status: f(`statuses.${to}`) }),
        invalidate: ['/api/v1/customers/{customerId}/complaints/{complaintId}', '/api/v1/customers/{customerId}/complaints', '/api/v1/complaints'],
        onProblem: (p) => {
          if (p.status === 409) {
            setConflict(p.detail ?? f('illegal'));
            return true;
          }
          if (!p.errors) return false;
          form.setFields(Object.entries(p.errors).map(([name, errors]) => ({ name: name as keyof MoveValues, errors })));
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
    <Modal
      open={to !== null}
      title={to ? f(`actions.${actionKey(c.status, to)}`) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ disabled: conflict !== null }}
      onOk={() => form.submit()}
      onCancel={() => { setConflict(null); onClose(); }}
      destroyOnHidden
    >
      {conflict && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={f('illegal')}
          description={conflict}
          action={<Button size="small" onClick={() => { setConflict(null); onReload(); }}>{f('reload')}</Button>}
        />
      )}
      <Form form={form} layout="vertical" name="complaint-move" onFinish={save} initialValues={{ correctiveAction: c.correctiveAction ?? undefined }}>
        {endsInvestigation && (
          <>
            <Form.Item name="substantiated" label={f('substantiated')} rules={[{ required: true, message: f('substantiatedRequired') }]}>
              <Radio.Group options={[{ value: true, label: f('substantiatedYes') }, { value: false, label: f('substantiatedNo') }]} />
            </Form.Item>
            <Form.Item name="finding" label={f('finding')} extra={f('findingHint')} rules={[{ required: true, whitespace: true, message: f('findingRequired') }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            {substantiated === true && (
              <>
                <Form.Item name="responsibleUnitId" label={f('responsibleUnit')} rules={[{ required: true, message: f('responsibleUnitRequired') }]}>
                  <UnitTreeSelect placeholder={f('responsibleUnit')} />
                </Form.Item>
                <Form.Item name="responsibleStaffId" label={f('responsibleStaff')}>
                  <StaffSelect placeholder={f('responsibleStaff')} aria-label={f('responsibleStaff')} />
                </Form.Item>
              </>
            )}
          </>
        )}
        {showAction && (
          <Form.Item name="correctiveAction" label={f('correctiveAction')} rules={needsReview ? [{ required: true, whitespace: true, message: f('correctiveActionRequired') }] : []}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
        {needsReview && (
          <Form.Item name="review" label={f('review')} rules={[{ required: true, whitespace: true, message: f('reviewRequired') }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
        <Form.Item name="note" label={f('note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
