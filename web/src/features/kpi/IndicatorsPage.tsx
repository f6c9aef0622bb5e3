import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../api/client';
import { asProblem } from '../../api/problem';
import { downloadFile } from '../../components/download';
import { formatMoney } from '../../components/format';
import { UnitTreeSelect } from '../../components/OrgPickers';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import type { AccountManagerIndicators } from './types';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

const percent = (v?: number | null) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(2)}%`);

/** The half year the current month belongs to (the half-yearly rates need one). */
function currentHalf(): [Dayjs, Dayjs] {
  const now = dayjs();
  const first = now.month() < 6 ? now.startOf('year') : now.startOf('year').add(6, 'month');
  return [first, first.add(5, 'month')];
}

/** 客户经理指标: per account manager over the customers the person may see, with a chart and the spreadsheet. */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(currentHalf);
  const [unitId, setUnitId] = useState<number | undefined>();
  const [downloading, setDownloading] = useState<string | null>(null);
  const query = { from: range[0].format('YYYY-MM'), to: range[1].format('YYYY-MM'), unitId };
  const q = $api.useQuery('get', '/api/v1/kpi/indicators', { params: { query } });
  const i = (key: string, o?: Record<string, unknown>) => t(`kpi.indicators.${key}`, o ?? {});
  const download = async (format: 'csv' | 'xlsx') => {
    setDownloading(format);
    try {
      const name = await downloadFile('/api/v1/kpi/indicators/export', { format, ...query }, `indicators-${query.from}-${query.to}.${format}`);
      void message.success(t('kpi.downloaded', { name }));
    } catch (error) {
      void message.error(asProblem(error)?.detail ?? t('common.networkError'));
    } finally {
      setDownloading(null);
    }
  };
  const rows = q.data?.rows ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={<Typography.Title level={4} style={{ margin: 0 }}>{i('title')}</Typography.Title>}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} loading={downloading === 'csv'} onClick={() => void download('csv')}>{t('kpi.exportCsv')}</Button>
            <Button icon={<DownloadOutlined />} loading={downloading === 'xlsx'} onClick={() => void download('xlsx')}>{t('kpi.exportXlsx')}</Button>
          </Space>
        }
      >
        <Space wrap>
          <DatePicker.RangePicker picker="month" aria-label={i('period')} allowClear={false} value={range} onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])} />
          <UnitTreeSelect value={unitId} onChange={setUnitId} placeholder={t('kpi.unit')} style={{ width: 200 }} />
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{i('halfYearHint')} {i('noPraise')}</Typography.Paragraph>
      </Card>
      {q.isPending ? <Loading /> : q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : rows.length === 0 ? <Card><EmptyState /></Card> : (
        <>
          <Card title={i('chart')}>
            <ReactEChartsCore
              echarts={echarts}
              opts={{ renderer: 'svg' }}
              style={{ height: 300 }}
              notMerge
              option={{
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 48, right: 16, top: 32, bottom: 48 },
                xAxis: { type: 'category', data: rows.map((r) => r.staff.name), axisLabel: { interval: 0 } },
                yAxis: { type: 'value', minInterval: 1 },
                series: [
                  { name: i('newCustomers'), type: 'bar', itemStyle: { color: '#52c41a' }, data: rows.map((r) => r.newCustomers) },
                  { name: i('lostCustomers'), type: 'bar', itemStyle: { color: '#f5222d' }, data: rows.map((r) => r.lostCustomers) },
                  { name: i('complaints'), type: 'bar', itemStyle: { color: '#fa8c16' }, data: rows.map((r) => r.complaints) },
                  { name: i('praises'), type: 'bar', itemStyle: { color: '#13c2c2' }, data: rows.map((r) => r.praises) },
                ],
              }}
            />
          </Card>
          <Card>
            <Table<AccountManagerIndicators>
              rowKey={(r) => r.staff.id}
              size="small"
              dataSource={rows}
              pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 1300 }}
              columns={[
                { title: i('manager'), key: 'staff', fixed: 'left', width: 100, render: (_, r) => r.staff.name },
                { title: i('customers'), dataIndex: 'customers', align: 'right' },
                { title: i('newCustomers'), dataIndex: 'newCustomers', align: 'right' },
                { title: i('lostCustomers'), dataIndex: 'lostCustomers', align: 'right' },
                { title: i('spend'), dataIndex: 'spend', align: 'right', render: formatMoney },
                { title: i('purchaseMonths'), dataIndex: 'purchaseMonths', align: 'right' },
                { title: i('upgrades'), dataIndex: 'upgrades', align: 'right' },
                { title: i('downgrades'), dataIndex: 'downgrades', align: 'right' },
                { title: i('complaints'), dataIndex: 'complaints', align: 'right' },
                { title: i('praises'), dataIndex: 'praises', align: 'right' },
                { title: i('keyCustomerRevenueGrowth'), dataIndex: 'keyCustomerRevenueGrowth', align: 'right', render: percent },
                { title: i('developmentRate'), dataIndex: 'developmentRate', align: 'right', render: percent },
                { title: i('churnRate'), dataIndex: 'churnRate', align: 'right', render: percent },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
