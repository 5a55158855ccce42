import { Input, Modal, Table, Tabs } from 'antd';
import type { TablePaginationConfig } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { ExportButton } from '../../../ui/ExportButton';
import { useFeedback } from '../../../ui/feedback';
import { ListPage } from '../../../ui/ListPage';
import { LoadError } from '../../../ui/states';
import { cardUrl, type ReportView, useApprove, useDecline, useReports, useRevoke, useUnreported } from './api';
import { ReasonModal } from './ReasonModal';
import { useReportColumns, useUnreportedColumns } from './reportColumns';

type TabKey = 'pending' | 'approved' | 'declined' | 'unreported';
const TAB_LABELS = {
  pending: 'memberReports.tabPending',
  approved: 'memberReports.tabApproved',
  declined: 'memberReports.tabDeclined',
  unreported: 'memberReports.tabUnreported',
} as const;
const PAGE_SIZE = 20;

/** The decisions of the page: approve at once, decline and revoke through the reason dialog. */
function useDecisions() {
  const { t } = useI18n();
  const feedback = useFeedback();
  const approve = useApprove();
  const decline = useDecline();
  const revoke = useRevoke();
  const [declining, setDeclining] = useState<ReportView | null>(null);
  const [revoking, setRevoking] = useState<ReportView | null>(null);
  const run = async <R,>(p: Promise<R>, done: (r: R) => string, close?: () => void) => {
    try {
      feedback.success(done(await p));
      close?.();
    } catch (err) {
      feedback.error(err);
    }
  };
  const dialogs = (
    <>
      <ReasonModal
        title={t('memberReports.declineTitle', { name: declining?.memberName ?? '' })}
        open={!!declining}
        busy={decline.isPending}
        onClose={() => setDeclining(null)}
        onOk={(reason) =>
          declining &&
          void run(
            decline.mutateAsync({ id: declining.id, reason }),
            () => t('memberReports.declined'),
            () => setDeclining(null),
          )
        }
      />
      <ReasonModal
        title={t('memberReports.revokeTitle', { serial: revoking?.certificateSerial ?? '' })}
        open={!!revoking}
        busy={revoke.isPending}
        onClose={() => setRevoking(null)}
        onOk={(reason) =>
          revoking?.certificateId &&
          void run(
            revoke.mutateAsync({ id: revoking.certificateId, reason }),
            () => t('memberReports.revoked'),
            () => setRevoking(null),
          )
        }
      />
    </>
  );
  return {
    onApprove: (r: ReportView) =>
      void run(approve.mutateAsync(r.id), (res) => t('memberReports.approved', { serial: res.certificate.serial })),
    onDecline: setDeclining,
    onRevoke: setRevoking,
    dialogs,
  };
}

function StateTable({
  state,
  q,
  actions,
}: {
  state: string;
  q: string;
  actions: ReturnType<typeof useDecisions> & { manage: boolean; onPreview: (r: ReportView) => void };
}) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<string | undefined>();
  const list = useReports({ state, q: q || undefined, page, pageSize: PAGE_SIZE, sort });
  const columns = useReportColumns(state, actions);
  if (list.isError) return <LoadError error={list.error} />;
  const onChange = (
    p: TablePaginationConfig,
    _f: unknown,
    s: SorterResult<ReportView> | SorterResult<ReportView>[],
  ) => {
    const one = Array.isArray(s) ? s[0] : s;
    setSort(one?.order ? `${one.order === 'descend' ? '-' : ''}${String(one.field)}` : undefined);
    setPage(p.current ?? 1);
  };
  return (
    <Table<ReportView>
      rowKey="id"
      size="small"
      loading={list.isFetching}
      columns={columns}
      dataSource={list.data?.items ?? []}
      scroll={{ x: 1100 }}
      locale={{ emptyText: t('memberReports.none') }}
      onChange={onChange}
      pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false }}
      data-testid={`reports-${state}`}
    />
  );
}

function UnreportedTable({ q }: { q: string }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const query = { q: q || undefined, page, pageSize: PAGE_SIZE };
  const list = useUnreported(query);
  const columns = useUnreportedColumns();
  if (list.isError) return <LoadError error={list.error} />;
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8, gap: 8 }}>
        <span style={{ color: '#666' }}>{t('memberReports.unreportedHint', { months: 6 })}</span>
        <ExportButton
          path="/member-reports/unreported/export.xlsx"
          query={query}
          fileName="unreported-members.xlsx"
          label={t('memberReports.export')}
        />
      </div>
      <Table
        rowKey="memberId"
        size="small"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('memberReports.noneUnreported') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        data-testid="reports-unreported"
      />
    </>
  );
}

/**
 * 双报到 (community staff, the county; grid workers and units read): the applications by state — approve, decline with
 * a reason, the certificate's card and its revocation — and the in-service members who have not reported.
 */
export default function ReportsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [tab, setTab] = useState<TabKey>('pending');
  const [q, setQ] = useState('');
  const [preview, setPreview] = useState<ReportView | null>(null);
  const decisions = useDecisions();
  const actions = { ...decisions, manage: can('memberservice.manage'), onPreview: setPreview };
  const table = (state: TabKey) =>
    state === 'unreported' ? (
      <UnreportedTable q={q} />
    ) : (
      <StateTable key={state} state={state} q={q} actions={actions} />
    );
  const search = (
    <Input.Search
      allowClear
      placeholder={t('memberReports.search')}
      onSearch={setQ}
      style={{ width: 220 }}
      data-testid="reports-search"
    />
  );
  return (
    <ListPage title={t('memberReports.title')} actions={search}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as TabKey)}
        destroyOnHidden
        items={(['pending', 'approved', 'declined', 'unreported'] as const).map((k) => ({
          key: k,
          label: t(TAB_LABELS[k]),
          children: table(k),
        }))}
      />
      {decisions.dialogs}
      <Modal
        open={!!preview}
        title={preview?.certificateSerial}
        footer={null}
        onCancel={() => setPreview(null)}
        width={420}
        destroyOnHidden
      >
        {preview?.certificateId && (
          <>
            <img
              src={cardUrl(preview.certificateId, 'png')}
              alt={preview.certificateSerial ?? ''}
              style={{ width: '100%' }}
            />
            <a href={cardUrl(preview.certificateId, 'pdf')} target="_blank" rel="noreferrer">
              {t('memberReports.downloadPdf')}
            </a>
          </>
        )}
      </Modal>
    </ListPage>
  );
}
