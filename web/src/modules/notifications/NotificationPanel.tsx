import { Button, Empty, List, Spin, Typography } from 'antd';
import type { NotificationView } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { formatShortDateTime } from '../../ui/format';
import { useMarkRead, useRecentNotifications } from './api';

/**
 * The bell's list of recent messages. A chunk of its own, loaded when the bell is first opened: antd's List brings
 * Pagination and Select with it, which the header of every page would otherwise download.
 */
interface Props {
  open: boolean;
  unread: number;
  onChoose: (n: NotificationView) => void;
}

export default function NotificationPanel({ open, unread, onChoose }: Props) {
  const { t } = useI18n();
  const recent = useRecentNotifications(open);
  const mark = useMarkRead();
  return (
    <div className="bell-panel" data-testid="bell-panel">
      <div className="bell-head">
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={mark.isPending}
          onClick={() => mark.mutate(undefined)}
          data-testid="bell-read-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      </div>
      {recent.isLoading ? (
        <div className="state-center" style={{ minHeight: 120 }}>
          <Spin />
        </div>
      ) : recent.isError ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.failed')} />
      ) : (recent.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List<NotificationView>
          size="small"
          className="bell-list"
          dataSource={recent.data?.items ?? []}
          renderItem={(n) => (
            <List.Item
              className={`bell-item${n.readAt ? '' : ' unread'}`}
              onClick={() => onChoose(n)}
              data-testid={`bell-item-${n.id}`}
            >
              <div className="bell-item-body">
                <div className="bell-item-title">{n.title}</div>
                {n.body && <div className="bell-item-text">{n.body}</div>}
                <div className="bell-item-time">{formatShortDateTime(n.createdAt)}</div>
              </div>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
