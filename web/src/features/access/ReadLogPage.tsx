import { App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { asProblem } from '../../api/problem';
import { StaffSelect } from '../../components/OrgPickers';
import { ReadLogTable } from '../customers/CustomerTabs';

export function ReadLogPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [staffId, setStaffId] = useState<number | undefined>();
  const [verifying, setVerifying] = useState(false);

  const verify = async () => {
    setVerifying(true);
    const { data, error } = await api.GET('/api/v1/access/read-log/verify');
    setVerifying(false);
    if (error || !data) return void message.error(asProblem(error)?.detail ?? t('common.networkError'));
    if (data.intact) void message.success(t('access.readLog.intact', { count: data.entriesChecked }));
    else void message.error(t('access.readLog.broken', { id: data.firstBrokenEntryId }));
  };

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('nav.readLog')}</Typography.Title>}
      extra={<Button loading={verifying} onClick={() => void verify()}>{t('access.readLog.verify')}</Button>}
    >
      <Space style={{ marginBottom: 16 }}>
        <StaffSelect placeholder={t('access.readLog.staff')} value={staffId} onChange={(v) => setStaffId(v as number | undefined)} style={{ width: 220 }} />
      </Space>
      <ReadLogTable key={staffId ?? 'all'} staffId={staffId} />
    </Card>
  );
}
