import type { Dayjs } from 'dayjs';
import type { CreateVolunteerActivity, UpdateVolunteerActivity, VolunteerActivityDetail } from '../api';
import { instantOf, wallClock } from '../time';

/**
 * The activity form's values and their mapping to and from the request (county wall clock, UTC+8). The geofence:
 * empty → the rules' default (when a map point is given), 0 → none, else the radius in metres.
 */
export interface ActivityFormValues {
  communityId: string;
  teamId?: string | null;
  typeId: string;
  title: string;
  description?: string | null;
  place: string;
  lng?: number | null;
  lat?: number | null;
  geofenceMeters?: number | null;
  time: [Dayjs, Dayjs];
  signup: [Dayjs, Dayjs];
  cancelDeadlineAt: Dayjs;
  roles: { id?: string; name: string; slots: number }[];
}

export function formValuesOf(
  a: VolunteerActivityDetail | undefined,
  defaults: { communityId?: string; teamId?: string },
  now: Dayjs,
): Partial<ActivityFormValues> {
  if (a) {
    return {
      communityId: a.communityId,
      teamId: a.teamId,
      typeId: a.typeId,
      title: a.title,
      description: a.description,
      place: a.place,
      lng: a.lng,
      lat: a.lat,
      geofenceMeters: a.lng !== null && a.geofenceMeters === null ? 0 : a.geofenceMeters,
      time: [wallClock(a.startsAt), wallClock(a.endsAt)],
      signup: [wallClock(a.signupOpensAt), wallClock(a.signupClosesAt)],
      cancelDeadlineAt: wallClock(a.cancelDeadlineAt),
      roles: a.roles.map((r) => ({ id: r.id, name: r.name, slots: r.slots })),
    };
  }
  // A week ahead, 09:00–11:00; sign-up from now until the evening before; cancellation until a day before.
  const start = now.add(7, 'day').hour(9).minute(0).second(0);
  return {
    communityId: defaults.communityId,
    teamId: defaults.teamId,
    time: [start, start.hour(11)],
    signup: [now.second(0), start.subtract(1, 'day').hour(18)],
    cancelDeadlineAt: start.subtract(1, 'day').hour(12),
    roles: [{ name: '', slots: 10 }],
  };
}

function geofence(v: ActivityFormValues): number | null | undefined {
  if (v.geofenceMeters === 0) return null;
  return v.geofenceMeters ?? undefined;
}

function fields(v: ActivityFormValues) {
  const point = v.lng != null && v.lat != null;
  return {
    teamId: v.teamId ?? null,
    typeId: v.typeId,
    title: v.title,
    description: v.description?.trim() ? v.description.trim() : null,
    place: v.place,
    lng: point ? v.lng : null,
    lat: point ? v.lat : null,
    ...(point ? { geofenceMeters: geofence(v) } : { geofenceMeters: null }),
    startsAt: instantOf(v.time[0]),
    endsAt: instantOf(v.time[1]),
    signupOpensAt: instantOf(v.signup[0]),
    signupClosesAt: instantOf(v.signup[1]),
    cancelDeadlineAt: instantOf(v.cancelDeadlineAt),
  };
}

export function createInput(v: ActivityFormValues): CreateVolunteerActivity {
  return {
    communityId: v.communityId,
    ...fields(v),
    roles: v.roles.map((r) => ({ name: r.name, slots: r.slots })),
  };
}

export function updateInput(v: ActivityFormValues, version: number): UpdateVolunteerActivity {
  return {
    ...fields(v),
    roles: v.roles.map((r) => ({ ...(r.id ? { id: r.id } : {}), name: r.name, slots: r.slots })),
    version,
  };
}
