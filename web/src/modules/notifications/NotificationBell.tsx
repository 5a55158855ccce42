import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Dropdown, Empty, List, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { NotificationView } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { formatShortDateTime } from '../../ui/format';
import { useIsMobile } from '../../ui/useIsMobile';
import { useMarkRead, useRecentNotifications, useUnreadNotifications } from './api';

/** Links to the resident phone page live outside this app: those open with a full page load. */
export function openLink(link: string, navigate: (to: string) => void): void {
  if (link === '/m' || link.startsWith('/m/')) window.location.assign(link);
  else navigate(link);
}

/** The bell in the header: unread count, the latest messages, click to read and go; "mark all read". */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const [open, setOpen] = useState(false);
  const unread = useUnreadNotifications();
  const recent = useRecentNotifications(open);
  const mark = useMarkRead();
  const count = unread.data?.unread ?? 0;

  const choose = (n: NotificationView) => {
    setOpen(false);
    if (!n.readAt) mark.mutate([n.id]);
    if (n.link) openLink(n.link, navigate);
  };

  const panel = (
    <div className="bell-panel" data-testid="bell-panel">
      <div className="bell-head">
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button type="link" size="small" disabled={count === 0} loading={mark.isPending} onClick={() => mark.mutate(undefined)} data-testid="bell-read-all">
          {t('notifications.markAllRead')}
        </Button>
      </div>
      {recent.isLoading ? <div className="state-center" style={{ minHeight: 120 }}><Spin /></div>
        : recent.isError ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.failed')} />
          : (recent.data?.items.length ?? 0) === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
            : (
              <List<NotificationView>
                size="small" className="bell-list" dataSource={recent.data?.items ?? []}
                renderItem={(n) => (
                  <List.Item className={`bell-item${n.readAt ? '' : ' unread'}`} onClick={() => choose(n)} data-testid={`bell-item-${n.id}`}>
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

  const button = (
    <button type="button" className="bell-button" aria-label={t('notifications.title')} data-testid="bell" onClick={mobile ? () => setOpen(true) : undefined}>
      <Badge count={count} size="small" overflowCount={99} offset={[2, -2]}>
        <BellOutlined className="bell-icon" />
      </Badge>
      <span className="visually-hidden" data-testid="bell-count">{count}</span>
    </button>
  );
  // On a phone the list takes the screen; on a desktop it drops down from the bell.
  if (mobile) {
    return (
      <>
        {button}
        <Drawer open={open} onClose={() => setOpen(false)} placement="top" size="70%" closable={false} styles={{ body: { padding: 0 } }}>
          {panel}
        </Drawer>
      </>
    );
  }
  return (
    <Dropdown open={open} onOpenChange={setOpen} trigger={['click']} placement="bottomRight" popupRender={() => panel}>
      {button}
    </Dropdown>
  );
}
