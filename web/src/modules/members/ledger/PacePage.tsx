import { App, Button, Card, Checkbox, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { seesSeveralCommunities } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { ExportButton } from '../../../ui/ExportButton';
import { useFeedback } from '../../../ui/feedback';
import { ListSearch } from '../../../ui/ListFilters';
import { ListPage } from '../../../ui/ListPage';
import { LoadError } from '../../../ui/states';
import { type ListParams, sortOrderOf, useListParams } from '../../../ui/useListParams';
import { OrgSelect } from '../../org/OrgSelect';
import { type AtRiskList, hoursOf, PACE_EXPORT_PATH, useAtRisk, useRemind } from './api';

const FILTERS = ['communityId', 'unitId', 'all'] as const;
type PaceList = ListParams<(typeof FILTERS)[number]>;
type PaceRow = AtRiskList['items'][number];

function useColumns(list: PaceList): ColumnsType<PaceRow> {
  const { t } = useI18n();
  const sorted = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(list.sort ?? '-shortfall', key) });
  return [
    { ...sorted('memberName'), title: t('ledger.member'), width: 100, dataIndex: 'memberName', fixed: 'left' },
    { title: t('ledger.unit'), width: 170, render: (_, r) => r.unitName ?? '—' },
    { title: t('ledger.residence'), width: 110, render: (_, r) => r.communityName ?? '—' },
    {
      ...sorted('minutes'),
      title: t('ledger.served'),
      width: 120,
      align: 'right',
      render: (_, r) => hoursOf(r.minutes),
    },
    { title: t('ledger.expected'), width: 130, align: 'right', render: (_, r) => hoursOf(r.expectedMinutes) },
    {
      ...sorted('shortfall'),
      title: t('ledger.shortfall'),
      width: 110,
      align: 'right',
      render: (_, r) =>
        r.atRisk ? <Typography.Text type="danger">{hoursOf(r.shortfallMinutes)}</Typography.Text> : '0.0',
    },
    { title: t('ledger.lastYear'), width: 120, align: 'right', render: (_, r) => hoursOf(r.lastYearMinutes) },
    {
      ...sorted('lastYearShortfall'),
      title: t('ledger.lastYearShortfall'),
      width: 130,
      align: 'right',
      render: (_, r) => hoursOf(r.lastYearShortfallMinutes),
    },
    {
      title: t('ledger.reminded'),
      width: 110,
      render: (_, r) => (r.remindedThisMonth ? <Tag color="blue">{t('ledger.yes')}</Tag> : ''),
    },
  ];
}

function Summary({ data }: { data: AtRiskList }) {
  const { t } = useI18n();
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Row gutter={[16, 8]}>
        <Col xs={12} md={6}>
          <Statistic title={t('ledger.members')} value={data.members} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('ledger.atRisk')} value={data.atRisk} valueStyle={{ color: '#c8161d' }} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('ledger.missedLastYear')} value={data.missedLastYear} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('ledger.expected')} value={hoursOf(data.expectedMinutes)} />
        </Col>
      </Row>
      <Typography.Text type="secondary">
        {t('ledger.expectedNow', { hours: hoursOf(data.expectedMinutes), required: hoursOf(data.requiredMinutes) })}
      </Typography.Text>
    </Card>
  );
}

function useRemindAction(list: PaceList, atRisk: number) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const remind = useRemind();
  const onRemind = () =>
    modal.confirm({
      title: t('ledger.remindTitle'),
      content: t('ledger.remindBody', { n: atRisk }),
      okText: t('ledger.remind'),
      cancelText: t('ledger.cancel'),
      onOk: async () => {
        try {
          const { communityId, unitId } = list.filters;
          const r = await remind.mutateAsync({ communityId, unitId });
          feedback.success(
            t('ledger.remindDone', { reminded: r.reminded, already: r.alreadyReminded, noLogin: r.noLogin }),
          );
        } catch (err) {
          feedback.error(err);
        }
      },
    });
  return { onRemind, reminding: remind.isPending };
}

function PaceFilters({ list, several }: { list: PaceList; several: boolean }) {
  const { t } = useI18n();
  const f = list.filters;
  return (
    <>
      <ListSearch list={list} placeholder={t('ledger.member')} width={160} />
      {several && (
        <OrgSelect
          kind="community"
          value={f.communityId}
          placeholder={t('ledger.residence')}
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
        checked={f.all === 'true'}
        onChange={(e) => list.setFilter('all', e.target.checked ? 'true' : undefined)}
      >
        {t('ledger.showAll')}
      </Checkbox>
    </>
  );
}

/** 20小时进度/预警: members behind the pace of the yearly hours, with last year's outcome; reminders and export. */
export default function PacePage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const list = useListParams(FILTERS);
  const result = useAtRisk(list.query);
  const columns = useColumns(list);
  const data = result.data;
  const { onRemind, reminding } = useRemindAction(list, data?.atRisk ?? 0);
  const { page: _p, pageSize: _s, ...exportQuery } = list.query;
  return (
    <ListPage
      title={t('ledger.paceTitle')}
      plain
      actions={
        <Space wrap>
          <ExportButton path={PACE_EXPORT_PATH} query={exportQuery} fileName="service-pace.xlsx" />
          {can('memberservice.manage') && (
            <Button
              type="primary"
              onClick={onRemind}
              loading={reminding}
              disabled={!data?.atRisk}
              data-testid="pace-remind"
            >
              {t('ledger.remind')}
            </Button>
          )}
        </Space>
      }
      filters={<PaceFilters list={list} several={seesSeveralCommunities(me)} />}
      activeFilters={FILTERS.filter((k) => list.filters[k]).length}
    >
      {result.isError ? (
        <LoadError error={result.error} />
      ) : (
        <>
          {data && <Summary data={data} />}
          <Card size="small">
            <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
              {t('ledger.paceSubtitle', { hours: data ? hoursOf(data.requiredMinutes) : '20' })}
            </Typography.Paragraph>
            <Table<PaceRow>
              rowKey="memberId"
              size="small"
              data-testid="pace-table"
              loading={result.isFetching}
              columns={columns}
              dataSource={data?.items ?? []}
              scroll={{ x: 1100 }}
              onChange={(p, _f, s) => {
                const sorter = Array.isArray(s) ? s[0] : s;
                const key = sorter?.order ? String(sorter.columnKey) : undefined;
                list.setSort(key ? (sorter.order === 'descend' ? `-${key}` : key) : undefined);
                if (p.current && p.pageSize) list.setPage(p.current, p.pageSize);
              }}
              pagination={{
                current: list.page,
                pageSize: list.pageSize,
                total: data?.total ?? 0,
                showSizeChanger: true,
              }}
            />
          </Card>
        </>
      )}
    </ListPage>
  );
}
