import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../../api/client';
import { addStrings, useI18n } from '../../../i18n';
import { Card, Spinner } from '../../../mobile/parts';
import { countyMinute, useActivity, useMySignups, useOpenActivities } from './api';
import volunteerPhoneStrings from './i18n';
import { ActivityMeta, CancelSignup, heldPlace, MineChip, RoleList, WindowNote } from './parts';

// The phone app's start-up strings leave out the volunteer pages' (most residents never open them): they come here.
addStrings(volunteerPhoneStrings);

/** One activity (/m/volunteer/activities/:id): what, when, where, its roles, and my place with sign-up or cancel. */
export default function MVolunteerActivityPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const activity = useActivity(id);
  const open = useOpenActivities();
  const mine = useMySignups();
  if (activity.isLoading || open.isLoading || mine.isLoading) return <Spinner full />;
  const a = activity.data;
  if (!a)
    return (
      <div className="m-page">
        <div className="m-card m-empty" data-testid="v-activity-missing">
          <p className={activity.error instanceof ApiError && activity.error.status === 404 ? undefined : 'm-error'}>
            {activity.error instanceof ApiError && activity.error.status === 404
              ? t('volunteerPhone.notFound')
              : errorMessage(activity.error)}
          </p>
          <Link className="m-btn" to="/volunteer/activities">
            {t('volunteerPhone.back')}
          </Link>
        </div>
      </div>
    );
  const listed = open.data?.items.find((x) => x.id === id);
  const myRow = [...(mine.data?.upcoming ?? []), ...(mine.data?.past ?? [])].find((x) => x.id === id);
  const my = heldPlace(listed?.mine ?? myRow?.mine);
  const signupOpen =
    !!listed?.signupOpen && open.data?.volunteerId !== null && !open.data?.blockedUntil && a.state !== 'cancelled';
  const live = my && (my.state === 'signed_up' || my.state === 'waitlisted');
  return (
    <div className="m-page" data-testid="v-activity-page">
      <Link to="/volunteer/activities" className="m-link m-back">
        ‹ {t('volunteerPhone.back')}
      </Link>
      <section className="m-card m-case">
        <h1 className="m-case-title" style={{ margin: 0, fontSize: 19 }} data-testid="v-activity-title">
          {a.title}
        </h1>
        <ActivityMeta a={a} />
        {a.geofenceMeters !== null && a.lng !== null && (
          <div className="m-muted">{t('volunteerPhone.geofence', { m: a.geofenceMeters })}</div>
        )}
        {my && (
          <div className="m-line" style={{ marginTop: 6 }}>
            <MineChip mine={my} />
            {my.checkedInAt && <span>{t('volunteerPhone.checkedInAt', { time: countyMinute(my.checkedInAt) })}</span>}
            {my.minutes !== null && <strong>{t('volunteerPhone.minutes', { n: my.minutes })}</strong>}
            {my.penaltyMinutes > 0 && (
              <span className="m-chip m-chip-warn">{t('volunteerPhone.penaltyShort', { n: my.penaltyMinutes })}</span>
            )}
          </div>
        )}
        <WindowNote a={a} mine={my} signupOpen={signupOpen} />
        {live && my && a.state !== 'cancelled' && (
          <div style={{ marginTop: 6 }}>
            <CancelSignup title={a.title} mine={my} />
          </div>
        )}
      </section>
      <Card title={t('volunteerPhone.roles')} testId="v-activity-roles">
        <RoleList a={a} mine={my} signupOpen={signupOpen} />
      </Card>
      {a.description && (
        <Card title={t('volunteerPhone.description')}>
          <p className="m-desc">{a.description}</p>
        </Card>
      )}
    </div>
  );
}
