import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { $api } from '../../api/client';
import { asProblem } from '../../api/problem';
import type { AccessGrantDto } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { EmptyState, ErrorState } from '../../components/States';
import { GrantStateTag } from './AccessTags';
import { usePaging } from './usePaging';

export function MyGrantsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [activeOnly, setActiveOnly] = useState(true);
  const paging = usePaging();
  const q = $api.useQuery(
    'get',
    '/api/v1/access/grants',
    { params: { query: { activeOnly, page: paging.page, pageSize: paging.pageSize } } },
    { placeholderData: keepPreviousData },
  );
  const revoke = $api.useMutation('post', '/api/v1/access/grants/{id}/revoke');
  const a = (key: string) => t(`access.${key}`);

  const onRevoke = async (id: number) => {
    try {
      await revoke.mutateAsync({ params: { path: { id } }, body: {} });
      void message.success(a('revoked'));
      await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/access/grants'] });
    } catch (e) {
      void message.error(asProblem(e)?.detail ?? t('common.networkError'));
    }
  };

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('nav.myGrants')}</Typography.Title>}
      extra={
        <label>
          <Switch size="small" checked={activeOnly} onChange={(v) => { setActiveOnly(v); paging.reset(); }} /> {a('active')}
        </label>
      }
    >
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<AccessGrantDto>
          rowKey="id"
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
          pagination={paging.pagination(q.data?.total)}
          scroll={{ x: 800 }}
          columns={[
            { title: a('customer'), dataIndex: 'customerName', render: (name: string, g) => (g.active ? <Link to={`/customers/${g.customerId}`}>{name}</Link> : name) },
            { title: a('grantedBy'), dataIndex: ['grantedBy', 'name'] },
            { title: a('startsAt'), dataIndex: 'startsAt', render: formatDateTime },
            { title: a('expiresAt'), dataIndex: 'expiresAt', render: formatDateTime },
            { title: a('status'), key: 'state', render: (_, g) => <GrantStateTag grant={g} /> },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, g) =>
                g.active && (
                  <Popconfirm title={a('revokeConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => onRevoke(g.id)}>
                    <Button size="small">{a('revoke')}</Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}
