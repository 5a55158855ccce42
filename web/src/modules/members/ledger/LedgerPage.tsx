import { Checkbox, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { seesSeveralCommunities } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { countyWallClock } from '../../../ui/clock';
import { ExportButton } from '../../../ui/ExportButton';
import { formatCountyDateTime, formatDate } from '../../../ui/format';
import { ListSearch } from '../../../ui/ListFilters';
import { ListPage } from '../../../ui/ListPage';
import { PagedTable } from '../../../ui/PagedTable';
import { type ListParams, sortOrderOf, useListParams } from '../../../ui/useListParams';
import { OrgSelect } from '../../org/OrgSelect';
import { hoursOf, LEDGER_EXPORT_PATH, SERVICE_RECORD_KINDS, type ServiceRecordView, useServiceRecords } from './api';
import { RecordModal } from './RecordModal';

const FILTERS = ['year', 'kind', 'communityId', 'unitId', 'includeVoided'] as const;
type LedgerList = ListParams<(typeof FILTERS)[number]>;
/** The county's clock (Asia/Shanghai) whatever the device's zone: service hours are county hours. */
const clock = (iso: string) => formatCountyDateTime(iso).slice(11, 16);

function useColumns(list: LedgerList): ColumnsType<ServiceRecordView> {
  const { t } = useI18n();
  return [
    {
      key: 'day',
      title: t('ledger.day'),
      width: 110,
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'day'),
      render: (_, r) => formatDate(r.day),
    },
    {
      key: 'memberName',
      title: t('ledger.member'),
      width: 100,
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'memberName'),
      dataIndex: 'memberName',
    },
    { title: t('ledger.unit'), width: 160, render: (_, r) => r.unitName ?? '—' },
    { key: 'kind', title: t('ledger.kind'), width: 110, render: (_, r) => <Tag>{t(`ledger.kinds.${r.kind}`)}</Tag> },
    { title: t('ledger.what'), render: (_, r) => r.title },
    { title: t('ledger.community'), width: 110, render: (_, r) => r.communityName ?? '—' },
    { title: t('ledger.time'), width: 110, render: (_, r) => `${clock(r.startsAt)}–${clock(r.endsAt)}` },
    {
      key: 'minutes',
      title: t('ledger.hours'),
      width: 120,
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'minutes'),
      render: (_, r) => hoursOf(r.minutes),
    },
    {
      title: t('ledger.status'),
      width: 160,
      render: (_, r) =>
        r.voidedAt ? (
          <Tag color="default" title={t('ledger.voidReason', { reason: r.voidReason ?? '' })}>
            {t('ledger.voided')}
          </Tag>
        ) : r.correctionReason ? (
          <Tag color="orange" title={t('ledger.correctionReason', { reason: r.correctionReason })}>
            {t('ledger.corrected')}
          </Tag>
        ) : (
          <Tag color="green">{t('ledger.counted')}</Tag>
        ),
    },
  ];
}

function LedgerFilters({ list, several }: { list: LedgerList; several: boolean }) {
  const { t } = useI18n();
  const f = list.filters;
  const thisYear = countyWallClock().getFullYear();
  return (
    <>
      <ListSearch list={list} placeholder={t('ledger.search')} width={200} />
      <Select
        allowClear
        placeholder={t('ledger.year')}
        value={f.year}
        onChange={(v) => list.setFilter('year', v)}
        style={{ width: 100 }}
        options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: String(y), label: String(y) }))}
      />
      <Select
        allowClear
        placeholder={t('ledger.allKinds')}
        value={f.kind}
        onChange={(v) => list.setFilter('kind', v)}
        style={{ width: 130 }}
        options={SERVICE_RECORD_KINDS.map((k) => ({ value: k, label: t(`ledger.kinds.${k}`) }))}
        data-testid="ledger-kind"
      />
      {several && (
        <OrgSelect
          kind="community"
          value={f.communityId}
          placeholder={t('ledger.community')}
          onChange={(v) => list.setFilter('communityId', v)}
        />
      )}
      <OrgSelect
        kind="unit"
        value={f.unitId}
        placeholder={t('ledger.unit')}
        onChange={(v) => list.setFilter('unitId', v)}
      />
      <Checkbox
        checked={f.includeVoided === 'true'}
        onChange={(e) => list.setFilter('includeVoided', e.target.checked ? 'true' : undefined)}
      >
        {t('ledger.includeVoided')}
      </Checkbox>
    </>
  );
}

/** 服务台账: every service record in the user's scope, filtered and exported; managing staff correct or void. */
export default function LedgerPage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const list = useListParams(FILTERS);
  const result = useServiceRecords(list.query);
  const columns = useColumns(list);
  const [open, setOpen] = useState<ServiceRecordView | null>(null);
  const manage = can('memberservice.manage');
  const { page: _p, pageSize: _s, ...exportQuery } = list.query;
  return (
    <ListPage
      title={t('ledger.title')}
      actions={<ExportButton path={LEDGER_EXPORT_PATH} query={exportQuery} fileName="service-records.xlsx" />}
      filters={<LedgerFilters list={list} several={seesSeveralCommunities(me)} />}
      activeFilters={FILTERS.filter((k) => list.filters[k]).length}
    >
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
        {t('ledger.subtitle')}
      </Typography.Paragraph>
      <PagedTable<ServiceRecordView>
        result={result}
        list={list}
        columns={columns}
        testId="ledger-table"
        rowTestId="ledger-row"
        scroll={{ x: 1100 }}
        onOpen={(r) => {
          if (manage && !r.voidedAt) setOpen(r);
        }}
      />
      <RecordModal record={open} onClose={() => setOpen(null)} />
    </ListPage>
  );
}
