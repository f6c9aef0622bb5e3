import { Button, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../components/LinkButton';
import { RequestAccessModal } from '../access/RequestAccessModal';

/** 404 on a customer: it does not exist or is not visible; either way the person may ask for access. */
export function CustomerNotFound({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Result
        status="404"
        title={t('customer.notFoundTitle')}
        subTitle={t('customer.notFoundDetail')}
        extra={[
          <Button type="primary" key="request" onClick={() => setOpen(true)}>
            {t('customer.requestAccess')}
          </Button>,
          <LinkButton key="back" to="/customers">{t('common.back')}</LinkButton>,
        ]}
      />
      <RequestAccessModal customerId={customerId} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
