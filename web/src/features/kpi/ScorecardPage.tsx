import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { Button, Card, DatePicker, Form, InputNumber, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api, api } from '../../api/client';
import { formatMoney } from '../../components/format';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { useRun } from '../../components/useRun';
import { P, usePermissions } from '../auth/permissions';
import type { ScorecardItemDto, UnitScorecardDto } from './types';

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

/** The policy's bands (Kpi:RewardScore / PassScore defaults): the chart draws them as lines. */
export const REWARD_SCORE = 90;
export const PASS_SCORE = 80;
const BAND_COLORS = { Reward: 'green', Pass: 'blue', Penalty: 'red' } as const;

/** The band and what it means in money, as the server computed it. */
export function Outcome({ card }: { card: UnitScorecardDto }) {
  const { t } = useTranslation();
  const s = (key: string, o?: Record<string, unknown>) => t(`kpi.scorecard.${key}`, o ?? {});
  const o = card.outcome;
  if (!card.complete || !o) return <Tag>{s('incomplete')}</Tag>;
  const money =
    o.band === 'Reward'
      ? o.disqualified ? s('moneyRewardNone') : s('moneyReward', { amount: formatMoney(o.reward) })
      : o.band === 'Penalty'
        ? s('moneyPenalty', { points: o.pointsBelow, leader: formatMoney(o.leaderDeduction), deputy: formatMoney(o.deputyDeduction) })
        : s('moneyPass');
  return (
    <Space orientation="vertical" size={2}>
      <Tag color={BAND_COLORS[o.band]}>{s(`bands.${o.band}`)}</Tag>
      <Typography.Text type={o.band === 'Penalty' ? 'danger' : undefined}>{money}</Typography.Text>
    </Space>
  );
}

