import { SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api, api } from '../../api/client';
import { asProblem } from '../../api/problem';
import { DATA_SCOPES, type DataScope, type PermissionDto, type RoleDto } from '../../api/types';
import { ErrorState, Loading } from '../../components/States';

type Matrix = Record<number, Record<string, DataScope | undefined>>;

function matrixOf(roles: RoleDto[]): Matrix {
  return Object.fromEntries(roles.map((r) => [r.id, Object.fromEntries(r.grants.map((g) => [g.permission, g.scope]))]));
}

/** The role × permission × scope matrix: each cell is the scope a role grants a permission with, or nothing. */
export function RolesMatrixPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const permissions = $api.useQuery('get', '/api/v1/access/permissions');
  const roles = $api.useQuery('get', '/api/v1/access/roles');
  const [edits, setEdits] = useState<Matrix>({});
  const [saving, setSaving] = useState<number | null>(null);
  const server = useMemo(() => matrixOf(roles.data ?? []), [roles.data]);

  if (permissions.isPending || roles.isPending) return <Loading />;
  if (permissions.isError) return <ErrorState error={permissions.error} onRetry={() => void permissions.refetch()} />;
  if (roles.isError) return <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />;

  const cell = (roleId: number, permission: string) =>
    edits[roleId] && permission in edits[roleId] ? edits[roleId][permission] : server[roleId]?.[permission];
  const dirty = (roleId: number) =>
    Object.entries(edits[roleId] ?? {}).some(([p, scope]) => server[roleId]?.[p] !== scope);

  const save = async (role: RoleDto) => {
    setSaving(role.id);
    const grants = permissions.data
      .map((p) => ({ permission: p.code, scope: cell(role.id, p.code) }))
      .filter((g): g is { permission: string; scope: DataScope } => g.scope !== undefined);
    const { error } = await api.PUT('/api/v1/access/roles/{id}', {
      params: { path: { id: role.id } },
      headers: { 'If-Match': `"${role.version}"` },
      body: { name: role.name, description: role.description, grants },
    });
    setSaving(null);
    if (error) {
      const problem = asProblem(error);
      void message.error(problem?.status === 412 ? t('customer.conflictTitle') : (problem?.detail ?? t('common.networkError')));
      if (problem?.status === 412) await roles.refetch();
      return;
    }
    void message.success(t('admin.roleSaved', { name: role.name }));
    setEdits(({ [role.id]: _, ...rest }) => rest);
    await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/access/roles'] });
    await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/me'] });
  };

  const scopeOptions = [
    { value: '', label: t('admin.notGranted') },
    ...DATA_SCOPES.map((s) => ({ value: s, label: t(`scope.${s}`) })),
  ];

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('admin.matrix')}</Typography.Title>}>
      <Alert type="info" showIcon title={t('admin.matrixHint')} style={{ marginBottom: 16 }} />
      <Table<PermissionDto>
        rowKey="code"
        size="small"
        bordered
        pagination={false}
        dataSource={permissions.data}
        scroll={{ x: 200 + roles.data.length * 150 }}
        columns={[
          {
            title: t('admin.permission'),
            dataIndex: 'code',
            fixed: 'left',
            width: 220,
            render: (code: string, p) => (
              <Tooltip title={code}>
                <div>{p.description}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{code}</Typography.Text>
              </Tooltip>
            ),
          },
          ...roles.data.map((role) => ({
            key: role.code,
            width: 150,
            title: (
              <Space orientation="vertical" size={2}>
                <span>{role.name}</span>
                <Space size={2}>
                  {role.isBuiltIn && <Tag>{t('admin.builtIn')}</Tag>}
                  <Tag>{t('admin.holders', { count: role.holderCount })}</Tag>
                </Space>
                <Button
                  size="small"
                  type={dirty(role.id) ? 'primary' : 'default'}
                  icon={<SaveOutlined />}
                  disabled={!dirty(role.id)}
                  loading={saving === role.id}
                  onClick={() => void save(role)}
                  aria-label={`${t('common.save')} ${role.name}`}
                >
                  {t('common.save')}
                </Button>
              </Space>
            ),
            render: (_: unknown, p: PermissionDto) => (
              <Select<string>
                size="small"
                aria-label={`${role.code} ${p.code}`}
                style={{ width: 130 }}
                value={cell(role.id, p.code) ?? ''}
                options={scopeOptions}
                onChange={(v) =>
                  setEdits((e) => ({ ...e, [role.id]: { ...e[role.id], [p.code]: v === '' ? undefined : (v as DataScope) } }))
                }
              />
            ),
          })),
        ]}
      />
    </Card>
  );
}
