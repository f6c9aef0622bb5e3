import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AccessGrantDto, AccessRequestStatus } from '../../api/types';

const COLORS: Record<AccessRequestStatus, string> = { Pending: 'processing', Approved: 'success', Rejected: 'error', Cancelled: 'default' };

export function RequestStatusTag({ status }: { status: AccessRequestStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`enums.AccessRequestStatus.${status}`)}</Tag>;
}

/** Active (with the time left), expired or revoked. */
export function GrantStateTag({ grant }: { grant: AccessGrantDto }) {
  const { t } = useTranslation();
  if (grant.revokedAt) return <Tag>{t('access.revoked')}</Tag>;
  if (!grant.active || dayjs(grant.expiresAt).isBefore(dayjs())) return <Tag>{t('access.expired')}</Tag>;
  const hours = Math.max(0, dayjs(grant.expiresAt).diff(dayjs(), 'hour'));
  const left = hours >= 24 ? t('common.days', { count: Math.ceil(hours / 24) }) : `${hours} h`;
  return <Tag color="success">{`${t('access.active')} · ${t('access.remaining')} ${left}`}</Tag>;
}
