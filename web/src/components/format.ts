import dayjs from 'dayjs';

export const formatDateTime = (value?: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—');
export const formatDate = (value?: string | null) => (value ? dayjs(value).format('YYYY-MM-DD') : '—');
export const formatMoney = (value?: number | null) =>
  value === null || value === undefined ? '—' : value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
