import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { lazy, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { CaseSummary } from '../../api/contracts';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { ExportButton } from '../../ui/ExportButton';
import { ListPage } from '../../ui/ListPage';
import { OnFirstOpen } from '../../ui/OnFirstOpen';
import { PagedTable } from '../../ui/PagedTable';
import { useIsMobile } from '../../ui/useIsMobile';
import { type ListParams, useListParams } from '../../ui/useListParams';
import { caseKeys, useCaseList } from './api';
import { BulkBar } from './BulkBar';
import { BulkAcceptModal, BulkAssignModal } from './BulkModals';
import { CASE_FILTERS, type CaseFilter, CaseFilters } from './CaseFilters';
import { CASE_TABLE_MIN_WIDTH, caseCardColumns, caseColumns } from './caseColumns';
import { useCategoryLabel } from './labels';

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
  // Exports of the list with its filters: for those who see statistics (cases.stats), over their own scope.
  const exports = can('cases.stats');
  const actions =
    manage || exports ? (
      <CaseListActions query={list.query} exports={exports} manage={manage} onCreate={() => setCreating(true)} />
    ) : undefined;
  const refresh = () => {
    setSelected([]);
    void qc.invalidateQueries({ queryKey: caseKeys.all });
  };

  return (
    <ListPage title={t('cases.title')} actions={actions} filters={<CaseFilters list={list} />} activeFilters={active}>
      {manage && selected.length > 0 && (
        <BulkBar count={selected.length} onBulk={setBulk} onClear={() => setSelected([])} />
      )}
      <PagedTable<CaseSummary>
        result={cases}
        list={list}
        testId="cases-table"
        rowTestId="case-row"
        // A click on the row opens the case; one on its checkbox only selects it.
        onOpen={(r, e) => {
          if (!(e.target as HTMLElement).closest('.ant-table-selection-column')) navigate(`/cases/${r.id}`);
        }}
        scroll={mobile ? undefined : { x: CASE_TABLE_MIN_WIDTH }}
        rowSelection={
          manage
            ? {
                selectedRowKeys: selected.map((c) => c.id),
                onChange: (_, rows) => setSelected(rows),
                preserveSelectedRowKeys: true,
              }
            : undefined
        }
        columns={mobile ? caseCardColumns(t, categoryLabel) : caseColumns(t, categoryLabel, list.sort)}
      />
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

function CaseListActions(p: {
  query: ListParams<CaseFilter>['query'];
  exports: boolean;
  manage: boolean;
  onCreate: () => void;
}) {
  const { t } = useI18n();
  return (
    <Space wrap>
      {p.exports && (
        <>
          <ExportButton
            path="/cases/export.xlsx"
            query={p.query}
            fileName="cases.xlsx"
            label={t('caseFigures.exportExcel')}
          />
          <ExportButton
            path="/cases/export.csv"
            query={p.query}
            fileName="cases.csv"
            label={t('caseFigures.exportCsv')}
          />
        </>
      )}
      {p.manage && (
        <Button type="primary" icon={<PlusOutlined />} onClick={p.onCreate} data-testid="case-create">
          {t('cases.newCase')}
        </Button>
      )}
    </Space>
  );
}
