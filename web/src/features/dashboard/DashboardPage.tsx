import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { $api } from '../../api/client';
import { GRADES } from '../../api/types';
import { ErrorState, Loading } from '../../components/States';
import { P, usePermissions } from '../auth/permissions';
// ECharts is large: loaded only when the chart is shown.
const GradeChart = lazy(() => import('./GradeChart').then((m) => ({ default: m.GradeChart })));

/** Home: who you are, what waits for you, and how the customers you can see spread over the grades. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { me, can } = usePermissions();
  const mayRead = can(P.customersRead);
  const mayApprove = can(P.accessApprove);
  // One cheap count per grade (pageSize 1 reads only the total); a statistics endpoint can replace this later.
  const grades = useQueries({
    queries: GRADES.map((grade) => ({
      ...$api.queryOptions('get', '/api/v1/customers', { params: { query: { grade, page: 1, pageSize: 1 } } }),
      enabled: mayRead,
    })),
  });
  const all = $api.useQuery('get', '/api/v1/customers', { params: { query: { page: 1, pageSize: 1 } } }, { enabled: mayRead });
  const inbox = $api.useQuery('get', '/api/v1/access/requests', { params: { query: { box: 'Inbox', status: 'Pending', page: 1, pageSize: 1 } } }, { enabled: mayApprove });
  const grants = $api.useQuery('get', '/api/v1/access/grants', { params: { query: { activeOnly: true, page: 1, pageSize: 1 } } });

  const gradeError = grades.find((g) => g.isError)?.error;
  const counts = GRADES.map((grade, i) => ({ grade, count: grades[i].data?.total ?? 0 }));

  return (
    <>
      <Typography.Title level={3}>{t('dashboard.welcome', { name: me?.displayName ?? '' })}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {me?.unitName} · {me?.positions.map((p) => t(`enums.Positions.${p}`)).join('、')}
      </Typography.Paragraph>
      <Row gutter={16}>
        {mayRead && (
          <Col xs={24} md={8}>
            <Card>
              <Link to="/customers">
                <Statistic title={t('dashboard.visibleCustomers')} value={all.data?.total ?? '—'} suffix={all.data?.totalIsCapped ? '+' : undefined} loading={all.isPending} />
              </Link>
            </Card>
          </Col>
        )}
        {mayApprove && (
          <Col xs={24} md={8}>
            <Card>
              <Link to="/access/inbox">
                <Statistic title={t('dashboard.pendingApprovals')} value={inbox.data?.total ?? '—'} loading={inbox.isPending} />
              </Link>
            </Card>
          </Col>
        )}
        <Col xs={24} md={8}>
          <Card>
            <Link to="/access/grants">
              <Statistic title={t('dashboard.activeGrants')} value={grants.data?.total ?? '—'} loading={grants.isPending} />
            </Link>
          </Card>
        </Col>
      </Row>
      {mayRead && (
        <Card title={t('dashboard.gradeDistribution')} style={{ marginTop: 16 }}>
          {gradeError ? <ErrorState error={gradeError} /> : grades.some((g) => g.isPending) ? <Loading /> : <Suspense fallback={<Loading />}><GradeChart counts={counts} /></Suspense>}
        </Card>
      )}
    </>
  );
}
