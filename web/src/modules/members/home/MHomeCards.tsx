import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { Card, Spinner } from '../../../mobile/parts';
import { formatDate } from '../../../ui/format';
import { countyDay, timeRange } from '../activities/api';
import { useMyActivities, useMyPosts, useMyRatings, useMyRecentRecords, useMyReports } from './api';
import { confirmedPosts, latestGraded, nextDuties } from './figures';

/** The phone home's cards below the hours: each loads on its own and says so while loading, failing or empty. */

function QueryCard({
  title,
  testId,
  more,
  loading,
  error,
  emptyText,
  children,
}: {
  title: string;
  testId: string;
  more?: string;
  loading: boolean;
  error: Error | null;
  /** Shown instead of the children when set (the list is empty). */
  emptyText?: string | false;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card
      title={title}
      testId={testId}
      extra={
        more && (
          <Link className="m-link" to={more}>
            {t('memberHome.more')}
          </Link>
        )
      }
    >
      {loading ? (
        <Spinner />
      ) : error ? (
        <p className="m-error">{error.message}</p>
      ) : emptyText ? (
        <p className="m-muted">{emptyText}</p>
      ) : (
        children
      )}
    </Card>
  );
}

export function RegistrationCard() {
  const { t } = useI18n();
  const q = useMyReports();
  const r = q.data;
  const pending = r?.items.some((i) => i.state === 'pending') ?? false;
  return (
    <QueryCard
      title={t('memberHome.registration')}
      testId="m-home-registration"
      more="/certificate"
      loading={q.isLoading}
      error={q.error}
    >
      {r && (
        <div className="m-line">
          <span className={r.reported ? 'm-chip m-chip-done' : 'm-chip m-chip-warn'}>
            {r.reported ? t('memberHome.reported') : t('memberHome.notReported')}
          </span>
          {pending && <span className="m-chip m-chip-work">{t('memberHome.pendingShort')}</span>}
          {r.communityName && <span>{r.communityName}</span>}
          {r.renewBy && <span className="m-muted">{t('memberHome.renewBy', { date: formatDate(r.renewBy) })}</span>}
          {!r.reported && !pending && (
            <Link className="m-btn m-btn-primary m-btn-block" to="/report-duty">
              {t('memberHome.applyNow')}
            </Link>
          )}
        </div>
      )}
    </QueryCard>
  );
}

export function PostCard() {
  const { t, language } = useI18n();
  const q = useMyPosts();
  const posts = confirmedPosts(q.data?.items);
  return (
    <QueryCard
      title={t('memberHome.post')}
      testId="m-home-post"
      loading={q.isLoading}
      error={q.error}
      emptyText={posts.length === 0 && t('memberHome.noPost')}
    >
      {posts.map((p) => (
        <div key={p.id} className="m-item">
          <strong>{language === 'en' ? p.postTypeNameEn : p.postTypeName}</strong>
          <div className="m-muted">
            {p.openingTitle} · {p.communityName}
            {p.gridName ? ` · ${p.gridName}` : ''}
          </div>
        </div>
      ))}
    </QueryCard>
  );
}

export function DutiesCard() {
  const { t } = useI18n();
  const q = useMyActivities();
  const duties = nextDuties(q.data?.items, 3);
  return (
    <QueryCard
      title={t('memberHome.nextDuties')}
      testId="m-home-duties"
      more="/post-activities"
      loading={q.isLoading}
      error={q.error}
      emptyText={duties.length === 0 && t('memberHome.noNextDuties')}
    >
      {duties.map((a) => (
        <div key={a.id} className="m-item" data-testid="m-home-duty">
          <div className="m-case-top">
            <strong>{a.title}</strong>
            <span className={a.mySignup?.checkedInAt ? 'm-chip m-chip-done' : 'm-chip m-chip-work'}>
              {a.mySignup?.checkedInAt ? t('memberHome.checkedIn') : t('memberHome.signedUp')}
            </span>
          </div>
          <div className="m-muted">
            {countyDay(a.startsAt)} {timeRange(a)} · {a.place}
          </div>
        </div>
      ))}
    </QueryCard>
  );
}

export function RatingCard() {
  const { t } = useI18n();
  const q = useMyRatings();
  const latest = latestGraded(q.data?.items);
  return (
    <QueryCard
      title={t('memberHome.rating')}
      testId="m-home-rating"
      more="/ratings"
      loading={q.isLoading}
      error={q.error}
      emptyText={!latest?.grade && t('memberHome.noRating')}
    >
      {latest?.grade && (
        <div className="m-line">
          <span className="m-muted">
            {latest.year} {t('memberHome.quarter', { q: latest.quarter })}
          </span>
          <strong className="m-figure">{t(`memberHome.grade.${latest.grade}`)}</strong>
          {latest.appealState === 'pending' && (
            <span className="m-chip m-chip-work">{t('memberHome.appealPending')}</span>
          )}
        </div>
      )}
    </QueryCard>
  );
}

export function RecordsCard() {
  const { t } = useI18n();
  const q = useMyRecentRecords();
  const items = q.data?.items ?? [];
  return (
    <QueryCard
      title={t('memberHome.records')}
      testId="m-home-records"
      loading={q.isLoading}
      error={q.error}
      emptyText={items.length === 0 && t('memberHome.noRecords')}
    >
      {items.map((r) => (
        <div key={r.id} className="m-item m-case-top" data-testid="m-home-record">
          <span>
            <span className="m-muted">{formatDate(r.day)}</span> {r.title}
          </span>
          <span className="m-chip m-chip-off">
            {t('memberHome.minutes', { h: Math.floor(r.minutes / 60), m: r.minutes % 60 })}
          </span>
        </div>
      ))}
    </QueryCard>
  );
}
