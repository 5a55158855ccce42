import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { addStrings, useI18n } from '../../../i18n';
import { Card, Spinner } from '../../../mobile/parts';
import { countyMinute, useMySignups, useOpenActivities } from './api';
import volunteerPhoneStrings from './i18n';
import { ActivityItem } from './parts';

// The phone app's start-up strings leave out the volunteer pages' (most residents never open them): they come here.
addStrings(volunteerPhoneStrings);

function OpenList() {
  const { t } = useI18n();
  const open = useOpenActivities();
  if (open.isLoading)
    return (
      <Card title={t('volunteerPhone.openTitle')}>
        <Spinner />
      </Card>
    );
  if (!open.data) return <div className="m-card m-error">{errorMessage(open.error)}</div>;
  const o = open.data;
  return (
    <Card title={t('volunteerPhone.openTitle')} testId="v-open">
      {o.volunteerId === null && (
        <p className="m-note" data-testid="v-not-registered">
          {t('volunteerPhone.notRegistered')} <Link to="/volunteer">{t('volunteerPhone.goRegister')}</Link>
        </p>
      )}
      {o.blockedUntil && (
        <p className="m-note" data-testid="v-blocked">
          {t('volunteerPhone.blocked', { until: countyMinute(o.blockedUntil) })}
        </p>
      )}
      {o.items.length === 0 ? (
        <p className="m-muted">{t('volunteerPhone.noOpen')}</p>
      ) : (
        o.items.map((a) => (
          <ActivityItem
            key={a.id}
            a={a}
            mine={a.mine}
            signupOpen={a.signupOpen && o.volunteerId !== null && !o.blockedUntil}
            roles
          />
        ))
      )}
    </Card>
  );
}

function MyList() {
  const { t } = useI18n();
  const mine = useMySignups();
  const [tab, setTab] = useState<'upcoming' | 'past'>('upcoming');
  const items = mine.data?.[tab] ?? [];
  return (
    <Card
      title={t('volunteerPhone.mineTitle')}
      testId="v-mine"
      extra={
        <div className="m-row">
          {(['upcoming', 'past'] as const).map((k) => (
            <button
              key={k}
              type="button"
              className={`m-chip ${tab === k ? 'm-chip-work' : 'm-chip-off'}`}
              aria-pressed={tab === k}
              onClick={() => setTab(k)}
              data-testid={`v-mine-${k}`}
            >
              {t(`volunteerPhone.${k}`)}
            </button>
          ))}
        </div>
      }
    >
      {mine.isLoading ? (
        <Spinner />
      ) : mine.isError ? (
        <p className="m-error">{errorMessage(mine.error)}</p>
      ) : items.length === 0 ? (
        <p className="m-muted">{t(tab === 'upcoming' ? 'volunteerPhone.noUpcoming' : 'volunteerPhone.noPast')}</p>
      ) : (
        items.map((a) => <ActivityItem key={a.id} a={a} mine={a.mine} signupOpen={false} roles={false} />)
      )}
    </Card>
  );
}

/** 志愿活动 on the phone (/m/volunteer/activities): activities open for sign-up with their roles, then my sign-ups. */
export default function MVolunteerActivitiesPage() {
  return (
    <div className="m-page" data-testid="v-activities">
      <OpenList />
      <MyList />
    </div>
  );
}
