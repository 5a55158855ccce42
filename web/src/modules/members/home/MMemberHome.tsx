import { Link } from 'react-router-dom';
import { useMeQuery } from '../../../auth/session';
import { addStrings, useI18n } from '../../../i18n';
import { Card, Spinner } from '../../../mobile/parts';
import { useMyServiceYear } from './api';
import { quarterCells, yearProgress } from './figures';
import { DutiesCard, PostCard, RatingCard, RecordsCard, RegistrationCard } from './MHomeCards';
import { Ring } from './Ring';
import memberHomeStrings from './i18n';

// The phone app's start-up strings leave out the member pages' (a resident never opens them): they come here.
addStrings(memberHomeStrings);

/** The member's own pages on the phone, each with what it is for (the home's shortcuts). */
const SHORTCUTS = [
  { key: 'certificate', to: '/certificate' },
  { key: 'duties', to: '/post-activities' },
  { key: 'needs', to: '/needs' },
  { key: 'serviceDays', to: '/service-days' },
  { key: 'ratings', to: '/ratings' },
  { key: 'report', to: '/report-duty' },
] as const;

function HoursCard() {
  const { t } = useI18n();
  const year = useMyServiceYear();
  const y = year.data;
  if (year.isLoading)
    return (
      <Card title={t('memberHome.hours')}>
        <Spinner />
      </Card>
    );
  if (!y) return <div className="m-card m-error">{year.error?.message ?? t('memberHome.loadFailed')}</div>;
  const p = yearProgress(y);
  return (
    <Card title={t('memberHome.hoursOfYear', { year: y.year })} testId="m-home-hours">
      <div className="m-ring-row">
        <Ring
          percent={p.percent}
          warn={p.atRisk}
          value={String(p.hours)}
          caption={t('memberHome.ofHours', { required: p.required })}
        />
        <div className="m-ring-side">
          {p.done ? (
            <span className="m-chip m-chip-done">{t('memberHome.yearDone')}</span>
          ) : p.atRisk ? (
            <span className="m-chip m-chip-wait" data-testid="m-home-at-risk">
              {t('memberHome.behind')}
            </span>
          ) : (
            <span className="m-chip m-chip-done">{t('memberHome.onPace')}</span>
          )}
          <span className="m-muted">{t('memberHome.expected', { hours: p.expectedHours })}</span>
          <span>
            {t('memberHome.points')} <strong className="m-figure">{y.points}</strong>
          </span>
        </div>
      </div>
      {p.atRisk && !p.done && (
        <p className="m-note">
          {t('memberHome.atRisk', { hours: p.shortfallHours })} <Link to="/post-activities">{t('memberHome.go')}</Link>
        </p>
      )}
      <div className="m-quarters" data-testid="m-home-quarters">
        {quarterCells(y).map((q) => (
          <div key={q.quarter} className={q.current ? 'm-quarter now' : 'm-quarter'}>
            <span>{t('memberHome.quarter', { q: q.quarter })}</span>
            <strong>{q.points ?? '—'}</strong>
            <small>
              {q.points === null ? t('memberHome.notBegun') : t('memberHome.hoursShort', { hours: q.hours })}
            </small>
          </div>
        ))}
      </div>
    </Card>
  );
}

function Shortcuts() {
  const { t } = useI18n();
  return (
    <nav className="m-shortcuts" aria-label={t('memberHome.title')}>
      {SHORTCUTS.map((s) => (
        <Link key={s.key} to={s.to} className="m-shortcut" data-testid={`m-home-link-${s.key}`}>
          <strong>{t(`memberHome.links.${s.key}`)}</strong>
          <span>{t(`memberHome.linkHints.${s.key}`)}</span>
        </Link>
      ))}
    </nav>
  );
}

/** 我的服务 on a Party member's phone: this year's hours against the rule, pace and points, then their pages. */
export default function MMemberHome() {
  const { t } = useI18n();
  const me = useMeQuery();
  return (
    <div className="m-page" data-testid="m-member-home">
      <div className="m-hello">
        <strong>{t('mobile.greeting', { name: me.data?.user.displayName ?? '' })}</strong>
        <span>{t('memberHome.phoneIntro')}</span>
      </div>
      <HoursCard />
      <Shortcuts />
      <RegistrationCard />
      <PostCard />
      <DutiesCard />
      <RatingCard />
      <RecordsCard />
    </div>
  );
}
