import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { useNavigate } from 'react-router';
import { EmptyState } from '../../components/States';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

const COLORS: Record<string, string> = { A: '#f5222d', B: '#fa8c16', C: '#1677ff', D: '#8c8c8c' };

/** Customers per grade as bars (SVG renderer: crisp, and it works in jsdom); a click opens the filtered list. */
export function GradeChart({ counts }: { counts: { grade: string; count: number }[] }) {
  const navigate = useNavigate();
  if (counts.every((c) => c.count === 0)) return <EmptyState />;
  return (
    <ReactEChartsCore
      echarts={echarts}
      opts={{ renderer: 'svg' }}
      style={{ height: 280 }}
      notMerge
      option={{
        tooltip: { trigger: 'axis' },
        grid: { left: 48, right: 16, top: 16, bottom: 32 },
        xAxis: { type: 'category', data: counts.map((c) => c.grade) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            type: 'bar',
            barMaxWidth: 56,
            data: counts.map((c) => ({ value: c.count, itemStyle: { color: COLORS[c.grade] ?? '#1677ff' } })),
            label: { show: true, position: 'top' },
          },
        ],
      }}
      onEvents={{ click: (e: { name: string }) => navigate(`/customers?grade=${encodeURIComponent(e.name)}`) }}
    />
  );
}
