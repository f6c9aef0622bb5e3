import { Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitTreeSelect } from '../../components/OrgPickers';
import { StaffTable } from './StaffTable';

export function StaffPage() {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState<number | undefined>();
  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('nav.staff')}</Typography.Title>}
      extra={<UnitTreeSelect placeholder={t('admin.unit')} value={unitId} onChange={setUnitId} style={{ width: 220 }} />}
    >
      <StaffTable key={unitId ?? 'all'} unitId={unitId} />
    </Card>
  );
}
