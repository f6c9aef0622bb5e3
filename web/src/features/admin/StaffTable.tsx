import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Flex, Input, Modal, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api, api } from '../../api/client';
import { asProblem } from '../../api/problem';
import type { StaffDto } from '../../api/types';
import { EmptyState, ErrorState } from '../../components/States';
import { usePaging } from '../access/usePaging';
import { P, usePermissions } from '../auth/permissions';

/** Staff of a unit (and below), searched and paged on the server; administrators of users can set roles. */
export function StaffTable({ unitId }: { unitId?: number }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const [q, setQ] = useState<string | undefined>();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<StaffDto | null>(null);
  const paging = usePaging();
  const staff = $api.useQuery(
    'get',
    '/api/v1/org/staff',
    { params: { query: { unitId, q, includeInactive, page: paging.page, pageSize: paging.pageSize } } },
    { placeholderData: keepPreviousData },
  );
  const ad = (key: string) => t(`admin.${key}`);

  return (
    <>
      <Flex gap={8} style={{ marginBottom: 12 }} align="center" wrap>
        <Input.Search
          aria-label={ad('staffSearch')}
          placeholder={ad('staffSearch')}
          allowClear
          style={{ width: 240 }}
          onSearch={(v) => { setQ(v.trim() || undefined); paging.reset(); }}
        />
        <label>
          <Switch size="small" checked={includeInactive} onChange={(v) => { setIncludeInactive(v); paging.reset(); }} /> {ad('includeInactive')}
        </label>
      </Flex>
      {staff.isError ? (
        <ErrorState error={staff.error} onRetry={() => void staff.refetch()} />
      ) : (
        <Table<StaffDto>
          rowKey="id"
          size="small"
          loading={staff.isFetching}
          dataSource={staff.data?.items ?? []}
          locale={{ emptyText: staff.isPending ? ' ' : <EmptyState /> }}
          pagination={paging.pagination(staff.data?.total)}
          scroll={{ x: 800 }}
          columns={[
            { title: ad('displayName'), dataIndex: 'displayName' },
            { title: ad('username'), dataIndex: 'username' },
            { title: ad('unit'), dataIndex: 'unitName' },
            { title: ad('positions'), dataIndex: 'positions', render: (ps: string[]) => ps.map((p) => t(`enums.Positions.${p}`)).join('、') },
            { title: ad('roles'), dataIndex: 'roles', render: (rs: string[]) => rs.map((r) => <Tag key={r}>{r}</Tag>) },
            { title: ad('active'), dataIndex: 'isActive', render: (a: boolean) => (a ? <Tag color="green">{ad('enabled')}</Tag> : <Tag>{ad('disabled')}</Tag>) },
            ...(can(P.adminUsers)
              ? [{
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, s: StaffDto) => <Button size="small" onClick={() => setEditing(s)}>{ad('setRoles')}</Button>,
                }]
              : []),
          ]}
        />
      )}
      {editing && <RolesDialog staff={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function RolesDialog({ staff, onClose }: { staff: StaffDto; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const roles = $api.useQuery('get', '/api/v1/access/roles');
  const [selected, setSelected] = useState<number[] | null>(null);
  const [busy, setBusy] = useState(false);
  const current = selected ?? (roles.data ?? []).filter((r) => staff.roles.includes(r.code)).map((r) => r.id);

  const save = async () => {
    setBusy(true);
    const { error } = await api.PUT('/api/v1/org/staff/{id}/roles', {
      params: { path: { id: staff.id } },
      headers: { 'If-Match': `"${staff.version}"` },
      body: { roleIds: current },
    });
    setBusy(false);
    if (error) return void message.error(asProblem(error)?.detail ?? t('common.networkError'));
    void message.success(t('admin.rolesSaved'));
    await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/org/staff'] });
    onClose();
  };

  return (
    <Modal open title={`${t('admin.setRoles')}：${staff.displayName}`} onOk={() => void save()} onCancel={onClose} confirmLoading={busy}
      okText={t('common.save')} cancelText={t('common.cancel')}>
      {roles.isError ? (
        <ErrorState error={roles.error} />
      ) : (
        <Checkbox.Group
          value={current}
          onChange={(v) => setSelected(v as number[])}
          options={(roles.data ?? []).map((r) => ({ value: r.id, label: `${r.name}（${r.code}）` }))}
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        />
      )}
    </Modal>
  );
}
