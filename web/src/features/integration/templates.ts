/** The columns of a bulk import (README "Bulk import"), by their Chinese names, for the template the browser generates. */
export const IMPORT_COLUMNS = {
  Customers: [
    '外部编号', '客户编码', '客户名称', '统一社会信用代码', '企业性质', '主管单位', '行业', '注册资本', '资产总额', '成立日期', '地址', '地区',
    '类别', '等级', '状态', '风险标记', '首次接触日期', '合作开始日期', '所属单元ID', '负责人ID', '服务单位ID', '协同服务人员ID', '标签',
  ],
  Facts: ['客户ID', '外部编号', '统一社会信用代码', '月份', '订单金额', '销量', '计量单位', '利润贡献', '逾期天数', '按时回款比例', '采购份额', '转介绍数', '不良信用', '来源'],
} as const;

/** An example row per kind, so the template shows the formats (dates yyyy-MM-dd, months yyyy-MM, labels in Chinese). */
const EXAMPLES: Record<keyof typeof IMPORT_COLUMNS, Record<string, string>> = {
  Customers: {
    客户名称: '上海示例贸易有限公司', 统一社会信用代码: '91310115MA1K3YJ12G', 企业性质: '民营企业', 行业: '贸易', 地区: '华东·上海',
    类别: '经销商', 状态: '合作中', 首次接触日期: '2026-11-02', 标签: '重点;华东',
  },
  Facts: { 统一社会信用代码: '91310115MA1K3YJ12G', 月份: '2026-10', 订单金额: '120000', 销量: '40', 计量单位: '吨', 按时回款比例: '0.95' },
};

const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A CSV template (UTF-8 with BOM, so Excel on Chinese Windows opens it right): the header and one example row. */
export function templateCsv(kind: keyof typeof IMPORT_COLUMNS): string {
  const columns = IMPORT_COLUMNS[kind];
  const example = columns.map((c) => cell(EXAMPLES[kind][c] ?? ''));
  return `\uFEFF${columns.map(cell).join(',')}\r\n${example.join(',')}\r\n`;
}
