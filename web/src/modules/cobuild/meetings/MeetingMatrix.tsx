import { Flex, List, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { seesWholeCounty } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { formatNumber } from '../../../ui/format';
import { EmptyState, LoadError, Loading } from '../../../ui/states';
import { useIsMobile } from '../../../ui/useIsMobile';
import { OrgSelect } from '../../org/OrgSelect';
import { type MeetingStatus, type MeetingView, useMeetings } from './api';
import { MEETING_STATUS_LIST, MeetingStatusTag, useStatusLabels } from './MeetingTags';

interface Row {
  communityId: string;
  communityName: string;
  byQuarter: Record<number, MeetingView | undefined>;
}

const QUARTERS = [1, 2, 3, 4] as const;

function rowsOf(items: MeetingView[]): Row[] {
  const rows = new Map<string, Row>();
  for (const m of items) {
    const row = rows.get(m.communityId) ?? {
      communityId: m.communityId,
      communityName: m.communityName,
      byQuarter: {},
    };
    row.byQuarter[m.quarter] = m;
    rows.set(m.communityId, row);
  }
  return [...rows.values()];
}

/** One meeting in its quarter's cell: status, date, and its resolutions (done / all, overdue). */
function MeetingCell({ m }: { m: MeetingView | undefined }) {
  const { t } = useI18n();
  if (!m) return <Typography.Text type="secondary">{t('meetings.noMeeting')}</Typography.Text>;
  return (
    <Link to={`/cobuild/meetings/${m.id}`} data-testid={`meeting-cell-${m.id}`}>
      <Flex vertical gap={2}>
        <span>
          <MeetingStatusTag status={m.status} />
          <span className="mono">{m.meetingDate.slice(5)}</span>
        </span>
        {m.tasks.total > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('meetings.resolutions')} {formatNumber(m.tasks.done)}/{formatNumber(m.tasks.total)}
            {m.tasks.overdue > 0 && (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {' '}
                · {t('meetings.overdue')} {m.tasks.overdue}
              </Typography.Text>
            )}
          </Typography.Text>
        )}
      </Flex>
    </Link>
  );
}

/** The year's meetings as a community × quarter grid (a list on a phone). */
export function MeetingMatrix({ year }: { year: number }) {
  const { t } = useI18n();
  const { me } = useSession();
  const mobile = useIsMobile();
  const labels = useStatusLabels();
  const [communityId, setCommunityId] = useState<string>();
  const [status, setStatus] = useState<MeetingStatus>();
  const q = useMeetings({ year, communityId, status, pageSize: 200, sort: 'community' });
  const rows = rowsOf(q.data?.items ?? []);
  const filters = (
    <Flex gap={8} wrap style={{ marginBottom: 8 }}>
      {seesWholeCounty(me) && (
        <OrgSelect
          kind="community"
          value={communityId}
          onChange={setCommunityId}
          placeholder={t('meetings.community')}
          style={{ minWidth: 160 }}
          testId="meetings-community"
        />
      )}
      <Select<MeetingStatus>
        allowClear
        value={status}
        onChange={setStatus}
        placeholder={t('meetings.allStatuses')}
        style={{ minWidth: 120 }}
        options={MEETING_STATUS_LIST.map((s) => ({ value: s, label: labels.meeting(s) }))}
        data-testid="meetings-status"
      />
    </Flex>
  );
  if (q.isError)
    return (
      <>
        {filters}
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      </>
    );
  if (q.isPending)
    return (
      <>
        {filters}
        <Loading />
      </>
    );
  if (mobile) {
    return (
      <>
        {filters}
        <List
          dataSource={rows}
          locale={{ emptyText: <EmptyState /> }}
          data-testid="meetings-list"
          renderItem={(r) => (
            <List.Item>
              <Flex vertical gap={6} style={{ width: '100%' }}>
                <Typography.Text strong>{r.communityName}</Typography.Text>
                {QUARTERS.map((qq) => (
                  <Flex key={qq} gap={8} align="start">
                    <Typography.Text type="secondary" style={{ width: 28 }}>
                      {t('meetings.quarterShort', { quarter: qq })}
                    </Typography.Text>
                    <MeetingCell m={r.byQuarter[qq]} />
                  </Flex>
                ))}
              </Flex>
            </List.Item>
          )}
        />
      </>
    );
  }
  return (
    <>
      {filters}
      <Table<Row>
        rowKey="communityId"
        size="small"
        dataSource={rows}
        pagination={false}
        loading={q.isFetching}
        data-testid="meetings-matrix"
        locale={{ emptyText: <EmptyState /> }}
        columns={[
          {
            key: 'community',
            title: t('meetings.community'),
            width: 140,
            render: (_, r) => <Typography.Text strong>{r.communityName}</Typography.Text>,
          },
          ...QUARTERS.map((qq) => ({
            key: `q${qq}`,
            title: t('meetings.quarterN', { quarter: qq }),
            render: (_: unknown, r: Row) => <MeetingCell m={r.byQuarter[qq]} />,
          })),
        ]}
      />
    </>
  );
}
