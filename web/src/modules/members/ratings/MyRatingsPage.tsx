import { useState } from 'react';
import { addStrings, useI18n } from '../../../i18n';
import { Card, Spinner } from '../../../mobile/parts';
import { useToast } from '../../../mobile/Toast';
import { type RatingView, useAppeal, useMyRatings } from './api';
import ratingsStrings from './i18n';
import { hoursOf } from './labels';

// The phone app's start-up strings leave out the member pages' (a resident never opens them): they come here.
addStrings(ratingsStrings);

function AppealForm({ rating }: { rating: RatingView }) {
  const { t } = useI18n();
  const appeal = useAppeal();
  const toast = useToast();
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" className="m-btn" onClick={() => setOpen(true)}>
        {t('ratings.appeal')}
      </button>
    );
  const submit = async () => {
    try {
      await appeal.mutateAsync({ id: rating.id, reason });
      toast.show(t('ratings.appealSent'));
    } catch (err) {
      toast.show(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div className="m-field">
      <textarea
        className="m-textarea"
        value={reason}
        placeholder={t('ratings.appealPlaceholder')}
        maxLength={1000}
        onChange={(e) => setReason(e.target.value)}
      />
      <small>{t('ratings.appealOnce')}</small>
      <button
        type="button"
        className="m-btn m-btn-primary"
        disabled={reason.trim().length < 5 || appeal.isPending}
        onClick={() => void submit()}
      >
        {t('ratings.appealSubmit')}
      </button>
    </div>
  );
}

/** 我的评定 on the phone: the member's confirmed quarterly ratings, latest first, each appealable once. */
export default function MyRatingsPage() {
  const { t } = useI18n();
  const mine = useMyRatings();
  if (mine.isLoading) return <Spinner full />;
  if (mine.isError)
    return (
      <div className="m-page">
        <div className="m-card m-error">{mine.error.message}</div>
      </div>
    );
  const items = mine.data?.items ?? [];
  return (
    <div className="m-page" data-testid="m-my-ratings">
      {items.length === 0 && <div className="m-card m-empty">{t('ratings.mineEmpty')}</div>}
      {items.map((r) => (
        <Card key={r.id} title={t('ratings.quarterLabel', { year: r.year, quarter: r.quarter })}>
          <p>
            <strong>{r.grade ? t(`ratings.grades.${r.grade}`) : ''}</strong> · {t('ratings.points')} {r.points} ·{' '}
            {t('ratings.quarterHours')} {t('ratings.hours', { h: hoursOf(r.minutes) })}
          </p>
          <p>
            {t('ratings.yearHours')} {t('ratings.hours', { h: hoursOf(r.yearMinutes) })} · {t('ratings.noShows')}{' '}
            {r.noShows} · {r.reported ? t('ratings.reportedYes') : t('ratings.reportedNo')}
          </p>
          {r.appealState ? (
            <p>
              {t('ratings.appealState')}: {t(`ratings.appeals.${r.appealState}`)}
              {r.appealAnswer && (
                <>
                  <br />
                  {t('ratings.communityAnswer', { text: r.appealAnswer })}
                </>
              )}
            </p>
          ) : (
            <AppealForm rating={r} />
          )}
        </Card>
      ))}
    </div>
  );
}
