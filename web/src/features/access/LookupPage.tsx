import { Alert, Button, Card, Form, Input, Radio, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../components/LinkButton';
import { useSearchParams } from 'react-router';
import { $api } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorState, Loading } from '../../components/States';
import { RequestAccessModal } from './RequestAccessModal';

type CustomerLookupResult = components['schemas']['CustomerLookupResult'];

/** Finds a customer by exact full name or credit code (nothing of the archive is shown) to request access to it. */
export function LookupPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const name = params.get('name') ?? undefined;
  const creditCode = params.get('creditCode') ?? undefined;
  const [by, setBy] = useState<'name' | 'creditCode'>(creditCode ? 'creditCode' : 'name');
  const [target, setTarget] = useState<CustomerLookupResult | null>(null);
  const lookup = $api.useQuery(
    'get',
    '/api/v1/access/customer-lookup',
    { params: { query: { name, creditCode } } },
    { enabled: !!(name || creditCode) },
  );

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('access.lookupTitle')}</Typography.Title>}>
      <Typography.Paragraph type="secondary">{t('access.lookupHint')}</Typography.Paragraph>
      <Form
        layout="inline"
        name="lookup"
        initialValues={{ value: name ?? creditCode ?? '' }}
        onFinish={({ value }: { value: string }) => setParams(value.trim() ? { [by]: value.trim() } : {})}
        style={{ marginBottom: 24 }}
      >
        <Form.Item>
          <Radio.Group value={by} onChange={(e) => setBy(e.target.value)} optionType="button"
            options={[{ value: 'name', label: t('access.lookupName') }, { value: 'creditCode', label: t('access.lookupCreditCode') }]} />
        </Form.Item>
        <Form.Item name="value" rules={[{ required: true, whitespace: true }]}>
          <Input aria-label={by === 'name' ? t('access.lookupName') : t('access.lookupCreditCode')} style={{ width: 320 }} allowClear />
        </Form.Item>
        <Button type="primary" htmlType="submit">{t('common.search')}</Button>
      </Form>
      {(name || creditCode) &&
        (lookup.isPending ? (
          <Loading />
        ) : lookup.isError ? (
          <ErrorState error={lookup.error} onRetry={() => void lookup.refetch()} />
        ) : lookup.data.length === 0 ? (
          <Alert type="info" showIcon title={t('access.lookupNone')} />
        ) : (
          lookup.data.map((found) => (
            <Result
              key={found.customerId}
              status={found.visibleToYou ? 'success' : 'info'}
              title={found.name}
              subTitle={`${t('access.owningUnit')}：${found.owningUnitName}${found.visibleToYou ? ` · ${t('access.visible')}` : ''}`}
              extra={
                found.visibleToYou ? (
                  <LinkButton to={`/customers/${found.customerId}`} type="primary">{t('access.open')}</LinkButton>
                ) : (
                  <Button type="primary" onClick={() => setTarget(found)}>
                    {t('customer.requestAccess')}
                  </Button>
                )
              }
            />
          ))
        ))}
      {target && (
        <RequestAccessModal
          customerId={target.customerId}
          customerName={target.name}
          owningUnitName={target.owningUnitName}
          open
          onClose={() => setTarget(null)}
        />
      )}
    </Card>
  );
}
