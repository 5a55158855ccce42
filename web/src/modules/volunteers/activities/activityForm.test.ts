import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { VolunteerActivityDetail } from '../api';
import { type ActivityFormValues, createInput, formValuesOf, updateInput } from './activityForm';

const values = (over: Partial<ActivityFormValues> = {}): ActivityFormValues => ({
  communityId: 'c1',
  teamId: undefined,
  typeId: 't1',
  title: '街巷巡逻',
  description: '  ',
  place: '警务室',
  time: [dayjs('2027-03-12T09:00'), dayjs('2027-03-12T11:30')],
  signup: [dayjs('2027-03-01T08:00'), dayjs('2027-03-11T18:00')],
  cancelDeadlineAt: dayjs('2027-03-11T12:00'),
  roles: [{ name: '巡逻员', slots: 10 }],
  ...over,
});

describe('the activity form and its request (county time, UTC+8)', () => {
  it('sends the wall-clock times as +08:00 instants, no team and no description when left empty', () => {
    const input = createInput(values());
    expect(input).toMatchObject({
      communityId: 'c1',
      teamId: null,
      description: null,
      startsAt: '2027-03-12T09:00:00+08:00',
      endsAt: '2027-03-12T11:30:00+08:00',
      signupOpensAt: '2027-03-01T08:00:00+08:00',
      signupClosesAt: '2027-03-11T18:00:00+08:00',
      cancelDeadlineAt: '2027-03-11T12:00:00+08:00',
      roles: [{ name: '巡逻员', slots: 10 }],
    });
  });

  it('a map point without a radius leaves the geofence to the rules; 0 means none; no point, no geofence', () => {
    const point = { lng: 117.5, lat: 27.5 };
    expect(createInput(values({ ...point, geofenceMeters: null }))).toMatchObject({
      ...point,
      geofenceMeters: undefined,
    });
    expect(createInput(values({ ...point, geofenceMeters: 0 }))).toMatchObject({ ...point, geofenceMeters: null });
    expect(createInput(values({ ...point, geofenceMeters: 200 }))).toMatchObject({ geofenceMeters: 200 });
    expect(createInput(values({ lng: 117.5, geofenceMeters: 200 }))).toMatchObject({
      lng: null,
      lat: null,
      geofenceMeters: null,
    });
  });

  it('an edit keeps the ids of the saved roles (renamed or re-sized) and adds the new ones', () => {
    const input = updateInput(
      values({
        roles: [
          { id: 'r1', name: '引导员', slots: 4 },
          { name: '摄影', slots: 1 },
        ],
      }),
      3,
    );
    expect(input.roles).toEqual([
      { id: 'r1', name: '引导员', slots: 4 },
      { name: '摄影', slots: 1 },
    ]);
    expect(input.version).toBe(3);
    expect('communityId' in input).toBe(false);
  });

  it('editing reads the saved instants back on the county clock, an activity without a radius as 0', () => {
    const saved = {
      communityId: 'c1',
      teamId: 'tm',
      typeId: 't1',
      title: 'x',
      description: null,
      place: 'p',
      lng: 117.5,
      lat: 27.5,
      geofenceMeters: null,
      startsAt: '2027-03-12T01:00:00.000Z',
      endsAt: '2027-03-12T03:30:00.000Z',
      signupOpensAt: '2027-03-01T00:00:00.000Z',
      signupClosesAt: '2027-03-11T10:00:00.000Z',
      cancelDeadlineAt: '2027-03-11T04:00:00.000Z',
      roles: [{ id: 'r1', name: '巡逻员', slots: 10, sort: 0, taken: 2, waiting: 0, free: 8 }],
    } as unknown as VolunteerActivityDetail;
    const v = formValuesOf(saved, {}, dayjs('2027-01-01T00:00'));
    expect(v.geofenceMeters).toBe(0);
    expect(v.time?.[0].format('YYYY-MM-DD HH:mm')).toBe('2027-03-12 09:00');
    expect(v.cancelDeadlineAt?.format('HH:mm')).toBe('12:00');
    expect(createInput({ ...values(), ...v } as ActivityFormValues).startsAt).toBe('2027-03-12T09:00:00+08:00');
  });
});
