import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import type { OrganisationView } from '../../api/contracts';
import { useSession } from '../../auth/session';
import { labelOf, useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { useFeedback } from '../../ui/feedback';
import { formatNumber } from '../../ui/format';
import { LoadError, Loading } from '../../ui/states';
import { useOrg, useOrgChildren, useOrgMutations } from './api';
import { OrgChildrenTable } from './OrgChildrenTable';

interface Props {
  id: string;
  onSelect: (id: string) => void;
  onEdit: (org: OrganisationView) => void;
  onCreateChild: (parent: OrganisationView) => void;
  onDeleted: (org: OrganisationView) => void;
}

/** The organisation's name and kind, with 新建下级/编辑/删除 for org.write. */
function OrgDetailHeader({
  org: o,
  onEdit,
  onCreateChild,
  onDeleted,
}: Omit<Props, 'id' | 'onSelect'> & { org: OrganisationView }) {
  const { t } = useI18n();
  const { can } = useSession();
  const feedback = useFeedback();
  const { remove } = useOrgMutations();
  const del = async () => {
    try {
      await remove.mutateAsync(o.id);
      feedback.success(t('common.deleted'));
      onDeleted(o);
    } catch (err) {
      feedback.error(err);
    }
  };

  return (
    <Space align="center" wrap style={{ justifyContent: 'space-between', width: '100%', marginBottom: 12 }}>
      <Space align="center" wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {o.name}
        </Typography.Title>
        <EnumTag group="orgKind" value={o.kind} />
      </Space>
      {can('org.write') && (
        <Space wrap>
          <Button size="small" icon={<PlusOutlined />} onClick={() => onCreateChild(o)}>
            {t('org.createChild')}
          </Button>
          <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(o)} data-testid="org-edit">
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('common.deleteConfirm', { name: o.name })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, loading: remove.isPending }}
            onConfirm={() => del()}
          >
            <Button size="small" danger icon={<DeleteOutlined />} data-testid="org-delete">
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      )}
    </Space>
  );
}

/** One organisation: its fields, strengths, members and children, with edit/delete for org.write. */
export function OrgDetail({ id, onSelect, onEdit, onCreateChild, onDeleted }: Props) {
  const { t } = useI18n();
  const org = useOrg(id);
  const children = useOrgChildren(id);

  if (org.isLoading) return <Loading />;
  if (org.isError || !org.data) return <LoadError error={org.error} onRetry={() => void org.refetch()} />;
  const o = org.data;

  return (
    <div data-testid="org-detail">
      <OrgDetailHeader org={o} onEdit={onEdit} onCreateChild={onCreateChild} onDeleted={onDeleted} />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'kind', label: t('org.kind'), children: labelOf('orgKind', o.kind) },
          { key: 'code', label: t('org.code'), children: o.code ?? '—' },
          {
            key: 'parent',
            label: t('org.parent'),
            children: o.parentId ? (
              <Typography.Link onClick={() => onSelect(o.parentId ?? '')}>{o.parentName}</Typography.Link>
            ) : (
              '—'
            ),
          },
          { key: 'phone', label: t('org.phone'), children: o.phone ?? '—' },
          { key: 'address', label: t('org.address'), children: o.address ?? '—', span: { xs: 1, md: 2 } },
          { key: 'members', label: t('org.memberCount'), children: formatNumber(o.memberCount) },
          { key: 'population', label: t('org.population'), children: formatNumber(o.population) },
          { key: 'children', label: t('org.childCount'), children: formatNumber(o.childCount) },
          {
            key: 'location',
            label: t('org.location'),
            children: o.lng !== null && o.lat !== null ? `${o.lng.toFixed(5)}, ${o.lat.toFixed(5)}` : '—',
          },
          {
            key: 'strengths',
            label: t('org.strengths'),
            span: { xs: 1, md: 2 },
            children: o.strengths.length
              ? o.strengths.map((s) => (
                  <Tag key={s} color="volcano">
                    {labelOf('strength', s)}
                  </Tag>
                ))
              : '—',
          },
          ...(o.kind === 'unit'
            ? [
                {
                  key: 'leader',
                  label: t('org.leader'),
                  span: { xs: 1, md: 2 },
                  children: o.leaderName ? `${o.leaderName}${o.leaderTitle ? `（${o.leaderTitle}）` : ''}` : '—',
                },
              ]
            : []),
        ]}
      />
      <div className="section-title">{t('org.children')}</div>
      <OrgChildrenTable result={children} onSelect={onSelect} />
    </div>
  );
}
