import { ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Divider, Form, Input, InputNumber, Result, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../components/LinkButton';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { ApiProblem, asProblem, type Problem } from '../../api/problem';
import {
  CUSTOMER_CATEGORIES,
  CUSTOMER_STATUSES,
  ENTERPRISE_NATURES,
  GRADES,
  RISK_FLAGS,
  type CreateCustomerRequest,
  type CustomerDetail,
} from '../../api/types';
import { StaffSelect, UnitTreeSelect } from '../../components/OrgPickers';
import { ErrorState, Loading } from '../../components/States';
import { P, usePermissions } from '../auth/permissions';
import { CustomerNotFound } from './CustomerNotFound';

const DATE_FIELDS = ['foundedOn', 'firstContactOn', 'cooperationStartOn'] as const;
type DateField = (typeof DATE_FIELDS)[number];

export type CustomerFormValues = Omit<CreateCustomerRequest, DateField> & Partial<Record<DateField, Dayjs | null>>;

function toValues(c: CustomerDetail): CustomerFormValues {
  return {
    name: c.name,
    creditCode: c.creditCode,
    code: c.code,
    enterpriseNature: c.enterpriseNature,
    supervisingUnit: c.supervisingUnit,
    industry: c.industry,
    registeredCapital: c.registeredCapital,
    totalAssets: c.totalAssets,
    address: c.address,
    region: c.region,
    category: c.category,
    grade: c.grade,
    status: c.status,
    riskFlags: c.riskFlags.filter((r) => r !== 'None'),
    owningUnitId: c.owningUnitId,
    ownerId: c.owner.id,
    serviceUnitId: c.serviceUnitId,
    coServerIds: c.coServers.map((s) => s.id),
    tags: c.tags,
    foundedOn: c.foundedOn ? dayjs(c.foundedOn) : null,
    firstContactOn: c.firstContactOn ? dayjs(c.firstContactOn) : null,
    cooperationStartOn: c.cooperationStartOn ? dayjs(c.cooperationStartOn) : null,
  };
}

/** Form values → request body: dates as yyyy-MM-dd, empty strings as null; ownership only when it may be set. */
export function toRequest(values: CustomerFormValues, includeOwnership: boolean): CreateCustomerRequest {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if ((DATE_FIELDS as readonly string[]).includes(key)) body[key] = value ? (value as Dayjs).format('YYYY-MM-DD') : null;
    else if (typeof value === 'string') body[key] = value.trim() === '' ? null : value.trim();
    else body[key] = value;
  }
  if (!includeOwnership) {
    delete body.ownerId;
    delete body.owningUnitId;
    delete body.serviceUnitId;
    delete body.coServerIds;
  }
  return body as CreateCustomerRequest;
}

/** Loads the archive with its ETag (the typed query hook would drop the header). */
function useCustomerForEdit(id: number | undefined) {
  return useQuery({
    queryKey: ['customer-edit', id],
    enabled: id !== undefined,
    gcTime: 0,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/api/v1/customers/{id}', { params: { path: { id: id! } }, signal });
      if (error || !data) throw new ApiProblem({ ...(error as Problem), status: response.status });
      return { customer: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
    },
  });
}

export function CustomerFormPage() {
  const { id: raw } = useParams();
  const id = raw ? Number(raw) : undefined;
  const loaded = useCustomerForEdit(id);
  if (id === undefined) return <CustomerForm />;
  if (loaded.isPending) return <Loading />;
  if (loaded.isError) {
    if (asProblem(loaded.error)?.status === 404) return <CustomerNotFound customerId={id} />;
    return <ErrorState error={loaded.error} onRetry={() => void loaded.refetch()} />;
  }
  return (
    <CustomerForm
      key={loaded.data.etag}
      existing={loaded.data.customer}
      etag={loaded.data.etag}
      onReload={() => void loaded.refetch()}
    />
  );
}

