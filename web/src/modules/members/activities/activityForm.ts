import type { Dayjs } from 'dayjs';
import { countyInstant } from '../../../ui/format';
import type { ActivityInput, PostActivityDetail } from './api';

/** The activity form's values and their mapping to and from the request (county time, UTC+8). */
export interface ActivityFormValues {
  communityId: string;
  postTypeId: string;
  openingId?: string | null;
  gridId?: string | null;
  title: string;
  place: string;
  date: Dayjs;
  time: [Dayjs, Dayjs];
  capacity: number;
}

/** A county wall-clock time as a Dayjs whose local fields read it (for the pickers). */
function wallClock(iso: string, like: Dayjs): Dayjs {
  const shifted = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return like
    .year(Number(shifted.slice(0, 4)))
    .month(Number(shifted.slice(5, 7)) - 1)
    .date(Number(shifted.slice(8, 10)))
    .hour(Number(shifted.slice(11, 13)))
    .minute(Number(shifted.slice(14, 16)))
    .second(0);
}

/** The activity's values when editing; else tomorrow 09:00–11:00 for 10 people in `ownCommunity`. */
export function formValuesOf(
  a: PostActivityDetail | undefined,
  ownCommunity: string | undefined,
  now: Dayjs,
): Partial<ActivityFormValues> {
  if (a) {
    const start = wallClock(a.startsAt, now);
    return {
      communityId: a.communityId,
      postTypeId: a.postTypeId,
      openingId: a.openingId,
      gridId: a.gridId,
      title: a.title,
      place: a.place,
      date: start,
      time: [start, wallClock(a.endsAt, now)],
      capacity: a.capacity,
    };
  }
  const tomorrow = now.add(1, 'day');
  return {
    communityId: ownCommunity,
    date: tomorrow,
    time: [tomorrow.hour(9).minute(0), tomorrow.hour(11).minute(0)],
    capacity: 10,
  };
}

export function activityInput(v: ActivityFormValues): ActivityInput {
  return {
    postTypeId: v.postTypeId,
    openingId: v.openingId ?? null,
    gridId: v.gridId ?? null,
    title: v.title,
    place: v.place,
    startsAt: countyInstant(v.date, v.time[0]),
    endsAt: countyInstant(v.date, v.time[1]),
    capacity: v.capacity,
  };
}
