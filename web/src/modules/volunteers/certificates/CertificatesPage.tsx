import { FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { scopeOrgsOf, seesWholeCounty } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { addStrings, useI18n } from '../../../i18n';
import { formatNumber } from '../../../ui/format';
import { ListSearch } from '../../../ui/ListFilters';
import { ListPage } from '../../../ui/ListPage';
import { PagedTable } from '../../../ui/PagedTable';
import { EmptyState, LoadError } from '../../../ui/states';
import { sortOrderOf, useListParams } from '../../../ui/useListParams';
import { CERTIFICATE_STATES } from '../api';
import {
  certificatePdfUrl,
  type PublicCertificate,
  useCertificates,
  usePublicCertificates,
  type VolunteerCertificateView,
} from '../hours/api';
import volunteerStrings from '../i18n';
import { CertificateStateTag } from '../parts';
import { countyDay } from '../time';
import { IssueDialog, RevokeDialog } from './CertificateDialogs';

addStrings(volunteerStrings);

const FILTERS = ['state', 'tab'] as const;

function usePeriodColumns<
  T extends { periodFrom: string; periodTo: string; hours: number; activities: number },
>(): ColumnsType<T> {
  const { t } = useI18n();
  return [
    {
      key: 'period',
      title: t('volunteers.certificates.period'),
      render: (_, c) => (
        <>
          <div>{c.periodFrom}</div>
          <Typography.Text type="secondary">{c.periodTo}</Typography.Text>
        </>
      ),
    },
    {
      key: 'hours',
      title: t('volunteers.hours.hours'),
      align: 'right',
      render: (_, c) => t('volunteers.hoursN', { n: formatNumber(c.hours) }),
    },
    {
      key: 'activities',
      title: t('volunteers.certificates.activities'),
      align: 'right',
      responsive: ['md'],
      render: (_, c) => formatNumber(c.activities),
    },
  ];
}

function useColumns(
  sort: string | undefined,
  onRevoke: (c: VolunteerCertificateView) => void,
  mayRevoke: (c: VolunteerCertificateView) => boolean,
) {
  const { t } = useI18n();
  const period = usePeriodColumns<VolunteerCertificateView>();
  const columns: ColumnsType<VolunteerCertificateView> = [
    {
      key: 'serial',
      title: t('volunteers.certificates.serial'),
      sorter: true,
      sortOrder: sortOrderOf(sort, 'serial'),
      render: (_, c) => c.serial,
    },
    {
      key: 'volunteer',
      title: t('volunteers.volunteer'),
      render: (_, c) => (
        <>
          <div>{c.volunteerName}</div>
          {c.idNumber && <Typography.Text type="secondary">{c.idNumber}</Typography.Text>}
        </>
      ),
    },
    ...period,
    { key: 'issuer', title: t('volunteers.certificates.issuer'), responsive: ['lg'], render: (_, c) => c.issuerName },
    {
      key: 'issuedAt',
      title: t('volunteers.certificates.issuedAt'),
      sorter: true,
      sortOrder: sortOrderOf(sort ?? '-issuedAt', 'issuedAt'),
      render: (_, c) => countyDay(c.issuedAt),
    },
    {
      key: 'state',
      title: t('volunteers.state'),
      render: (_, c) => (
        <>
          <CertificateStateTag state={c.state} />
          {c.state === 'publicising' && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('volunteers.certificates.publicUntil')} {countyDay(c.publicUntil)}
              </Typography.Text>
            </div>
          )}
          {c.revokeReason && (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12, display: 'block', maxWidth: 180 }}
              ellipsis={{ tooltip: c.revokeReason }}
            >
              {t('volunteers.certificates.revokedReason', { reason: c.revokeReason })}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, c) => (
        <Space size={4}>
          <Button
            size="small"
            type="link"
            icon={<FilePdfOutlined />}
            href={certificatePdfUrl(c.id)}
            target="_blank"
            rel="noopener"
            onClick={(e) => e.stopPropagation()}
          >
            {t('volunteers.certificates.pdf')}
          </Button>
          {mayRevoke(c) && c.state !== 'revoked' && (
            <Button
              size="small"
              type="link"
              danger
              onClick={(e) => {
                e.stopPropagation();
                onRevoke(c);
              }}
              data-testid={`vc-revoke-${c.id}`}
            >
              {t('volunteers.certificates.revoke')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return columns;
}

/** The certificates in 公示 now, as anyone taking part sees them. */
function PublicList() {
  const { t } = useI18n();
  const q = usePublicCertificates();
  const period = usePeriodColumns<PublicCertificate>();
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Table<PublicCertificate>
      rowKey="id"
      size="middle"
      loading={q.isLoading}
      dataSource={q.data?.items ?? []}
      locale={{ emptyText: <EmptyState description={t('volunteers.certificates.noPublic')} /> }}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="vc-public"
      columns={[
        { key: 'serial', title: t('volunteers.certificates.serial'), render: (_, c) => c.serial },
        { key: 'volunteer', title: t('volunteers.volunteer'), render: (_, c) => c.volunteerName },
        ...period,
        {
          key: 'issuer',
          title: t('volunteers.certificates.issuer'),
          responsive: ['lg'],
          render: (_, c) => c.issuerName,
        },
        { key: 'until', title: t('volunteers.certificates.publicUntil'), render: (_, c) => countyDay(c.publicUntil) },
      ]}
    />
  );
}

/** 服务证明: the certificates of the caller's scope (issue, PDF, revoke) and the 公示 list. */
export default function VolunteerCertificatesPage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const list = useListParams(FILTERS);
  const { tab: _tab, ...query } = list.query;
  const rows = useCertificates(query);
  const certify = can('volunteers.certify');
  const [issuing, setIssuing] = useState(false);
  const [revoking, setRevoking] = useState<VolunteerCertificateView | null>(null);
  // The issuer's community (or the county) revokes; the server decides again.
  const mayRevoke = (c: VolunteerCertificateView) =>
    certify && (seesWholeCounty(me) || scopeOrgsOf(me, 'community_admin').includes(c.issuerOrgId));
  const columns = useColumns(list.sort, setRevoking, mayRevoke);
  const tab = list.filters.tab ?? 'list';
  return (
    <ListPage
      title={t('volunteers.certificates.title')}
      activeFilters={list.filters.state ? 1 : 0}
      actions={
        certify && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)} data-testid="vc-issue">
            {t('volunteers.certificates.issue')}
          </Button>
        )
      }
      filters={
        tab === 'list' && (
          <>
            <ListSearch list={list} placeholder={t('volunteers.certificates.search')} />
            <Select
              allowClear
              placeholder={t('volunteers.allStates')}
              value={list.filters.state}
              onChange={(v) => list.setFilter('state', v)}
              options={CERTIFICATE_STATES.map((s) => ({ value: s, label: t(`volunteers.certStates.${s}`) }))}
            />
          </>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => list.setFilter('tab', k === 'list' ? undefined : k)}
        items={[
          {
            key: 'list',
            label: t('volunteers.certificates.tabList'),
            children: (
              <PagedTable<VolunteerCertificateView>
                result={rows}
                list={list}
                testId="volunteer-certificates-table"
                rowTestId="vc-row"
                className="plain-rows"
                onOpen={() => undefined}
                columns={columns}
                scroll={{ x: 'max-content' }}
              />
            ),
          },
          { key: 'public', label: t('volunteers.certificates.tabPublic'), children: <PublicList /> },
        ]}
      />
      {issuing && <IssueDialog onClose={() => setIssuing(false)} />}
      {revoking && <RevokeDialog cert={revoking} onClose={() => setRevoking(null)} />}
    </ListPage>
  );
}
