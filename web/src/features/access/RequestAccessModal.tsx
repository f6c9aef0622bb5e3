import { App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { $api } from '../../api/client';
import { asProblem } from '../../api/problem';

interface Values {
  reason: string;
  days: number;
}

/** Asks for a read-only grant on one customer; the server routes it to the right approver. */
export function RequestAccessModal({
  customerId,
  customerName,
  owningUnitName,
  open,
  onClose,
}: {
  customerId: number;
  customerName?: string;
  owningUnitName?: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = $api.useMutation('post', '/api/v1/access/requests');

  const onFinish = async (values: Values) => {
    try {
      const request = await create.mutateAsync({ body: { customerId, reason: values.reason.trim(), days: values.days } });
      void message.success(t('access.submitted', { approver: request.approver.name }));
      form.resetFields();
      onClose();
    } catch (e) {
      const problem = asProblem(e);
      if (problem?.errors) {
        form.setFields(Object.entries(problem.errors).map(([name, errors]) => ({ name: name as keyof Values, errors })));
      } else {
        void message.error(problem?.detail ?? t('common.networkError'));
      }
    }
  };

  return (
    <Modal
      open={open}
      title={t('access.requestTitle')}
      okText={t('access.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {customerName && (
        <Typography.Paragraph>
          {t('access.customer')}：<strong>{customerName}</strong>
          {owningUnitName && <>（{owningUnitName}）</>}
        </Typography.Paragraph>
      )}
      <Form<Values> form={form} layout="vertical" initialValues={{ days: 3 }} onFinish={onFinish} name="request-access">
        <Form.Item name="reason" label={t('access.reason')} rules={[{ required: true, whitespace: true, message: t('access.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="days" label={t('access.days')} rules={[{ required: true }]}>
          <InputNumber min={1} max={7} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
