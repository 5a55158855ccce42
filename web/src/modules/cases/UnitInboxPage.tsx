import { Alert, Select, Table } from 'antd';
import { ApiError, errorMessage } from '../../api/client';
import type { DispatchInboxRow, DispatchStatus } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { ListPage } from '../../ui/ListPage';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { useIsMobile } from '../../ui/useIsMobile';
import { useListParams } from '../../ui/useListParams';
import { useNow } from '../../ui/useNow';
import { useDispatchInbox } from './api';
import { DispatchStepDialog } from './DispatchStepDialog';
import { unitInboxColumns } from './unitInboxColumns';
import { useDispatchSteps } from './useDispatchSteps';

const STATUSES: readonly DispatchStatus[] = ['pending', 'acknowledged', 'on_site', 'done', 'returned', 'declined'];

/** 单位待办: the cases whistled to my unit, with the 报到 clock and 报到 / 到场 / 办结 / 退回 / 拒绝. */
export default function UnitInboxPage() {
  const { t } = useI18n();
  const now = useNow();
  const mobile = useIsMobile();
  const list = useListParams(['status'] as const);
  const inbox = useDispatchInbox(list.query);
  const steps = useDispatchSteps();

  const filters = (
    <Select
      allowClear
      placeholder={t('unitInbox.statusFilter')}
      value={list.filters.status}
      onChange={(v: string | undefined) => list.setFilter('status', v)}
      options={STATUSES.map((s) => ({ value: s, label: labelOf('dispatchStatus', s) }))}
      data-testid="unit-inbox-status"
    />
  );
  const unavailable =
    inbox.isError && inbox.error instanceof ApiError && (inbox.error.status === 404 || inbox.error.status === 405);

  return (
    <ListPage title={t('unitInbox.title')} filters={filters} activeFilters={list.filters.status ? 1 : 0}>
      <div data-testid="unit-inbox">
        {inbox.isError ? (
          unavailable ? (
            <Alert type="warning" showIcon title={t('unitInbox.unavailable')} description={errorMessage(inbox.error)} />
          ) : (
            <LoadError error={inbox.error} onRetry={() => void inbox.refetch()} />
          )
        ) : inbox.isPending ? (
          <Loading />
        ) : (
          <Table<DispatchInboxRow>
            rowKey="id"
            size="middle"
            loading={inbox.isFetching}
            dataSource={inbox.data?.items ?? []}
            scroll={mobile ? undefined : { x: 900 }}
            locale={{ emptyText: <EmptyState /> }}
            onRow={(r) => ({ 'data-testid': `dispatch-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
            pagination={{
              current: list.page,
              pageSize: list.pageSize,
              total: inbox.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (n) => t('common.total', { count: n }),
              onChange: (p, s) => list.setPage(p, s),
            }}
            columns={unitInboxColumns({ t, mobile, now, busy: steps.busy, press: steps.press })}
          />
        )}
      </div>
      <DispatchStepDialog
        dialog={steps.dialog}
        busy={!!steps.busy}
        error={steps.error}
        form={steps.form}
        onCancel={steps.close}
        onSubmit={steps.submitDialog}
      />
    </ListPage>
  );
}
