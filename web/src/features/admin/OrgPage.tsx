import { Card, Col, Row, Tag, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildUnitTree, useUnits, type UnitTreeNode } from '../../components/OrgPickers';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { StaffTable } from './StaffTable';

interface TreeItem {
  key: number;
  title: React.ReactNode;
  children: TreeItem[];
}

export function OrgPage() {
  const { t } = useTranslation();
  const units = useUnits(true);
  const [selected, setSelected] = useState<number | undefined>();
  const tree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  const selectedUnit = units.data?.find((u) => u.id === selected);

  const render = (nodes: UnitTreeNode[]): TreeItem[] =>
    nodes.map((n) => ({
      key: n.key,
      title: (
        <span>
          {n.title} <Tag style={{ marginLeft: 4 }}>{t(`enums.OrgUnitKind.${n.unit.kind}`)}</Tag>
          {!n.unit.isActive && <Tag color="default">{t('admin.inactive')}</Tag>}
        </span>
      ),
      children: render(n.children),
    }));

  return (
    <Row gutter={16}>
      <Col xs={24} lg={9}>
        <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('admin.units')}</Typography.Title>}>
          {units.isPending ? (
            <Loading />
          ) : units.isError ? (
            <ErrorState error={units.error} onRetry={() => void units.refetch()} />
          ) : tree.length === 0 ? (
            <EmptyState />
          ) : (
            <Tree
              defaultExpandAll
              treeData={render(tree)}
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => setSelected(keys.length ? Number(keys[0]) : undefined)}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card title={selectedUnit ? t('admin.staffOf', { unit: selectedUnit.name }) : t('nav.staff')}>
          <StaffTable key={selected ?? 'all'} unitId={selected} />
        </Card>
      </Col>
    </Row>
  );
}
