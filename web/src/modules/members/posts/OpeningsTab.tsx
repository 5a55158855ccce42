import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { formatNumber } from '../../../ui/format';
import { LoadError } from '../../../ui/states';
import { type PostOpeningView, useOpenings, usePostTypes, useUpdateOpening } from './api';
import { HandAssignModal } from './HandAssignModal';
import { OpeningFormModal } from './OpeningFormModal';
import type { PostsScope } from './PostsPage';

type Filters = { q?: string; postTypeId?: string; state?: string };

function OpeningFilters({
  scope,
  filters,
  set,
}: {
  scope: PostsScope;
  filters: Filters;
  set: (k: keyof Filters, v?: string) => void;
}) {
  const { t, language } = useI18n();
  const types = usePostTypes(scope.communityId);
  return (
    <>
      <Input.Search allowClear placeholder={t('posts.search')} onSearch={(v) => set('q', v)} style={{ width: 220 }} />
      <Select
        allowClear
        placeholder={t('posts.allTypes')}
        style={{ width: 160 }}
        value={filters.postTypeId}
        onChange={(v) => set('postTypeId', v)}
        options={(types.data?.items ?? []).map((p) => ({ value: p.id, label: language === 'en' ? p.nameEn : p.name }))}
      />
      <Select
        allowClear
        placeholder={t('posts.allStates')}
        style={{ width: 120 }}
        value={filters.state}
        onChange={(v) => set('state', v)}
        options={[
          { value: 'open', label: t('posts.stateOpen') },
          { value: 'closed', label: t('posts.stateClosed') },
        ]}
      />
    </>
  );
}

/** The staff's actions on a post: edit, assign a member by hand (while seats are free), close or reopen. */
function OpeningActions({ o, onEdit, onAssign }: { o: PostOpeningView; onEdit: () => void; onAssign: () => void }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const update = useUpdateOpening();
  const toggle = () =>
    update
      .mutateAsync({ id: o.id, state: o.state === 'open' ? 'closed' : 'open', version: o.version })
      .catch(feedback.error);
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={onEdit}>
        {t('posts.edit')}
      </Button>
      {o.state === 'open' && o.confirmedCount < o.seats && (
        <Button type="link" size="small" onClick={onAssign}>
          {t('posts.handAssign')}
        </Button>
      )}
      <Button type="link" size="small" onClick={() => void toggle()}>
        {o.state === 'open' ? t('posts.close') : t('posts.reopen')}
      </Button>
    </Space>
  );
}

function useOpeningColumns(actions: ((o: PostOpeningView) => ReactNode) | null): TableColumnsType<PostOpeningView> {
  const { t, language } = useI18n();
  const typeName = (o: PostOpeningView) => (language === 'en' ? o.postTypeNameEn : o.postTypeName);
  return [
    {
      key: 'title',
      title: t('posts.openingTitle'),
      render: (_, o) => (
        <>
          <div>{o.title}</div>
          <Typography.Text type="secondary">
            {typeName(o)} · {o.gridName ?? t('posts.wholeCommunity')}
          </Typography.Text>
        </>
      ),
    },
    { key: 'community', title: t('posts.community'), responsive: ['lg'], render: (_, o) => o.communityName },
    {
      key: 'filled',
      title: `${t('posts.confirmed')} / ${t('posts.seats')}`,
      align: 'right',
      render: (_, o) => t('posts.filled', { confirmed: formatNumber(o.confirmedCount), seats: formatNumber(o.seats) }),
    },
    {
      key: 'suggested',
      title: t('posts.suggested'),
      align: 'right',
      responsive: ['md'],
      render: (_, o) => formatNumber(o.suggestedCount),
    },
    {
      key: 'state',
      title: t('posts.state'),
      render: (_, o) =>
        o.state === 'open' ? <Tag color="green">{t('posts.stateOpen')}</Tag> : <Tag>{t('posts.stateClosed')}</Tag>,
    },
    ...(actions ? [{ key: 'actions', title: '', render: (_: unknown, o: PostOpeningView) => actions(o) }] : []),
  ];
}

/** The posts of the community and year, with filters, their filled seats, and the staff's actions. */
export function OpeningsTab({ scope }: { scope: PostsScope }) {
  const { t } = useI18n();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<PostOpeningView | 'new' | null>(null);
  const [assigning, setAssigning] = useState<PostOpeningView | null>(null);
  const rows = useOpenings({ communityId: scope.communityId, year: scope.year, ...filters, ...page });
  const columns = useOpeningColumns(
    scope.manages
      ? (o) => <OpeningActions o={o} onEdit={() => setEditing(o)} onAssign={() => setAssigning(o)} />
      : null,
  );
  if (rows.isError) return <LoadError error={rows.error} onRetry={() => void rows.refetch()} />;
  const set = (k: keyof Filters, v?: string) => {
    setFilters((f) => ({ ...f, [k]: v || undefined }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <OpeningFilters scope={scope} filters={filters} set={set} />
        {scope.manages && scope.communityId && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="opening-add">
            {t('posts.addOpening')}
          </Button>
        )}
      </Space>
      <Table<PostOpeningView>
        data-testid="openings-table"
        rowKey="id"
        size="middle"
        loading={rows.isFetching}
        dataSource={rows.data?.items ?? []}
        scroll={{ x: 1100 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: rows.data?.total ?? 0,
          showTotal: (n) => t('common.total', { count: n }),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={columns}
      />
      <OpeningFormModal scope={scope} editing={editing} onClose={() => setEditing(null)} />
      <HandAssignModal opening={assigning} onClose={() => setAssigning(null)} />
    </>
  );
}
