import { PlusOutlined } from '@ant-design/icons';
import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { $api } from '../../api/client';
import type { SchemeListItem } from '../../api/types';
import { formatDate } from '../../components/format';
import { LinkButton } from '../../components/LinkButton';
import { EmptyState, ErrorState } from '../../components/States';
import { P, usePermissions } from '../auth/permissions';

/** 分级方案: every scheme with the version in force today and the newest one. */
export function SchemesPage() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const q = $api.useQuery('get', '/api/v1/grading/schemes', {});
  const g = (key: string) => t(`grading.${key}`);
  const mayEdit = can(P.classificationSchemes);
  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('nav.schemes')}</Typography.Title>}
      extra={mayEdit && <LinkButton to="/classification/schemes/new" type="primary" icon={<PlusOutlined />}>{g('newScheme')}</LinkButton>}
    >
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<SchemeListItem>
          rowKey="code"
          loading={q.isPending}
          dataSource={q.data ?? []}
          pagination={false}
          locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
          columns={[
            { title: g('code'), dataIndex: 'code', render: (c: string, s) => <>{c} {s.isDefault && <Tag color="blue">{g('isDefault')}</Tag>}</> },
            { title: g('name'), dataIndex: 'name' },
            { title: g('versions'), dataIndex: 'versions' },
            { title: g('inForce'), key: 'inForce', render: (_, s) => (s.inForce ? `v${s.inForce.version}（${formatDate(s.inForce.effectiveFrom)}）` : '—') },
            { title: g('latest'), key: 'latest', render: (_, s) => `v${s.latest.version}（${formatDate(s.latest.effectiveFrom)}）${s.latest.comment ? ` ${s.latest.comment}` : ''}` },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, s) => <Link to={`/classification/schemes/${encodeURIComponent(s.code)}`}>{mayEdit ? t('common.edit') : g('view')}</Link>,
            },
          ]}
        />
      )}
    </Card>
  );
}
