import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { Card, Checkbox, Col, DatePicker, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { $api } from '../../api/client';
import { formatMoney } from '../../components/format';
import { UnitTreeSelect } from '../../components/OrgPickers';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { GradeTag } from '../customers/tags';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

const GRADE_COLORS: Record<string, string> = { A: '#f5222d', B: '#fa8c16', C: '#1677ff', D: '#8c8c8c' };
type Dimension = 'Unit' | 'Region' | 'Category' | 'Owner';
type MoveDimension = 'Owner' | 'Unit' | 'Month';

/** 评级统计: grade distribution, upgrades and downgrades, and 抓两头 — over the customers the person may see. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState<number | undefined>();
  const [includeSubUnits, setIncludeSubUnits] = useState(true);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('nav.gradeStatistics')}</Typography.Title>}>
        <Space wrap>
          <UnitTreeSelect value={unitId} onChange={setUnitId} placeholder={t('customer.fields.owningUnit')} style={{ width: 220 }} />
          <Checkbox checked={includeSubUnits} onChange={(e) => setIncludeSubUnits(e.target.checked)}>{t('rating.includeSubUnits')}</Checkbox>
        </Space>
      </Card>
      <Distribution unitId={unitId} includeSubUnits={includeSubUnits} />
      <Movements unitId={unitId} includeSubUnits={includeSubUnits} />
      <BothEnds unitId={unitId} includeSubUnits={includeSubUnits} />
    </Space>
  );
}

function Distribution({ unitId, includeSubUnits }: { unitId?: number; includeSubUnits: boolean }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<Dimension>('Unit');
  const q = $api.useQuery('get', '/api/v1/grading/statistics/distribution', { params: { query: { by, unitId, includeSubUnits } } });
  const s = (key: string) => t(`statistics.${key}`);
  const grades = q.data ? Object.keys(q.data.grades).sort() : [];
  return (
    <Card
      title={s('distribution')}
      extra={<Select aria-label={s('by')} value={by} onChange={setBy} style={{ width: 120 }} options={(['Unit', 'Region', 'Category', 'Owner'] as const).map((d) => ({ value: d, label: t(`enums.DistributionDimension.${d}`) }))} />}
    >
      {q.isPending ? <Loading /> : q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : q.data.total === 0 ? <EmptyState /> : (
        <>
          <Typography.Paragraph>
            {s('total')}: {q.data.total} · {grades.map((g) => <Tag key={g} color={GRADE_COLORS[g]}>{g} {q.data.grades[g]}</Tag>)}
          </Typography.Paragraph>
          <ReactEChartsCore
            echarts={echarts}
            opts={{ renderer: 'svg' }}
            style={{ height: Math.max(240, q.data.rows.length * 28 + 60) }}
            notMerge
            option={{
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 140, right: 24, top: 32, bottom: 24 },
              yAxis: { type: 'category', data: q.data.rows.map((r) => (by === 'Category' ? t(`enums.CustomerCategory.${r.label}`, { defaultValue: r.label }) : r.label)), inverse: true },
              xAxis: { type: 'value', minInterval: 1 },
              series: grades.map((g) => ({ name: g, type: 'bar', stack: 'total', itemStyle: { color: GRADE_COLORS[g] }, data: q.data.rows.map((r) => r.grades[g] ?? 0) })),
            }}
          />
        </>
      )}
    </Card>
  );
}

function Movements({ unitId, includeSubUnits }: { unitId?: number; includeSubUnits: boolean }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<MoveDimension>('Month');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(11, 'month').startOf('month'), dayjs()]);
  const q = $api.useQuery('get', '/api/v1/grading/statistics/movements', {
    params: { query: { by, unitId, includeSubUnits, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } },
  });
  const s = (key: string) => t(`statistics.${key}`);
  return (
    <Card
      title={s('movements')}
      extra={
        <Space wrap>
          <DatePicker.RangePicker allowClear={false} value={range} onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])} />
          <Select aria-label={s('by')} value={by} onChange={setBy} style={{ width: 120 }} options={(['Month', 'Unit', 'Owner'] as const).map((d) => ({ value: d, label: t(`enums.MovementDimension.${d}`) }))} />
        </Space>
      }
    >
      {q.isPending ? <Loading /> : q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : q.data.rows.length === 0 ? <EmptyState /> : (
        <>
          <Typography.Paragraph>{s('upgrades')}: {q.data.upgrades} · {s('downgrades')}: {q.data.downgrades}</Typography.Paragraph>
          <ReactEChartsCore
            echarts={echarts}
            opts={{ renderer: 'svg' }}
            style={{ height: 280 }}
            notMerge
            option={{
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 48, right: 16, top: 32, bottom: 48 },
              xAxis: { type: 'category', data: q.data.rows.map((r) => r.label) },
              yAxis: { type: 'value', minInterval: 1 },
              series: [
                { name: s('upgrades'), type: 'bar', itemStyle: { color: '#52c41a' }, data: q.data.rows.map((r) => r.upgrades) },
                { name: s('downgrades'), type: 'bar', itemStyle: { color: '#f5222d' }, data: q.data.rows.map((r) => r.downgrades) },
              ],
            }}
          />
        </>
      )}
    </Card>
  );
}

function BothEnds({ unitId, includeSubUnits }: { unitId?: number; includeSubUnits: boolean }) {
  const { t } = useTranslation();
  const q = $api.useQuery('get', '/api/v1/grading/statistics/both-ends', { params: { query: { unitId, includeSubUnits, top: 5 } } });
  const s = (key: string, o?: Record<string, unknown>) => t(`statistics.${key}`, o ?? {});
  if (q.isPending) return <Card title={s('bothEnds')}><Loading /></Card>;
  if (q.isError) return <Card title={s('bothEnds')}><ErrorState error={q.error} onRetry={() => void q.refetch()} /></Card>;
  const columns = [
    { title: t('customer.fields.name'), dataIndex: 'name', render: (n: string, c: { id: number }) => <Link to={`/customers/${c.id}`}>{n}</Link> },
    { title: t('customer.fields.grade'), dataIndex: 'grade', width: 60, render: (g?: string | null) => <GradeTag grade={g} /> },
    { title: s('annualOrderAmount'), dataIndex: 'annualOrderAmount', align: 'right' as const, render: formatMoney },
    { title: s('maxDaysOverdue'), dataIndex: 'maxDaysOverdue', align: 'right' as const, width: 90 },
  ];
  return (
    <Card title={s('bothEnds')} extra={<Typography.Text type="secondary">{s('window', { from: q.data.windowFrom, to: q.data.windowTo, days: q.data.riskDaysOverdue })}</Typography.Text>}>
      {q.data.units.length === 0 ? <EmptyState /> : q.data.units.map((u) => (
        <div key={u.unitId} style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>{u.unitName}</Typography.Title>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Typography.Text strong>{s('top')}</Typography.Text>
              <Table rowKey="id" size="small" pagination={false} dataSource={u.top} columns={columns} locale={{ emptyText: <EmptyState /> }} />
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Text strong>{s('risks', { count: u.riskTotal })}</Typography.Text>
              <Table rowKey="id" size="small" pagination={false} dataSource={u.risks} columns={columns} locale={{ emptyText: <EmptyState /> }} />
            </Col>
          </Row>
        </div>
      ))}
    </Card>
  );
}
