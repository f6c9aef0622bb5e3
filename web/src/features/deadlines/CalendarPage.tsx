import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api, api } from '../../api/client';
import { ApiProblem, type Problem } from '../../api/problem';
import type { CalendarYearSummary } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { toNamePath } from '../classification/SchemeEditorPage';
import { P, usePermissions } from '../auth/permissions';

/** 工作日历: which years' holiday notices are known; administrators add or correct a year. */
export function CalendarPage() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const [editing, setEditing] = useState<number | null>(null);
  const [newYear, setNewYear] = useState<number | null>(null);
  const q = $api.useQuery('get', '/api/v1/calendar/years', {});
  const c = (key: string) => t(`calendar.${key}`);
  const mayEdit = can(P.adminCalendar);
  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('nav.calendar')}</Typography.Title>}
      extra={mayEdit && (
        <Space>
          <InputNumber aria-label={c('year')} placeholder={c('year')} min={2000} max={2100} value={newYear} onChange={setNewYear} />
          <Button type="primary" icon={<PlusOutlined />} disabled={!newYear} onClick={() => setEditing(newYear)}>{c('addYear')}</Button>
        </Space>
      )}
    >
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : (
        <Table<CalendarYearSummary>
          rowKey="year"
          loading={q.isPending}
          dataSource={q.data ?? []}
          pagination={false}
          locale={{ emptyText: q.isPending ? ' ' : <EmptyState /> }}
          columns={[
            { title: c('year'), dataIndex: 'year' },
            { title: c('confirmed'), dataIndex: 'confirmed', render: (v: boolean) => (v ? <Tag color="green">{c('known')}</Tag> : <Tag color="orange">{c('unknown')}</Tag>) },
            { title: c('origin'), dataIndex: 'origin', render: (o: string) => t(`enums.CalendarYearOrigin.${o}`) },
            { title: c('workingDays'), dataIndex: 'workingDays' },
            { title: c('offDays'), dataIndex: 'offDays' },
            { title: c('makeUpWorkdays'), dataIndex: 'makeUpWorkdays' },
            { title: c('source'), dataIndex: 'source', ellipsis: true, render: (v?: string | null) => v ?? '—' },
            { title: c('updated'), key: 'updated', render: (_, y) => (y.updatedAt ? `${y.updatedBy?.name ?? ''} ${formatDateTime(y.updatedAt)}` : '—') },
            ...(mayEdit ? [{ title: t('common.actions'), key: 'a', render: (_: unknown, y: CalendarYearSummary) => <Button size="small" onClick={() => setEditing(y.year)}>{y.confirmed ? c('correct') : c('enter')}</Button> }] : []),
          ]}
        />
      )}
      <Drawer open={editing !== null} size="large" title={editing && t('calendar.editTitle', { year: editing })} onClose={() => setEditing(null)} destroyOnHidden>
        {editing !== null && <YearEditor year={editing} onDone={() => setEditing(null)} />}
      </Drawer>
    </Card>
  );
}

interface DayValues { date?: Dayjs | null; name?: string; isOffDay: boolean }
interface YearValues { source?: string; days: DayValues[] }

const HOLIDAYS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节', '国庆节、中秋节'];

function YearEditor({ year, onDone }: { year: number; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<YearValues>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);
  const c = (key: string) => t(`calendar.${key}`);
  const loaded = useQuery({
    queryKey: ['calendar-edit', year],
    gcTime: 0,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/api/v1/calendar/{year}', { params: { path: { year } }, signal });
      if (error || !data) throw new ApiProblem({ ...(error as Problem), status: response.status });
      return { data, etag: response.headers.get('ETag') };
    },
  });
  if (loaded.isPending) return <Loading />;
  if (loaded.isError) return <ErrorState error={loaded.error} onRetry={() => void loaded.refetch()} />;
  const { data, etag } = loaded.data;

  const save = async (v: YearValues) => {
    setSaving(true);
    setProblem(null);
    const { error } = await api.PUT('/api/v1/calendar/{year}', {
      params: { path: { year } },
      headers: etag ? { 'If-Match': etag } : {},
      body: { source: v.source?.trim() || null, days: (v.days ?? []).map((d) => ({ date: d.date ? d.date.format('YYYY-MM-DD') : null, name: d.name ?? null, isOffDay: d.isOffDay })) },
    });
    setSaving(false);
    if (error) {
      const p = error as unknown as Problem;
      setProblem(p);
      if (p.errors) form.setFields(Object.entries(p.errors).map(([path, errors]) => ({ name: toNamePath(path) as never, errors })));
      return;
    }
    void message.success(t('common.saved'));
    await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/calendar/years'] });
    onDone();
  };

  return (
    <>
      {problem && (
        <Alert style={{ marginBottom: 12 }} type="error" showIcon title={problem.detail ?? t('common.error')}
          description={problem.errors && <ul style={{ margin: 0 }}>{Object.entries(problem.errors).map(([k, m]) => <li key={k}><code>{k}</code>: {m.join(' ')}</li>)}</ul>} />
      )}
      <Form form={form} layout="vertical" name="calendar-year" onFinish={save}
        initialValues={{ source: data.year.source ?? '', days: data.days.map((d) => ({ date: dayjs(d.date), name: d.name, isOffDay: d.isOffDay })) }}>
        <Form.Item name="source" label={c('source')}><Input placeholder={c('sourceHint')} /></Form.Item>
        <Form.List name="days">
          {(days, { add, remove }) => (
            <>
              {days.map((d) => (
                <Space key={d.key} align="baseline" wrap>
                  <Form.Item name={[d.name, 'date']} label={c('date')} rules={[{ required: true }]}><DatePicker /></Form.Item>
                  <Form.Item name={[d.name, 'name']} label={c('holiday')} rules={[{ required: true }]}>
                    <Select style={{ width: 160 }} options={HOLIDAYS.map((h) => ({ value: h, label: h }))} />
                  </Form.Item>
                  <Form.Item name={[d.name, 'isOffDay']} label={c('dayKind')}>
                    <Select style={{ width: 140 }} options={[{ value: true, label: c('offDay') }, { value: false, label: c('makeUpDay') }]} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={c('remove')} onClick={() => remove(d.name)} />
                </Space>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ isOffDay: true, date: dayjs(`${year}-01-01`) })}>{c('addDay')}</Button>
            </>
          )}
        </Form.List>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={saving}>{t('common.save')}</Button>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </>
  );
}
