import { BellOutlined } from '@ant-design/icons';
import { Badge, Drawer, Dropdown, Spin } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { NotificationView } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { useIsMobile } from '../../ui/useIsMobile';
import { useMarkRead, useUnreadNotifications } from './api';

const NotificationPanel = lazy(() => import('./NotificationPanel'));

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
  const mark = useMarkRead();
  const count = unread.data?.unread ?? 0;

  const choose = (n: NotificationView) => {
    setOpen(false);
    if (!n.readAt) mark.mutate([n.id]);
    if (n.link) openLink(n.link, navigate);
  };

  // The list is its own chunk (see NotificationPanel): a spinner while it arrives on the first open.
  const panel = (
    <Suspense
      fallback={
        <div className="bell-panel state-center" style={{ minHeight: 120 }}>
          <Spin />
        </div>
      }
    >
      <NotificationPanel open={open} unread={count} onChoose={choose} />
    </Suspense>
  );

  const button = (
    <button
      type="button"
      className="bell-button"
      aria-label={t('notifications.title')}
      data-testid="bell"
      onClick={mobile ? () => setOpen(true) : undefined}
    >
      <Badge count={count} size="small" overflowCount={99} offset={[2, -2]}>
        <BellOutlined className="bell-icon" />
      </Badge>
      <span className="visually-hidden" data-testid="bell-count">
        {count}
      </span>
    </button>
  );
  // On a phone the list takes the screen; on a desktop it drops down from the bell.
  if (mobile) {
    return (
      <>
        {button}
        <Drawer
          open={open}
          onClose={() => setOpen(false)}
          placement="top"
          size="70%"
          closable={false}
          styles={{ body: { padding: 0 } }}
        >
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
