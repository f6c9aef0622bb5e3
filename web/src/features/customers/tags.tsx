import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerStatus } from '../../api/types';

const GRADE_COLORS: Record<string, string> = { A: 'red', B: 'orange', C: 'blue', D: 'default' };
const STATUS_COLORS: Record<CustomerStatus, string> = { Potential: 'default', Active: 'green', Dormant: 'gold', Lost: 'red' };

export function GradeTag({ grade }: { grade?: string | null }) {
  return grade ? <Tag color={GRADE_COLORS[grade] ?? 'default'}>{grade}</Tag> : <span>—</span>;
}

export function StatusTag({ status }: { status: CustomerStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`enums.CustomerStatus.${status}`)}</Tag>;
}
