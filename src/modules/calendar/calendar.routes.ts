import { requireActor } from '../../core/auth/plugin.js';
import { formatLocalIso } from '../../core/calendar.js';
import type { App } from '../../core/http/types.js';
import {
  ZCalendarYear,
  ZCalendarYearParams,
  ZReplaceCalendarYear,
  ZWorkingTimeQuery,
  ZWorkingTimeResponse,
} from './calendar.contracts.js';
import { assertCanWriteCalendar } from './calendar.policy.js';
import { computeDue, getCalendarYear, replaceCalendarYear } from './calendar.service.js';

const tags = ['calendar'];

export async function calendarRoutes(app: App): Promise<void> {
  // Registered before /calendar/:year for readability; the router prefers the static path either way.
  app.get(
    '/calendar/working-time',
    {
      schema: { tags, querystring: ZWorkingTimeQuery, response: { 200: ZWorkingTimeResponse } },
    },
    async (req) => {
      requireActor(req);
      const { start, hours, workingDays } = req.query;
      const limit = hours !== undefined ? { hours } : { workingDays: workingDays ?? 0 };
      return { due: formatLocalIso(await computeDue({ db: app.db, start: new Date(start), limit })) };
    },
  );

  app.get(
    '/calendar/:year',
    { schema: { tags, params: ZCalendarYearParams, response: { 200: ZCalendarYear } } },
    async (req) => {
      requireActor(req);
      return getCalendarYear({ db: app.db, year: req.params.year });
    },
  );

  app.put(
    '/calendar/:year',
    {
      schema: { tags, params: ZCalendarYearParams, body: ZReplaceCalendarYear, response: { 200: ZCalendarYear } },
    },
    async (req) => {
      const actor = requireActor(req);
      assertCanWriteCalendar(actor);
      return replaceCalendarYear({ db: app.db, actor, year: req.params.year, days: req.body.days });
    },
  );
}
