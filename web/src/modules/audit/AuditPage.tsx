import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Col, DatePicker, Row, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import type { AuditEntry, Page } from '../../api/contracts';
import { labelOf, labelOptions, useI18n } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { JsonView } from '../../ui/JsonView';
import { ListPage } from '../../ui/ListPage';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { useListParams } from '../../ui/useListParams';

const AUDIT_FILTERS = ['entityType', 'action', 'from', 'to'] as const;

/** 审计日志 (county admin): who did what to which record, with the record before and after. */
export default function AuditPage() {
  const { t } = useI18n();
  const list = useListParams(AUDIT_FILTERS);
  const f = list.filters;
  const entries = useQuery({
    queryKey: ['audit', list.query],
    queryFn: ({ signal }) => api.get<Page<AuditEntry>>('/audit', list.query, signal),
    placeholderData: keepPreviousData,
  });

  const filters = (
    <>
      <Select
        allowClear
        placeholder={t('audit.entityFilter')}
        value={f.entityType}
        onChange={(v: string | undefined) => list.setFilter('entityType', v)}
        options={labelOptions('entityType')}
        data-testid="audit-entity"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        className="filter-wide"
        placeholder={t('audit.actionFilter')}
        value={f.action}
        onChange={(v: string | undefined) => list.setFilter('action', v)}
        options={labelOptions('auditAction')}
        data-testid="audit-action"
      />
      <DatePicker.RangePicker
        className="filter-auto"
        allowEmpty={[true, true]}
        value={[f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null]}
        onChange={(range) =>
          list.setFilters({
            from: range?.[0] ? range[0].startOf('day').format() : undefined,
            to: range?.[1] ? range[1].endOf('day').format() : undefined,
          })
        }
      />
    </>
  );
  const active = Object.values(f).filter(Boolean).length;

  return (
    <ListPage title={t('audit.title')} filters={filters} activeFilters={active}>
      {entries.isError ? (
        <LoadError error={entries.error} onRetry={() => void entries.refetch()} />
      ) : entries.isPending ? (
        <Loading />
      ) : (
        <Table<AuditEntry>
          data-testid="audit-table"
          rowKey="id"
          size="middle"
          loading={entries.isFetching}
          dataSource={entries.data?.items ?? []}
          locale={{ emptyText: <EmptyState /> }}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: entries.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { count: n }),
            onChange: (p, s) => list.setPage(p, s),
          }}
          expandable={{
            rowExpandable: (r) => r.before !== null || r.after !== null,
            expandedRowRender: (r) => (
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Typography.Text strong>{t('audit.before')}</Typography.Text>
                  <JsonView value={r.before} empty={t('audit.noChange')} />
                </Col>
                <Col xs={24} md={12}>
                  <Typography.Text strong>{t('audit.after')}</Typography.Text>
                  <JsonView value={r.after} empty={t('audit.noChange')} />
                </Col>
              </Row>
            ),
          }}
          columns={[
            { key: 'at', title: t('audit.at'), render: (_, r) => formatDateTime(r.at) },
            { key: 'actor', title: t('audit.actor'), render: (_, r) => r.actorName ?? t('audit.system') },
            { key: 'action', title: t('audit.action'), render: (_, r) => labelOf('auditAction', r.action) },
            { key: 'entity', title: t('audit.entityType'), render: (_, r) => labelOf('entityType', r.entityType) },
            {
              key: 'entityId',
              title: t('audit.entityId'),
              render: (_, r) => <span className="mono">{r.entityId ?? '—'}</span>,
              responsive: ['lg'],
            },
            { key: 'ip', title: t('audit.ip'), dataIndex: 'ip', responsive: ['md'] },
          ]}
        />
      )}
    </ListPage>
  );
}