function CustomerForm({ existing, etag, onReload }: { existing?: CustomerDetail; etag?: string; onReload?: () => void }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CustomerFormValues>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);
  const mayAssign = can(P.customersAssign);
  const f = (key: string) => t(`customer.fields.${key}`);
  const enumOptions = (name: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`enums.${name}.${v}`) }));

  useEffect(() => {
    if (existing) form.setFieldsValue(toValues(existing));
  }, [existing, form]);

  const onFinish = async (values: CustomerFormValues) => {
    setSaving(true);
    setProblem(null);
    try {
      const body = toRequest(values, mayAssign);
      const result = existing
        ? await api.PUT('/api/v1/customers/{id}', {
            params: { path: { id: existing.id } },
            headers: { 'If-Match': etag ?? `"${existing.version}"` },
            body: (({ code: _code, ...rest }) => rest)(body),
          })
        : await api.POST('/api/v1/customers', { body });
      if (result.error || !result.data) {
        const p = { ...(result.error as Problem), status: result.response.status };
        setProblem(p);
        if (p.errors) {
          const known = new Set(Object.keys(form.getFieldsValue(true)).concat(['name', 'creditCode', 'code']));
          form.setFields(
            Object.entries(p.errors)
              .filter(([name]) => known.has(name))
              .map(([name, errors]) => ({ name: name as keyof CustomerFormValues, errors })),
          );
        }
        if (p.status === 409 && p.code === 'duplicateCreditCode') form.setFields([{ name: 'creditCode', errors: [p.detail ?? t('customer.duplicate')] }]);
        return;
      }
      void message.success(existing ? t('customer.updated') : t('customer.created'));
      await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/customers'] });
      await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/customers/{id}'] });
      navigate(`/customers/${result.data.id}`);
    } catch (e) {
      setProblem(asProblem(e) ?? { status: 0, detail: t('common.networkError') });
    } finally {
      setSaving(false);
    }
  };

  if (problem?.status === 412) {
    return (
      <Card>
        <Result
          status="warning"
          title={t('customer.conflictTitle')}
          subTitle={t('customer.conflictDetail')}
          extra={
            <Button type="primary" icon={<ReloadOutlined />} onClick={onReload}>
              {t('common.reload')}
            </Button>
          }
        />
      </Card>
    );
  }

  const unknownFieldErrors = problem?.errors
    ? Object.entries(problem.errors).filter(([name]) => !form.getFieldInstance(name as keyof CustomerFormValues))
    : [];

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{existing ? `${t('customer.edit')}：${existing.name}` : t('customer.new')}</Typography.Title>}>
      {problem && problem.status !== 412 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={problem.status === 400 ? t('customer.validationFailed') : (problem.title ?? t('common.error'))}
          description={
            <>
              {problem.detail && <div>{problem.detail}</div>}
              {unknownFieldErrors.map(([name, errors]) => (
                <div key={name}>{`${name}: ${errors.join('；')}`}</div>
              ))}
            </>
          }
        />
      )}
      <Form<CustomerFormValues>
        form={form}
        name="customer"
        layout="vertical"
        onFinish={onFinish}
        scrollToFirstError
        initialValues={{ enterpriseNature: 'Private', category: 'EndUser', status: 'Potential', riskFlags: [], tags: [], coServerIds: [] }}
      >
        <Divider titlePlacement="start">{t('customer.sections.identity')}</Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={f('name')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="creditCode" label={f('creditCode')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          {!existing && (
            <Col xs={24} md={8}>
              <Form.Item name="code" label={f('code')}>
                <Input maxLength={32} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={8}>
            <Form.Item name="enterpriseNature" label={f('enterpriseNature')} rules={[{ required: true }]}>
              <Select options={enumOptions('EnterpriseNature', ENTERPRISE_NATURES)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="industry" label={f('industry')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="supervisingUnit" label={f('supervisingUnit')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="registeredCapital" label={f('registeredCapital')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="totalAssets" label={f('totalAssets')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="foundedOn" label={f('foundedOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="region" label={f('region')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="address" label={f('address')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">{t('customer.sections.relationship')}</Divider>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="category" label={f('category')} rules={[{ required: true }]}>
              <Select options={enumOptions('CustomerCategory', CUSTOMER_CATEGORIES)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="status" label={f('status')} rules={[{ required: true }]}>
              <Select options={enumOptions('CustomerStatus', CUSTOMER_STATUSES)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="grade" label={f('grade')}>
              <Select allowClear options={GRADES.map((g) => ({ value: g, label: g }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="firstContactOn" label={f('firstContactOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="cooperationStartOn" label={f('cooperationStartOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="riskFlags" label={f('riskFlags')}>
              <Select mode="multiple" options={enumOptions('RiskFlags', RISK_FLAGS.filter((r) => r !== 'None'))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="tags" label={f('tags')}>
              <Select mode="tags" tokenSeparators={[',', '，']} />
            </Form.Item>
          </Col>
        </Row>
        {mayAssign && (
          <>
            <Divider titlePlacement="start">{t('customer.sections.ownership')}</Divider>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="ownerId" label={f('ownerId')}>
                  <StaffSelect initialOptions={existing ? [existing.owner] : undefined} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="owningUnitId" label={f('owningUnitId')}>
                  <UnitTreeSelect />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="serviceUnitId" label={f('serviceUnitId')}>
                  <UnitTreeSelect />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="coServerIds" label={f('coServerIds')}>
                  <StaffSelect multiple initialOptions={existing?.coServers} />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
          <LinkButton to={existing ? `/customers/${existing.id}` : '/customers'}>{t('common.cancel')}</LinkButton>
        </Space>
      </Form>
    </Card>
  );
}
