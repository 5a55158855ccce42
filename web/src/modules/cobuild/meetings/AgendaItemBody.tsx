import { Flex, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import type { AgendaItemView } from './api';
import { AgendaSourceTag, TaskStatusTag } from './MeetingTags';

/** An open need's detail is its priority ("P4"); the others' (owner · deadline, case number, progress · end) read as they are. */
function useDetail() {
  const { t } = useI18n();
  return (item: AgendaItemView) => {
    const p = item.source === 'open_need' ? /^P(\d)$/.exec(item.detail ?? '') : null;
    return p ? t('meetings.needPriority', { priority: p[1] }) : item.detail;
  };
}

/** One agenda item: where it came from, its title, detail, the follow-up task's status (now and at the meeting), progress. */
export function AgendaItemBody({ item }: { item: AgendaItemView }) {
  const { t } = useI18n();
  const detailOf = useDetail();
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <span>
        <AgendaSourceTag source={item.source} />
        {item.title}
      </span>
      {(item.detail || item.taskStatus) && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {detailOf(item)}
          {item.taskStatus && (
            <>
              {' '}
              · <TaskStatusTag status={item.taskStatus} />
            </>
          )}
          {item.taskStatusAtMeeting && (
            <>
              {t('meetings.statusAtMeeting')}：<TaskStatusTag status={item.taskStatusAtMeeting} />
            </>
          )}
        </Typography.Text>
      )}
      {item.progressNote && (
        <Typography.Text style={{ fontSize: 13 }}>
          {t('meetings.progress')}：{item.progressNote}
        </Typography.Text>
      )}
    </Flex>
  );
}
