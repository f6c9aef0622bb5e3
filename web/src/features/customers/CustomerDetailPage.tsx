import { EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../components/LinkButton';
import { useParams, useSearchParams } from 'react-router';
import { $api, api } from '../../api/client';
import { asProblem, problemStatus } from '../../api/problem';
import type { CustomerDetail } from '../../api/types';
import { formatDate, formatDateTime, formatMoney } from '../../components/format';
import { ErrorState, Loading, PageNotFound } from '../../components/States';
import { GradeTab } from '../classification/GradeTab';
import { ComplaintsTab, ExpensesTab } from '../kpi/CustomerTabs';
import { P, usePermissions } from '../auth/permissions';
import { CustomerNotFound } from './CustomerNotFound';
import { useUnits } from '../../components/OrgPickers';
import { reaches } from '../auth/reach';
import { FactsTab, HistoryTab, KeyPersonsTab, ReadLogTab } from './CustomerTabs';
import { ActivitiesTab, ContactDutiesTab, FeedbackTab, ObligationsTab } from './WorkTabs';
import { GradeTag, StatusTag } from './tags';

export function CustomerDetailPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) return <PageNotFound />;
  return <CustomerDetailView id={id} />;
}

function CustomerDetailView({ id }: { id: number }) {
  const { t } = useTranslation();
  const { me, can } = usePermissions();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const customer = $api.useQuery('get', '/api/v1/customers/{id}', { params: { path: { id } } });

  if (customer.isPending) return <Loading />;
  if (customer.isError) {
    if (problemStatus(customer.error) === 404) return <CustomerNotFound customerId={id} />;
    return <ErrorState error={customer.error} onRetry={() => void customer.refetch()} />;
  }
  const c = customer.data;
  const may = (permission: string) => can(permission) && reaches(me, permission, c, units.data);
  const viaGrant = !units.isPending && !reaches(me, P.customersRead, c, units.data);
  const tab = params.get('tab') ?? 'archive';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space align="center" wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>{c.name}</Typography.Title>
            <GradeTag grade={c.grade} />
            <StatusTag status={c.status} />
            {c.tags.map((tag) => <Tag key={tag}>{tag}</Tag>)}
          </Space>
          <Space>
            {may(P.customersArchive) && <ArchiveButton customer={c} />}
            {may(P.customersWrite) && !c.archived && (
              <LinkButton to={`/customers/${c.id}/edit`} type="primary" icon={<EditOutlined />}>{t('common.edit')}</LinkButton>
            )}
          </Space>
        </Space>
        <Typography.Text type="secondary">
          {c.code} · {c.creditCode} · {c.owningUnitName} · {c.owner.name}
        </Typography.Text>
        {viaGrant && <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('customer.viaGrant')} />}
        {c.archived && <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('customer.archivedBanner', { at: formatDateTime(c.archivedAt) })} />}
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'archive' ? {} : { tab: key }, { replace: true })}
          items={[
            { key: 'archive', label: t('customer.tabs.archive'), children: <ArchiveTab c={c} /> },
            { key: 'keyPersons', label: `${t('customer.tabs.keyPersons')} (${c.keyPersonCount})`, children: <KeyPersonsTab customerId={c.id} /> },
            { key: 'facts', label: t('customer.tabs.facts'), children: <FactsTab customerId={c.id} /> },
            { key: 'activities', label: t('customer.tabs.activities'), children: <ActivitiesTab customerId={c.id} mayWrite={can(P.activitiesWrite) && !c.archived} /> },
            { key: 'contactDuties', label: t('customer.tabs.contactDuties'), children: <ContactDutiesTab customerId={c.id} /> },
            { key: 'filings', label: t('customer.tabs.filings'), children: <ObligationsTab customerId={c.id} mayWrite={may(P.customersWrite) && !c.archived} /> },
            { key: 'feedback', label: t('customer.tabs.feedback'), children: <FeedbackTab customerId={c.id} mayWrite={may(P.customersWrite) && !c.archived} /> },
            { key: 'gradeHistory', label: t('customer.tabs.gradeHistory'), children: <GradeTab customer={c} mayOverride={may(P.classificationOverride)} /> },
            {
              key: 'complaints',
              label: t('customer.tabs.complaints'),
              children: <ComplaintsTab customerId={c.id} mayRegister={(may(P.customersWrite) || may(P.complaintsManage)) && !c.archived} mayHandle={may(P.complaintsManage)} />,
            },
            { key: 'expenses', label: t('expense.tab'), children: <ExpensesTab customerId={c.id} mayWrite={may(P.customersWrite) && !c.archived} /> },
            { key: 'history', label: t('customer.tabs.history'), children: <HistoryTab customerId={c.id} /> },
            ...(can(P.accessAuditLog) ? [{ key: 'readLog', label: t('customer.tabs.readLog'), children: <ReadLogTab customerId={c.id} /> }] : []),
          ]}
        />
      </Card>
    </Space>
  );
}

