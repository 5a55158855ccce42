import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Col, Row, Table, Typography } from 'antd';
import { api } from '../../api/client';
import type { AuditEntry, Page } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { JsonView } from '../../ui/JsonView';
import { ListPage } from '../../ui/ListPage';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { useListParams } from '../../ui/useListParams';
import { AUDIT_FILTERS, AuditFilters } from './AuditFilters';
import { auditColumns } from './auditColumns';

/** 审计日志 (county admin): who did what to which record, named (case numbers, names), with the record before and after. */
export default function AuditPage() {
  const { t } = useI18n();
  const list = useListParams(AUDIT_FILTERS);
  const f = list.filters;
  const entries = useQuery({
    queryKey: ['audit', list.query],
    queryFn: ({ signal }) => api.get<Page<AuditEntry>>('/audit', list.query, signal),
    placeholderData: keepPreviousData,
  });

  const active = Object.values(f).filter(Boolean).length + (list.q ? 1 : 0);

  return (
    <ListPage title={t('audit.title')} filters={<AuditFilters list={list} />} activeFilters={active}>
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
          columns={auditColumns(t)}
        />
      )}
    </ListPage>
  );
}
