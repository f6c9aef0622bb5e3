import { Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GradingResult } from '../../api/types';

const num = (v: number) => v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** Why a grade: the matched rule with each condition's expected and actual value, or the score per criterion, or the default. */
export function Explanation({ result }: { result: GradingResult }) {
  const { t } = useTranslation();
  const g = (key: string, options?: Record<string, unknown>) => t(`grading.${key}`, options ?? {});
  if (result.basis === 'Rule' && result.rule) {
    const rule = result.rule;
    return (
      <div data-testid="explanation">
        <Typography.Text strong>{g('matchedRule', { name: rule.ruleName, match: t(`enums.RuleMatch.${rule.match}`) })}</Typography.Text>
        <Table
          rowKey={(_, i) => String(i)}
          size="small"
          pagination={false}
          dataSource={rule.conditions}
          columns={[
            { title: g('field'), dataIndex: 'field', render: (f: string) => fieldLabel(t, f) },
            { title: g('operator'), dataIndex: 'operator', render: (o: string) => t(`enums.ConditionOperator.${o}`) },
            { title: g('expected'), dataIndex: 'expected', render: (v: string[]) => v.join('、') },
            { title: g('actual'), dataIndex: 'actual', render: (v?: string | null) => v ?? g('notReported') },
            { title: '', dataIndex: 'held', render: (h: boolean) => (h ? <Tag color="green">✓</Tag> : <Tag color="red">✗</Tag>) },
          ]}
        />
      </div>
    );
  }
  if (result.basis === 'Score' && result.score) {
    const score = result.score;
    return (
      <div data-testid="explanation">
        <Typography.Text strong>
          {g('scoreTotal', { total: num(score.total), grade: score.band.grade, min: num(score.band.minScore), max: num(score.band.maxScore) })}
        </Typography.Text>
        <Table
          rowKey="field"
          size="small"
          pagination={false}
          dataSource={score.criteria}
          columns={[
            { title: g('field'), dataIndex: 'field', render: (f: string) => fieldLabel(t, f) },
            { title: g('value'), dataIndex: 'value', render: (v?: string | null) => v ?? g('notReported') },
            { title: g('normalised'), dataIndex: 'normalised', align: 'right', render: num },
            { title: g('weight'), dataIndex: 'weight', align: 'right', render: num },
            { title: g('contribution'), dataIndex: 'contribution', align: 'right', render: num },
          ]}
        />
      </div>
    );
  }
  return (
    <Descriptions size="small" data-testid="explanation">
      <Descriptions.Item label={g('basis')}>{g('defaultGrade', { grade: result.grade })}</Descriptions.Item>
    </Descriptions>
  );
}

function fieldLabel(t: (key: string) => string, field: string) {
  const key = `grading.fields.${field}`;
  return t(key) === key ? field : t(key);
}