/** 年度百分考核: every scored unit's 100-point card for a year, with band, money and disqualification. */
export function ScorecardPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(dayjs().year());
  const q = $api.useQuery('get', '/api/v1/kpi/scorecards/{year}', { params: { path: { year } } });
  const s = (key: string, o?: Record<string, unknown>) => t(`kpi.scorecard.${key}`, o ?? {});
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={<Typography.Title level={4} style={{ margin: 0 }}>{s('title')}</Typography.Title>}
        extra={<DatePicker picker="year" aria-label={t('kpi.year')} allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} />}
      >
        {q.isPending ? <Loading /> : q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : q.data.length === 0 ? <EmptyState description={s('noUnits')} /> : (
          <ReactEChartsCore
            echarts={echarts}
            opts={{ renderer: 'svg' }}
            style={{ height: 300 }}
            notMerge
            option={{
              tooltip: { trigger: 'axis' },
              grid: { left: 48, right: 96, top: 24, bottom: 48 },
              xAxis: { type: 'category', data: q.data.map((c) => c.unit.name), axisLabel: { interval: 0 } },
              yAxis: { type: 'value', min: 0, max: 100 },
              series: [
                {
                  name: s('total'),
                  type: 'bar',
                  barMaxWidth: 48,
                  // A card not fully scored has no total yet: no bar rather than a misleading 0.
                  data: q.data.map((c) => ({
                    value: c.total ?? '-',
                    itemStyle: { color: (c.total ?? 0) >= REWARD_SCORE ? '#52c41a' : (c.total ?? 0) >= PASS_SCORE ? '#1677ff' : '#f5222d' },
                  })),
                  label: { show: true, position: 'top' },
                  markLine: {
                    symbol: 'none',
                    data: [
                      { yAxis: REWARD_SCORE, name: s('rewardLine', { score: REWARD_SCORE }), lineStyle: { color: '#52c41a', type: 'dashed' } },
                      { yAxis: PASS_SCORE, name: s('passLine', { score: PASS_SCORE }), lineStyle: { color: '#f5222d', type: 'dashed' } },
                    ],
                    label: { formatter: '{b}', position: 'end' },
                  },
                },
              ],
            }}
          />
        )}
      </Card>
      {q.data && q.data.length > 0 && (
        <Card>
          <Table<UnitScorecardDto>
            rowKey={(c) => c.unit.id}
            size="small"
            dataSource={q.data}
            pagination={false}
            expandable={{ expandedRowRender: (c) => <ScorecardItems card={c} /> }}
            columns={[
              { title: t('kpi.unit'), key: 'unit', render: (_, c) => c.unit.name },
              { title: s('total'), dataIndex: 'total', width: 80, align: 'right', render: (v?: number | null) => (v === null || v === undefined ? '—' : v) },
              { title: s('band'), key: 'band', render: (_, c) => <Outcome card={c} /> },
              {
                title: s('leadership'),
                key: 'leadership',
                render: (_, c) =>
                  c.leadership.length === 0 ? '—' : (
                    <Space orientation="vertical" size={0}>
                      {c.leadership.map((l) => (
                        <span key={l.staff.id}>
                          {l.staff.name}（{s(`leaderRole.${l.role}`, { defaultValue: l.role })}）
                          {l.reward > 0 && <Typography.Text type="success"> {s('reward', { amount: formatMoney(l.reward) })}</Typography.Text>}
                          {l.deduction > 0 && <Typography.Text type="danger"> {s('deduction', { amount: formatMoney(l.deduction) })}</Typography.Text>}
                        </span>
                      ))}
                    </Space>
                  ),
              },
              { title: s('complaints'), dataIndex: 'substantiatedComplaints', width: 90, align: 'right' },
              {
                title: s('disqualified'),
                key: 'disqualified',
                render: (_, c) => (
                  <>
                    {c.disqualified && <Tag color="red">{s('disqualified')}</Tag>}
                    {c.disqualifiedStaff.length > 0 && <Typography.Text type="danger">{s('disqualifiedStaff')}：{c.disqualifiedStaff.map((p) => p.name).join('、')}</Typography.Text>}
                    {!c.disqualified && c.disqualifiedStaff.length === 0 && '—'}
                  </>
                ),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}

/** A unit's items; holders of kpi.manage enter scores (an entered score overrides the ledger's). */
function ScorecardItems({ card }: { card: UnitScorecardDto }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const [form] = Form.useForm<Record<string, number | null>>();
  const { run, busy } = useRun();
  const s = (key: string) => t(`kpi.scorecard.${key}`);
  const mayEdit = can(P.kpiManage);
  const save = async (values: Record<string, number | null>) => {
    const items = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined)) as Record<string, number>;
    await run(
      () => api.PUT('/api/v1/kpi/scorecards/{year}/units/{unitId}', { params: { path: { year: card.year, unitId: card.unit.id } }, body: { items } }),
      {
        success: t('common.saved'),
        invalidate: ['/api/v1/kpi/scorecards/{year}'],
        // The server names each item's error `items.<code>`: shown beside that item's input.
        onProblem: (p) => {
          const fields = Object.entries(p.errors ?? {})
            .filter(([key]) => key.startsWith('items.'))
            .map(([key, errors]) => ({ name: key.slice('items.'.length), errors }));
          const known = fields.filter((f) => card.items.some((i) => i.code === f.name));
          form.setFields(known);
          return known.length > 0 && known.length === Object.keys(p.errors ?? {}).length;
        },
      },
    );
  };
  return (
    <Form form={form} name={`scorecard-${card.unit.id}`} onFinish={save} initialValues={Object.fromEntries(card.items.map((i) => [i.code, i.entered ?? null]))}>
      <Table<ScorecardItemDto>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={card.items}
        columns={[
          { title: s('items'), dataIndex: 'name' },
          { title: s('maxPoints'), dataIndex: 'maxPoints', width: 70, align: 'right' },
          { title: s('ledgerPoints'), dataIndex: 'ledgerPoints', width: 90, align: 'right', render: (v: number, i) => (i.rules.length ? v : '—') },
          {
            title: s('entered'),
            key: 'entered',
            width: 140,
            render: (_, i) =>
              mayEdit ? (
                <Form.Item name={i.code} style={{ margin: 0 }}>
                  <InputNumber aria-label={`${card.unit.name} ${i.name}`} min={0} max={i.maxPoints} step={0.5} placeholder={i.rules.length ? s('sources.Ledger') : '—'} />
                </Form.Item>
              ) : (i.entered ?? '—'),
          },
          { title: s('score'), dataIndex: 'score', width: 70, align: 'right', render: (v?: number | null) => (v === null || v === undefined ? '—' : v) },
          { title: s('source'), dataIndex: 'source', width: 90, render: (v: string) => s(`sources.${v}`) },
        ]}
      />
      {mayEdit && (
        <Space style={{ marginTop: 8 }}>
          <Button type="primary" htmlType="submit" loading={busy}>{s('save')}</Button>
          <Typography.Text type="secondary">{s('enteredHint')}</Typography.Text>
        </Space>
      )}
    </Form>
  );
}
