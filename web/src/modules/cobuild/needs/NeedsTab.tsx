import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Input, Popconfirm, Row, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { ExportButton } from '../../../ui/ExportButton';
import { useFeedback } from '../../../ui/feedback';
import { formatDate } from '../../../ui/format';
import { EmptyState, LoadError } from '../../../ui/states';
import { useIsMobile } from '../../../ui/useIsMobile';
import { sortParam, type ListParams } from '../../../ui/useListParams';
import { OrgSelect } from '../../org/OrgSelect';
import { DOMAINS } from '../projects/api';
import { DomainTag } from '../projects/parts';
import { NEED_SOURCES, NEED_STATUSES, type NeedView, useNeedPoints, useNeeds, useNeedWrites } from './api';
import { NeedForm } from './NeedForm';
import { NeedsMap } from './NeedsMap';
import { NeedStatusTag, PriorityTag, useAmount } from './parts';

export const NEED_FILTERS = ['communityId', 'status', 'priority', 'domain', 'source'] as const;
type Filters = ListParams<(typeof NEED_FILTERS)[number]>;

/** 需求清单: filters, the map of needs by priority, the list; community staff enter and edit needs. */
export function NeedsTab({ list, ownCommunity }: { list: Filters; ownCommunity?: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const feedback = useFeedback();
  const amount = useAmount();
  const query = list.query;
  const needs = useNeeds(query);
  const points = useNeedPoints(query);
  const { deleteNeed } = useNeedWrites();
  const [editing, setEditing] = useState<NeedView | null | 'new'>(null);
  const canWrite = can('needs.write');
  const mobile = useIsMobile();
  const f = list.filters;

  const remove = async (n: NeedView) => {
    try {
      await deleteNeed.mutateAsync(n.id);
      feedback.success(t('common.deleted'));
    } catch (err) {
      feedback.error(err);
    }
  };

  return (
    <>
      <Flex className="filter-bar" wrap gap={8} style={{ marginBottom: 12 }}>
        {!ownCommunity && (
          <OrgSelect
            kind="community"
            value={f.communityId}
            placeholder={t('needs.community')}
            onChange={(v) => list.setFilter('communityId', v)}
            style={{ width: 150 }}
          />
        )}
        <Select
          allowClear
          value={f.status}
          placeholder={t('needs.status')}
          style={{ width: 110 }}
          onChange={(v) => list.setFilter('status', v)}
          options={NEED_STATUSES.map((s) => ({ value: s, label: t(`needs.statuses.${s}`) }))}
          data-testid="need-status"
        />
        <Select
          allowClear
          value={f.priority}
          placeholder={t('needs.priority')}
          style={{ width: 110 }}
          onChange={(v) => list.setFilter('priority', v)}
          options={[5, 4, 3, 2, 1].map((p) => ({
            value: String(p),
            label: t(`needs.priorities.p${p}` as 'needs.priorities.p1'),
          }))}
          data-testid="need-priority"
        />
        <Select
          allowClear
          value={f.domain}
          placeholder={t('needs.domain')}
          style={{ width: 130 }}
          onChange={(v) => list.setFilter('domain', v)}
          options={DOMAINS.map((d) => ({ value: d, label: t(`projects.domains.${d}`) }))}
        />
        <Select
          allowClear
          value={f.source}
          placeholder={t('needs.source')}
          style={{ width: 110 }}
          onChange={(v) => list.setFilter('source', v)}
          options={NEED_SOURCES.map((s) => ({ value: s, label: t(`needs.sources.${s}`) }))}
        />
        <Input.Search
          allowClear
          defaultValue={list.q}
          placeholder={t('needs.search')}
          onSearch={(v) => list.setFilter('q', v)}
          style={{ width: 200 }}
        />
        <span style={{ flex: 1 }} />
        <ExportButton path="/needs/export.xlsx" query={query} fileName="needs.xlsx" />
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="need-create">
            {t('needs.newNeed')}
          </Button>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Typography.Text strong>{t('needs.map')}</Typography.Text>
          <NeedsMap points={points.data?.items ?? []} loading={points.isPending} error={points.error} />
          {points.data?.truncated && (
            <Typography.Text type="secondary">
              {t('needs.mapTruncated', { count: points.data.items.length })}
            </Typography.Text>
          )}
        </Col>
        <Col xs={24} xl={15}>
          {needs.isError ? (
            <LoadError error={needs.error} onRetry={() => void needs.refetch()} />
          ) : (
            <Table<NeedView>
              data-testid="needs-table"
              rowKey="id"
              size="small"
              loading={needs.isFetching}
              dataSource={needs.data?.items ?? []}
              locale={{ emptyText: <EmptyState /> }}
              scroll={{ x: 'max-content' }}
              onChange={(_p, _f, s) => {
                const one = Array.isArray(s) ? s[0] : s;
                list.setSort(sortParam(one?.field, one?.order));
              }}
              pagination={{
                current: list.page,
                pageSize: list.pageSize,
                total: needs.data?.total ?? 0,
                showTotal: (n) => t('common.total', { count: n }),
                onChange: (p, s) => list.setPage(p, s),
              }}
              columns={[
                {
                  key: 'priority',
                  dataIndex: 'priority',
                  title: t('needs.priority'),
                  sorter: true,
                  render: (_, n) => <PriorityTag value={n.priority} />,
                },
                {
                  key: 'title',
                  title: t('needs.titleField'),
                  render: (_, n) => (
                    <div style={{ maxWidth: 260 }}>
                      <div>{n.title}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {n.communityName}
                        {n.caseNumber ? (
                          <>
                            {' '}
                            · <Link to={`/cases/${n.caseId}`}>{n.caseNumber}</Link>
                          </>
                        ) : null}
                      </Typography.Text>
                      {mobile && (
                        <div>
                          <NeedStatusTag value={n.status} />
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('needs.remaining')} {amount(n.remaining, n.unit)}
                          </Typography.Text>
                        </div>
                      )}
                    </div>
                  ),
                },
                {
                  key: 'domain',
                  title: t('needs.domain'),
                  responsive: ['md'],
                  render: (_, n) => <DomainTag value={n.domain} />,
                },
                {
                  key: 'quantity',
                  dataIndex: 'quantity',
                  title: t('needs.quantity'),
                  sorter: true,
                  align: 'right',
                  responsive: ['sm'],
                  render: (_, n) => amount(n.quantity, n.unit),
                },
                {
                  key: 'remaining',
                  title: t('needs.remaining'),
                  align: 'right',
                  responsive: ['sm'],
                  render: (_, n) => amount(n.remaining, n.unit),
                },
                {
                  key: 'status',
                  dataIndex: 'status',
                  title: t('needs.status'),
                  responsive: ['sm'],
                  render: (_, n) => <NeedStatusTag value={n.status} />,
                },
                {
                  key: 'source',
                  title: t('needs.source'),
                  responsive: ['lg'],
                  render: (_, n) => t(`needs.sources.${n.source}`),
                },
                {
                  key: 'createdAt',
                  dataIndex: 'createdAt',
                  title: t('needs.createdAt'),
                  sorter: true,
                  responsive: ['lg'],
                  render: (_, n) => formatDate(n.createdAt),
                },
                ...(canWrite
                  ? [
                      {
                        key: 'actions',
                        title: t('needs.actions'),
                        render: (_: unknown, n: NeedView) => (
                          <Flex gap={4}>
                            <Button size="small" type="link" onClick={() => setEditing(n)}>
                              {t('common.edit')}
                            </Button>
                            <Popconfirm
                              title={t('needs.deleteNeedConfirm', { title: n.title })}
                              onConfirm={() => void remove(n)}
                              okText={t('common.delete')}
                              cancelText={t('common.cancel')}
                            >
                              <Button size="small" type="link" danger>
                                {t('common.delete')}
                              </Button>
                            </Popconfirm>
                          </Flex>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </Col>
      </Row>
      <NeedForm
        open={editing !== null}
        need={editing === 'new' ? null : editing}
        ownCommunity={ownCommunity}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
