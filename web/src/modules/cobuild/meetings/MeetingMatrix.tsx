import { Flex, List, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { seesWholeCounty } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { EmptyState, LoadError, Loading } from '../../../ui/states';
import { useIsMobile } from '../../../ui/useIsMobile';
import { OrgSelect } from '../../org/OrgSelect';
import { type MeetingStatus, useMeetings } from './api';
import { MeetingCell, QUARTERS, type Row, rowsOf } from './MeetingCell';
import { MEETING_STATUS_LIST, useStatusLabels } from './MeetingTags';

/** On a phone: one item per community, its four quarters one under the other. */
function MeetingList({ rows }: { rows: Row[] }) {
  const { t } = useI18n();
  return (
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
  if (q.isError || q.isPending)
    return (
      <>
        {filters}
        {q.isError ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : <Loading />}
      </>
    );
  if (mobile) {
    return (
      <>
        {filters}
        <MeetingList rows={rows} />
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
