import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import type { NotificationView } from '../api/contracts';
import { useI18n } from '../i18n';
import { useCaseList } from '../modules/cases/api';
import { useCategoryLabel } from '../modules/cases/labels';
import { formatShortDateTime } from '../ui/format';
import { useUnreadCount } from './MLayout';
import { Card, Spinner, StatusChip } from './parts';

/** A notification link inside this app (/m/cases/…) without the /m; staff links stay as they are. */
export function phoneLink(link: string | null): string | null {
  if (!link) return null;
  if (link.startsWith('/m/')) return link.slice(2);
  const m = /^\/cases\/([\w-]+)$/.exec(link);
  return m ? `/cases/${m[1]}` : null;
}

/** 我的事项: what I reported, newest first, with unread messages on top. */
export default function MyCasesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const cases = useCaseList({ mine: 'true', pageSize: 50, sort: '-reportedAt' });
  const unread = useUnreadCount();
  const categoryLabel = useCategoryLabel();
  const messages = unread.data?.items ?? [];

  const openMessage = async (n: NotificationView) => {
    try {
      await api.post('/notifications/read', { ids: [n.id] });
    } finally {
      void qc.invalidateQueries({ queryKey: ['notifications'] });
    }
    const to = phoneLink(n.link);
    if (to) navigate(to);
  };

  return (
    <div className="m-page" data-testid="m-my-cases">
      {messages.length > 0 && (
        <Card title={t('mobile.messages')} testId="m-messages">
          {messages.map((n) => (
            <button key={n.id} type="button" className="m-message" onClick={() => void openMessage(n)}>
              <span className="m-dot" />
              <span>{n.title}</span>
            </button>
          ))}
        </Card>
      )}
      {cases.isLoading ? (
        <Spinner />
      ) : cases.isError ? (
        <div className="m-card m-error">{cases.error.message}</div>
      ) : (cases.data?.items.length ?? 0) === 0 ? (
        <div className="m-card m-empty">
          <p>{t('mobile.noCases')}</p>
          <Link className="m-btn m-btn-primary" to="/report">
            {t('mobile.reportFirst')}
          </Link>
        </div>
      ) : (
        cases.data?.items.map((c) => (
          <Link key={c.id} to={`/cases/${c.id}`} className="m-card m-case" data-testid={`m-case-${c.id}`}>
            <div className="m-case-top">
              <span className="mono m-muted">{c.number}</span>
              <StatusChip status={c.status} />
            </div>
            <div className="m-case-title">{c.title}</div>
            <div className="m-muted">
              {categoryLabel(c.categoryCode, c.categoryName)} · {formatShortDateTime(c.reportedAt)}
            </div>
          </Link>
        ))
      )}
    </div>
  );
}