function ArchiveTab({ c }: { c: CustomerDetail }) {
  const { t } = useTranslation();
  const f = (key: string) => t(`customer.fields.${key}`);
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
      <Descriptions.Item label={f('code')}>{c.code}</Descriptions.Item>
      <Descriptions.Item label={f('creditCode')}>{c.creditCode}</Descriptions.Item>
      <Descriptions.Item label={f('enterpriseNature')}>{t(`enums.EnterpriseNature.${c.enterpriseNature}`)}</Descriptions.Item>
      <Descriptions.Item label={f('category')}>{t(`enums.CustomerCategory.${c.category}`)}</Descriptions.Item>
      <Descriptions.Item label={f('grade')}><GradeTag grade={c.grade} /></Descriptions.Item>
      <Descriptions.Item label={f('status')}><StatusTag status={c.status} /></Descriptions.Item>
      <Descriptions.Item label={f('industry')}>{c.industry ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={f('supervisingUnit')}>{c.supervisingUnit ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={f('region')}>{c.region ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={f('registeredCapital')}>{formatMoney(c.registeredCapital)}</Descriptions.Item>
      <Descriptions.Item label={f('totalAssets')}>{formatMoney(c.totalAssets)}</Descriptions.Item>
      <Descriptions.Item label={f('foundedOn')}>{formatDate(c.foundedOn)}</Descriptions.Item>
      <Descriptions.Item label={f('firstContactOn')}>{formatDate(c.firstContactOn)}</Descriptions.Item>
      <Descriptions.Item label={f('cooperationStartOn')}>{formatDate(c.cooperationStartOn)}</Descriptions.Item>
      <Descriptions.Item label={f('riskFlags')}>
        {c.riskFlags.filter((r) => r !== 'None').length ? c.riskFlags.filter((r) => r !== 'None').map((r) => <Tag color="red" key={r}>{t(`enums.RiskFlags.${r}`)}</Tag>) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={f('owningUnit')}>{c.owningUnitName}</Descriptions.Item>
      <Descriptions.Item label={f('owner')}>{c.owner.name}</Descriptions.Item>
      <Descriptions.Item label={f('serviceUnit')}>{c.serviceUnitName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={f('coServers')}>{c.coServers.map((s) => s.name).join('、') || '—'}</Descriptions.Item>
      <Descriptions.Item label={f('createdAt')}>{formatDateTime(c.createdAt)}</Descriptions.Item>
      <Descriptions.Item label={f('updatedAt')}>{formatDateTime(c.updatedAt)}</Descriptions.Item>
      <Descriptions.Item label={f('address')} span={3}>{c.address ?? '—'}</Descriptions.Item>
    </Descriptions>
  );
}

function ArchiveButton({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const act = async () => {
    const path = customer.archived ? '/api/v1/customers/{id}/restore' : '/api/v1/customers/{id}/archive';
    const { error } = await api.POST(path, {
      params: { path: { id: customer.id } },
      headers: { 'If-Match': `"${customer.version}"` },
    });
    if (error) {
      void message.error(asProblem(error)?.detail ?? t('common.networkError'));
      return;
    }
    void message.success(t('common.saved'));
    await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/customers/{id}'] });
    await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/customers'] });
  };
  if (customer.archived) return <Button onClick={() => void act()}>{t('customer.restore')}</Button>;
  return (
    <Popconfirm title={t('customer.archiveConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => act()}>
      <Button danger>{t('customer.archive')}</Button>
    </Popconfirm>
  );
}
