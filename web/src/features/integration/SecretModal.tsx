import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A secret the server answers once (client secret, webhook signing key): shown in a modal with a copy button and a
 * warning. Closing the modal forgets it: the page keeps it nowhere else.
 */
export function SecretModal({ secret, title, warning, label, extra, onClose }: {
  secret: string | null;
  title: string;
  warning: string;
  label: string;
  extra?: React.ReactNode;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret ?? '');
      void message.success(t('integration.clients.copied'));
    } catch {
      void message.warning(t('integration.clients.copyFailed'));
    }
  };
  return (
    <Modal
      open={secret !== null}
      title={title}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      onCancel={onClose}
      footer={<Button type="primary" onClick={onClose}>{t('integration.clients.secretSaved')}</Button>}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={warning} />
        {extra}
        <label htmlFor="one-time-secret"><Typography.Text strong>{label}</Typography.Text></label>
        <Space.Compact style={{ width: '100%' }}>
          <Input id="one-time-secret" readOnly value={secret ?? ''} data-testid="one-time-secret" onFocus={(e) => e.target.select()} style={{ fontFamily: 'monospace' }} />
          <Button icon={<CopyOutlined />} aria-label={`${t('integration.clients.copy')} ${label}`} onClick={() => void copy()}>{t('integration.clients.copy')}</Button>
        </Space.Compact>
      </Space>
    </Modal>
  );
}
