import { Alert, Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { asProblem } from '../api/problem';

export function Loading({ tip }: { tip?: string }) {
  const { t } = useTranslation();
  return (
    <div style={{ padding: 48, textAlign: 'center' }} role="status" aria-live="polite">
      <Spin />
      <div style={{ marginTop: 8, color: 'rgba(0,0,0,.45)' }}>{tip ?? t('common.loading')}</div>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const problem = asProblem(error);
  const detail = problem ? (problem.detail ?? problem.title ?? `HTTP ${problem.status}`) : t('common.networkError');
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('common.error')}
      description={detail}
      action={onRetry && <Button size="small" onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}

export function EmptyState({ description, children }: { description?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Empty description={description ?? t('common.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE}>
      {children}
    </Empty>
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return <Result status="403" title={t('common.forbidden')} subTitle={t('common.forbiddenDetail')} extra={<Link to="/">{t('common.home')}</Link>} />;
}

export function PageNotFound() {
  const { t } = useTranslation();
  return <Result status="404" title={t('common.pageNotFound')} extra={<Link to="/">{t('common.home')}</Link>} />;
}

export function ComingSoon() {
  const { t } = useTranslation();
  return <Result status="info" title={t('common.comingSoon')} subTitle={t('common.comingSoonDetail')} />;
}
