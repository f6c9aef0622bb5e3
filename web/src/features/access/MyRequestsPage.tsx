import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { $api } from '../../api/client';
import { asProblem } from '../../api/problem';
import type { AccessRequestDto } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { EmptyState, ErrorState } from '../../components/States';
import { GrantStateTag, RequestStatusTag } from './AccessTags';
import { usePaging } from './usePaging';

export function MyRequestsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const paging = usePaging();
  const q = $api.useQuery(
    'get',
    '/api/v1/access/requests',
    { params: { query: { box: 'Mine', page: paging.page, pageSize: paging.pageSize } } },
    { placeholderData: keepPreviousData },
  );
  const cancel = $api.useMutation('post', '/api/v1/access/requests/{id}/cancel');
  const a = (key: string) => t(`access.${key}`);

  const onCancel = async (id: number) => {
    try {
      await cancel.mutateAsync({ params: { path: { id } } });
      void message.success(a('cancelled'));
      await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/access/requests'] });
    } catch (e) {
      void message.error(asProblem(e)?.detail ?? t('common.networkError'));
    }
  };

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('nav.myRequests')}</Typography.Title>}>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<AccessRequestDto>
          rowKey="id"
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
          pagination={paging.pagination(q.data?.total)}
          scroll={{ x: 900 }}
          columns={[
            { title: a('customer'), dataIndex: 'customerName', render: (name: string, r) => (r.grant?.active ? <Link to={`/customers/${r.customerId}`}>{name}</Link> : name) },
            { title: a('owningUnit'), dataIndex: 'owningUnitName' },
            { title: a('approver'), dataIndex: ['approver', 'name'] },
            { title: a('days'), dataIndex: 'days', width: 80 },
            { title: a('createdAt'), dataIndex: 'createdAt', render: formatDateTime },
            { title: a('status'), dataIndex: 'status', render: (s, r) => <><RequestStatusTag status={s} />{r.grant && <GrantStateTag grant={r.grant} />}</> },
            { title: a('comment'), dataIndex: 'decisionComment', render: (v?: string | null) => v ?? '—' },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, r) =>
                r.status === 'Pending' && (
                  <Popconfirm title={a('cancelConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => onCancel(r.id)}>
                    <Button size="small">{a('cancel')}</Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}
