import { Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { formatNumber } from '../../../ui/format';
import type { MeetingView } from './api';
import { MeetingStatusTag } from './MeetingTags';

/** A community's row of the year's grid: its meeting in each quarter, if there is one. */
export interface Row {
  communityId: string;
  communityName: string;
  byQuarter: Record<number, MeetingView | undefined>;
}

export const QUARTERS = [1, 2, 3, 4] as const;

export function rowsOf(items: MeetingView[]): Row[] {
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
export function MeetingCell({ m }: { m: MeetingView | undefined }) {
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
