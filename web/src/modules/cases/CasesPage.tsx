import { CheckOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { lazy, useState, type HTMLAttributes, type MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { CaseSummary } from '../../api/contracts';
import { useSession } from '../../auth/session';
import { labelOf, useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { formatShortDateTime } from '../../ui/format';
import { ListPage } from '../../ui/ListPage';
import { OnFirstOpen } from '../../ui/OnFirstOpen';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { useIsMobile } from '../../ui/useIsMobile';
import { sortOrderOf, sortParam, useListParams } from '../../ui/useListParams';
import { caseKeys, useCaseList } from './api';
import { BulkAcceptModal, BulkAssignModal } from './BulkModals';
import { CASE_FILTERS, CaseFilters } from './CaseFilters';
import { useCategoryLabel } from './labels';
import { SlaBadges } from './SlaBadge';

// The new-case form carries the grid map (ECharts) for picking the place: fetched when the form is first opened.
const NewCaseModal = lazy(() => import('./NewCaseModal').then((m) => ({ default: m.NewCaseModal })));

/** 事件受理: the staff inbox with filters, clocks, bulk accept / reassign and staff intake. */
export default function CasesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const list = useListParams(CASE_FILTERS);
  const cases = useCaseList(list.query);
  const categoryLabel = useCategoryLabel();
  const [selected, setSelected] = useState<CaseSummary[]>([]);
  const [bulk, setBulk] = useState<'accept' | 'assign' | null>(null);
  const [creating, setCreating] = useState(false);

  const active = [list.q, ...Object.values(list.filters)].filter(Boolean).length;
  const manage = can('cases.manage');
  const actions = manage ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="case-create">
      {t('cases.newCase')}
    </Button>
  ) : undefined;
  const refresh = () => {
    setSelected([]);
    void qc.invalidateQueries({ queryKey: caseKeys.all });
  };

  return (
    <ListPage title={t('cases.title')} actions={actions} filters={<CaseFilters list={list} />} activeFilters={active}>
      {manage && selected.length > 0 && (
        <Alert
          type="info"
          style={{ marginBottom: 8 }}
          data-testid="cases-bulk-bar"
          title={
            <Space wrap>
              <span>{t('cases.selected', { count: selected.length })}</span>
              <Button
                size="small"
                type="primary"
                icon={<CheckOutlined />}
                onClick={() => setBulk('accept')}
                data-testid="bulk-accept"
              >
                {t('cases.bulkAccept')}
              </Button>
              <Button size="small" icon={<SwapOutlined />} onClick={() => setBulk('assign')} data-testid="bulk-assign">
                {t('cases.bulkAssign')}
              </Button>
              <Button size="small" type="link" onClick={() => setSelected([])}>
                {t('cases.clearSelection')}
              </Button>
            </Space>
          }
        />
      )}
      {cases.isError ? (
        <LoadError error={cases.error} onRetry={() => void cases.refetch()} />
      ) : cases.isPending ? (
        <Loading />
      ) : (
        <Table<CaseSummary>
          data-testid="cases-table"
          rowKey="id"
          size="middle"
          className="clickable-rows"
          loading={cases.isFetching}
          dataSource={cases.data?.items ?? []}
          locale={{ emptyText: <EmptyState /> }}
          scroll={mobile ? undefined : { x: 1280 }}
          rowSelection={
            manage
              ? {
                  selectedRowKeys: selected.map((c) => c.id),
                  onChange: (_, rows) => setSelected(rows),
                  preserveSelectedRowKeys: true,
                }
              : undefined
          }
          onRow={(r) =>
            ({
              // A click on the row opens the case; one on its checkbox only selects it.
              onClick: (e: MouseEvent<HTMLElement>) => {
                if (!(e.target as HTMLElement).closest('.ant-table-selection-column')) navigate(`/cases/${r.id}`);
              },
              'data-testid': `case-row-${r.id}`,
            }) as HTMLAttributes<HTMLElement>
          }
          onChange={(_, __, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            list.setSort(sortParam(s?.columnKey, s?.order));
          }}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: cases.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100, 200],
            showTotal: (n) => t('common.total', { count: n }),
            onChange: (p, s) => list.setPage(p, s),
          }}
          columns={
            mobile
              ? [
                  // A phone gets one column: the case as a small card.
                  {
                    key: 'card',
                    title: t('cases.caseTitle'),
                    render: (_, c) => (
                      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                        <Space size={4} wrap>
                          <span className="mono">{c.number}</span>
                          <EnumTag group="caseStatus" value={c.status} />
                          {c.priority === 'urgent' && <EnumTag group="casePriority" value={c.priority} />}
                          {c.supervised && <Tag color="red">{t('cases.supervised')}</Tag>}
                        </Space>
                        <Typography.Text>{c.title}</Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {categoryLabel(c.categoryCode, c.categoryName)} · {c.gridName} ·{' '}
                          {formatShortDateTime(c.reportedAt)}
                        </Typography.Text>
                        <SlaBadges c={c} running testId={`case-sla-${c.id}`} />
                      </Space>
                    ),
                  },
                ]
              : [
                  {
                    key: 'number',
                    title: t('cases.number'),
                    width: 130,
                    sorter: true,
                    sortOrder: sortOrderOf(list.sort, 'number'),
                    render: (_, c) => (
                      <Link to={`/cases/${c.id}`} onClick={(e) => e.stopPropagation()} className="mono">
                        {c.number}
                      </Link>
                    ),
                  },
                  {
                    key: 'title',
                    title: t('cases.caseTitle'),
                    ellipsis: true,
                    width: 260,
                    render: (_, c) => (
                      <Space size={4}>
                        {c.priority === 'urgent' && <EnumTag group="casePriority" value={c.priority} />}
                        <Tooltip title={c.title}>
                          <span>{c.title}</span>
                        </Tooltip>
                      </Space>
                    ),
                  },
                  {
                    key: 'category',
                    title: t('cases.category'),
                    width: 120,
                    ellipsis: true,
                    responsive: ['md'],
                    render: (_, c) => categoryLabel(c.categoryCode, c.categoryName),
                  },
                  {
                    key: 'channel',
                    title: t('cases.channel'),
                    width: 100,
                    responsive: ['lg'],
                    render: (_, c) => labelOf('caseChannel', c.channel),
                  },
                  {
                    key: 'status',
                    title: t('cases.status'),
                    width: 150,
                    render: (_, c) => (
                      <Space size={2} wrap>
                        <EnumTag group="caseStatus" value={c.status} />
                        {c.supervised && <Tag color="red">{t('cases.supervised')}</Tag>}
                        {c.whistle && <EnumTag group="whistle" value={c.whistle} />}
                      </Space>
                    ),
                  },
                  {
                    key: 'grid',
                    title: t('cases.grid'),
                    width: 150,
                    ellipsis: true,
                    responsive: ['lg'],
                    render: (_, c) => (
                      <>
                        <div>{c.gridName}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {c.communityName}
                        </Typography.Text>
                      </>
                    ),
                  },
                  {
                    key: 'owner',
                    title: t('cases.owner'),
                    width: 90,
                    responsive: ['xl'],
                    render: (_, c) => c.ownerName ?? '—',
                  },
                  {
                    key: 'reportedAt',
                    title: t('cases.reportedAt'),
                    width: 120,
                    sorter: true,
                    sortOrder: sortOrderOf(list.sort, 'reportedAt'),
                    responsive: ['md'],
                    render: (_, c) => formatShortDateTime(c.reportedAt),
                  },
                  {
                    key: 'resolutionDueAt',
                    title: t('cases.sla'),
                    width: 210,
                    sorter: true,
                    sortOrder: sortOrderOf(list.sort, 'resolutionDueAt'),
                    render: (_, c) => <SlaBadges c={c} running testId={`case-sla-${c.id}`} />,
                  },
                ]
          }
        />
      )}
      <BulkAcceptModal open={bulk === 'accept'} cases={selected} onClose={() => setBulk(null)} onDone={refresh} />
      <BulkAssignModal open={bulk === 'assign'} cases={selected} onClose={() => setBulk(null)} onDone={refresh} />
      <OnFirstOpen open={creating}>
        <NewCaseModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            refresh();
            navigate(`/cases/${c.id}`);
          }}
        />
      </OnFirstOpen>
    </ListPage>
  );
}
