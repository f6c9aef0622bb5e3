import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { $api, api } from '../../api/client';
import { ApiProblem, type Problem } from '../../api/problem';
import type { GradingFieldDto, GradingRule, SchemeVersionDto, ScoreDefinition } from '../../api/types';
import { ErrorState, Loading } from '../../components/States';
import { P, usePermissions } from '../auth/permissions';

interface NormalisationValues { kind: 'linear' | 'lookup'; min?: number; max?: number; entries?: { value: string; score: number }[]; otherwise?: number }
interface SchemeValues {
  code?: string;
  name: string;
  description?: string;
  effectiveFrom?: Dayjs | null;
  comment?: string;
  grades: { code: string; name: string; order: number }[];
  rules: GradingRule[];
  defaultGrade: string;
  useScore: boolean;
  score?: { criteria: { field: string; weight: number; normalisation: NormalisationValues }[]; bands: ScoreDefinition['bands'] };
}

/** "rules[2].conditions[0].field" → ['rules', 2, 'conditions', 0, 'field'] (antd's name path). */
export function toNamePath(path: string): (string | number)[] {
  return path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function toValues(s: SchemeVersionDto): SchemeValues {
  return {
    code: s.code,
    name: s.name,
    description: s.description ?? undefined,
    effectiveFrom: null,
    comment: undefined,
    grades: s.grades,
    rules: s.rules,
    defaultGrade: s.defaultGrade,
    useScore: !!s.score,
    score: s.score ? { criteria: s.score.criteria.map((c) => ({ ...c, normalisation: c.normalisation as unknown as NormalisationValues })), bands: s.score.bands } : undefined,
  };
}

function toBody(v: SchemeValues) {
  const blank = (s?: string) => (s?.trim() ? s.trim() : null);
  return {
    name: v.name?.trim(),
    description: blank(v.description),
    effectiveFrom: v.effectiveFrom ? v.effectiveFrom.format('YYYY-MM-DD') : null,
    comment: blank(v.comment),
    grades: v.grades ?? [],
    rules: (v.rules ?? []).map((r) => ({ ...r, conditions: r.conditions ?? [] })),
    defaultGrade: v.defaultGrade,
    score: v.useScore && v.score
      ? {
          criteria: (v.score.criteria ?? []).map((c) => {
            const n = c.normalisation ?? { kind: 'linear' };
            const normalisation = n.kind === 'lookup' ? { kind: 'lookup', entries: n.entries ?? [], otherwise: n.otherwise ?? 0 } : { kind: 'linear', min: n.min, max: n.max };
            return { field: c.field, weight: c.weight, normalisation: normalisation as unknown as Record<string, never> };
          }),
          bands: v.score.bands ?? [],
        }
      : null,
  };
}

export function SchemeEditorPage() {
  const { code } = useParams();
  const loaded = useQuery({
    queryKey: ['scheme-edit', code],
    enabled: !!code,
    gcTime: 0,
    queryFn: async ({ signal }) => {
      const list = await api.GET('/api/v1/grading/schemes', { signal });
      const latest = list.data?.find((s) => s.code === code)?.latest.version;
      const { data, error, response } = await api.GET('/api/v1/grading/schemes/{code}', { params: { path: { code: code! }, query: { version: latest } }, signal });
      if (error || !data) throw new ApiProblem({ ...(error as Problem), status: response.status });
      return { scheme: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
    },
  });
  if (!code) return <SchemeEditor />;
  if (loaded.isPending) return <Loading />;
  if (loaded.isError) return <ErrorState error={loaded.error} onRetry={() => void loaded.refetch()} />;
  return <SchemeEditor key={loaded.data.etag} existing={loaded.data.scheme} etag={loaded.data.etag} />;
}

function SchemeEditor({ existing, etag }: { existing?: SchemeVersionDto; etag?: string }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SchemeValues>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);
  const fields = $api.useQuery('get', '/api/v1/grading/fields', {}, { staleTime: 10 * 60_000 });
  const g = (key: string, o?: Record<string, unknown>) => t(`grading.${key}`, o ?? {});
  const readOnly = !can(P.classificationSchemes);
  const useScore = Form.useWatch('useScore', form);
  const grades = Form.useWatch('grades', form) ?? [];
  const gradeOptions = grades.filter((x) => x?.code).map((x) => ({ value: x.code, label: `${x.code} ${x.name ?? ''}` }));
  const fieldList = fields.data ?? [];
  const fieldOptions = fieldList.map((f) => ({ value: f.name, label: f.label }));
  const fieldOf = (name?: string): GradingFieldDto | undefined => fieldList.find((f) => f.name === name);

  const save = async (values: SchemeValues) => {
    setSaving(true);
    setProblem(null);
    const body = toBody(values);
    const result = existing
      ? await api.PUT('/api/v1/grading/schemes/{code}', { params: { path: { code: existing.code } }, headers: { 'If-Match': etag! }, body: body as never })
      : await api.POST('/api/v1/grading/schemes', { body: { ...body, code: values.code?.trim() } as never });
    setSaving(false);
    if (result.error) {
      const p = result.error as unknown as Problem;
      setProblem(p);
      if (p.errors) {
        form.setFields(Object.entries(p.errors).map(([path, errors]) => ({ name: toNamePath(path) as never, errors })));
      }
      return;
    }
    void message.success(t('common.saved'));
    await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/grading/schemes'] });
    navigate('/classification/schemes');
  };

  /** Errors on a list or a whole item (e.g. score.bands[1], grades[3]): no single field shows them. */
  const listErrors = (path: string) => {
    const messages = problem?.errors?.[path];
    return messages ? <Typography.Text type="danger" role="alert">{messages.join(' ')}</Typography.Text> : null;
  };

  const initial: Partial<SchemeValues> = existing
    ? toValues(existing)
    : { grades: [{ code: 'A', name: '重要', order: 1 }, { code: 'B', name: '次重要', order: 2 }, { code: 'C', name: '一般', order: 3 }, { code: 'D', name: '潜在', order: 4 }], rules: [], defaultGrade: 'C', useScore: false };

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{existing ? g('editScheme', { name: existing.name, version: existing.version }) : g('newScheme')}</Typography.Title>}>
      {problem && (
        <Alert
          style={{ marginBottom: 16 }}
          type="error"
          showIcon
          title={problem.errors ? g('checkFields') : (problem.detail ?? t('common.error'))}
          description={problem.errors && <ul style={{ margin: 0 }}>{Object.entries(problem.errors).map(([k, v]) => <li key={k}><code>{k}</code>: {v.join(' ')}</li>)}</ul>}
        />
      )}
      <Form form={form} layout="vertical" name="scheme" initialValues={initial} onFinish={save} disabled={readOnly}>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="code" label={g('code')} rules={[{ required: !existing }]}>
              <Input disabled={!!existing} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}><Form.Item name="name" label={g('name')} rules={[{ required: true }]}><Input /></Form.Item></Col>
          <Col xs={24} md={6}><Form.Item name="effectiveFrom" label={g('effectiveFrom')}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={24} md={6}><Form.Item name="comment" label={g('comment')}><Input /></Form.Item></Col>
          <Col span={24}><Form.Item name="description" label={g('description')}><Input.TextArea rows={2} /></Form.Item></Col>
        </Row>

        <Divider titlePlacement="start">{g('grades')}</Divider>
        {listErrors('grades')}
        <Form.List name="grades">
          {(items, { add, remove }) => (
            <>
              {items.map((item) => (
                <Space key={item.key} align="baseline" wrap>
                  <Form.Item name={[item.name, 'code']} label={g('gradeCode')} rules={[{ required: true }]}><Input style={{ width: 80 }} /></Form.Item>
                  <Form.Item name={[item.name, 'name']} label={g('gradeName')} rules={[{ required: true }]}><Input style={{ width: 140 }} /></Form.Item>
                  <Form.Item name={[item.name, 'order']} label={g('gradeOrder')} rules={[{ required: true }]}><InputNumber min={1} style={{ width: 80 }} /></Form.Item>
                  <MinusCircleOutlined aria-label={g('remove')} onClick={() => remove(item.name)} />
                  {listErrors(`grades[${item.name}]`)}
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ order: items.length + 1 })} icon={<PlusOutlined />}>{g('addGrade')}</Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{g('rules')}</Divider>
        <Typography.Paragraph type="secondary">{g('rulesHint')}</Typography.Paragraph>
        {listErrors('rules')}
        <Form.List name="rules">
          {(rules, { add, remove }) => (
            <>
              {rules.map((rule, index) => (
                <Card key={rule.key} size="small" style={{ marginBottom: 12 }} title={g('ruleN', { n: index + 1 })} extra={<MinusCircleOutlined aria-label={g('remove')} onClick={() => remove(rule.name)} />}>
                  {listErrors(`rules[${rule.name}]`)}
                  <Space align="baseline" wrap>
                    <Form.Item name={[rule.name, 'id']} label={g('ruleId')} rules={[{ required: true }]}><Input style={{ width: 120 }} /></Form.Item>
                    <Form.Item name={[rule.name, 'name']} label={g('ruleName')} rules={[{ required: true }]}><Input style={{ width: 240 }} /></Form.Item>
                    <Form.Item name={[rule.name, 'grade']} label={g('ruleGrade')} rules={[{ required: true }]}><Select style={{ width: 120 }} options={gradeOptions} /></Form.Item>
                    <Form.Item name={[rule.name, 'match']} label={g('ruleMatch')}>
                      <Select style={{ width: 140 }} options={['All', 'Any'].map((m) => ({ value: m, label: t(`enums.RuleMatch.${m}`) }))} />
                    </Form.Item>
                  </Space>
                  <Form.List name={[rule.name, 'conditions']}>
                    {(conditions, { add: addCondition, remove: removeCondition }) => (
                      <>
                        {listErrors(`rules[${rule.name}].conditions`)}
                        {conditions.map((condition) => (
                          <Space key={condition.key} align="baseline" wrap>
                            <Form.Item name={[condition.name, 'field']} label={g('field')} rules={[{ required: true }]}>
                              <Select showSearch={{ optionFilterProp: 'label' }} style={{ width: 180 }} options={fieldOptions} />
                            </Form.Item>
                            <Form.Item noStyle shouldUpdate>
                              {() => {
                                const field = fieldOf(form.getFieldValue(['rules', rule.name, 'conditions', condition.name, 'field']));
                                const ops = field?.operators ?? ['Eq', 'NotEq', 'In', 'Gte', 'Gt', 'Lte', 'Lt', 'Between'];
                                return (
                                  <>
                                    <Form.Item name={[condition.name, 'operator']} label={g('operator')} rules={[{ required: true }]}>
                                      <Select style={{ width: 120 }} options={ops.map((o) => ({ value: o, label: t(`enums.ConditionOperator.${o}`) }))} />
                                    </Form.Item>
                                    <Form.Item name={[condition.name, 'values']} label={g('values')} rules={[{ required: true }]}>
                                      <Select mode="tags" style={{ minWidth: 200 }} tokenSeparators={[',', '，']} options={(field?.values ?? []).map((v) => ({ value: v, label: v }))} />
                                    </Form.Item>
                                  </>
                                );
                              }}
                            </Form.Item>
                            <MinusCircleOutlined aria-label={g('remove')} onClick={() => removeCondition(condition.name)} />
                          </Space>
                        ))}
                        <Button size="small" type="dashed" onClick={() => addCondition({ operator: 'Eq', values: [] })} icon={<PlusOutlined />}>{g('addCondition')}</Button>
                      </>
                    )}
                  </Form.List>
                </Card>
              ))}
              <Button type="dashed" onClick={() => add({ match: 'All', conditions: [] })} icon={<PlusOutlined />}>{g('addRule')}</Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{g('score')}</Divider>
        <Form.Item name="useScore" valuePropName="checked"><Checkbox>{g('useScore')}</Checkbox></Form.Item>
        {useScore && (
          <>
            {listErrors('score')}
            {listErrors('score.criteria')}
            <Form.List name={['score', 'criteria']}>
              {(criteria, { add, remove }) => (
                <>
                  {criteria.map((c) => (
                    <Space key={c.key} align="baseline" wrap>
                      <Form.Item name={[c.name, 'field']} label={g('field')} rules={[{ required: true }]}>
                        <Select showSearch={{ optionFilterProp: 'label' }} style={{ width: 180 }} options={fieldOptions} />
                      </Form.Item>
                      <Form.Item name={[c.name, 'weight']} label={g('weight')} rules={[{ required: true }]}><InputNumber min={0} max={100} /></Form.Item>
                      <Form.Item name={[c.name, 'normalisation', 'kind']} label={g('normalisation')}>
                        <Select style={{ width: 110 }} options={[{ value: 'linear', label: g('linear') }, { value: 'lookup', label: g('lookup') }]} />
                      </Form.Item>
                      <Form.Item noStyle shouldUpdate>
                        {() =>
                          form.getFieldValue(['score', 'criteria', c.name, 'normalisation', 'kind']) === 'lookup' ? (
                            <>
                              <Form.Item name={[c.name, 'normalisation', 'otherwise']} label={g('otherwise')}><InputNumber min={0} max={100} /></Form.Item>
                              <Form.List name={[c.name, 'normalisation', 'entries']}>
                                {(entries, { add: addEntry, remove: removeEntry }) => (
                                  <Space wrap>
                                    {entries.map((e) => (
                                      <Space key={e.key} align="baseline">
                                        <Form.Item name={[e.name, 'value']} label={g('lookupValue')}><Input style={{ width: 120 }} /></Form.Item>
                                        <Form.Item name={[e.name, 'score']} label={g('lookupScore')}><InputNumber min={0} max={100} /></Form.Item>
                                        <MinusCircleOutlined aria-label={g('remove')} onClick={() => removeEntry(e.name)} />
                                      </Space>
                                    ))}
                                    <Button size="small" type="dashed" onClick={() => addEntry()} icon={<PlusOutlined />}>{g('addLookup')}</Button>
                                  </Space>
                                )}
                              </Form.List>
                            </>
                          ) : (
                            <>
                              <Form.Item name={[c.name, 'normalisation', 'min']} label={g('min')} rules={[{ required: true }]}><InputNumber /></Form.Item>
                              <Form.Item name={[c.name, 'normalisation', 'max']} label={g('max')} rules={[{ required: true }]}><InputNumber /></Form.Item>
                            </>
                          )
                        }
                      </Form.Item>
                      <MinusCircleOutlined aria-label={g('remove')} onClick={() => remove(c.name)} />
                      {listErrors(`score.criteria[${c.name}]`)}
                    </Space>
                  ))}
                  <div><Button type="dashed" onClick={() => add({ normalisation: { kind: 'linear' } })} icon={<PlusOutlined />}>{g('addCriterion')}</Button></div>
                </>
              )}
            </Form.List>
            <Typography.Title level={5} style={{ marginTop: 16 }}>{g('bands')}</Typography.Title>
            {listErrors('score.bands')}
            <Form.List name={['score', 'bands']}>
              {(bands, { add, remove }) => (
                <>
                  {bands.map((b) => (
                    <Space key={b.key} align="baseline" wrap>
                      <Form.Item name={[b.name, 'grade']} label={g('ruleGrade')} rules={[{ required: true }]}><Select style={{ width: 120 }} options={gradeOptions} /></Form.Item>
                      <Form.Item name={[b.name, 'minScore']} label={g('minScore')} rules={[{ required: true }]}><InputNumber min={0} max={100} /></Form.Item>
                      <Form.Item name={[b.name, 'maxScore']} label={g('maxScore')} rules={[{ required: true }]}><InputNumber min={0} max={100} /></Form.Item>
                      <MinusCircleOutlined aria-label={g('remove')} onClick={() => remove(b.name)} />
                      {listErrors(`score.bands[${b.name}]`)}
                    </Space>
                  ))}
                  <div><Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>{g('addBand')}</Button></div>
                </>
              )}
            </Form.List>
          </>
        )}

        <Divider />
        <Form.Item name="defaultGrade" label={g('defaultGradeLabel')} rules={[{ required: true }]}>
          <Select style={{ width: 160 }} options={gradeOptions} />
        </Form.Item>
        {!readOnly && (
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>{existing ? g('saveVersion') : t('common.save')}</Button>
            <Button onClick={() => navigate('/classification/schemes')}>{t('common.cancel')}</Button>
          </Space>
        )}
        {existing && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{g('versionHint', { date: dayjs().format('YYYY-MM-DD') })}</Typography.Paragraph>}
      </Form>
    </Card>
  );
}
