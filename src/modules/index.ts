import type { App } from '../core/http/types.js';
import { alleysRoutes } from './alleys/alleys.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { casesOpsRoutes } from './cases/cases.ops.routes.js';
import { casePhotosRoutes } from './cases/photos/photos.routes.js';
import { casesRoutes } from './cases/cases.routes.js';
import { cobuildRoutes } from './cobuild/index.js';
import { dutiesRoutes } from './duties/duties.routes.js';
import { caseStatsRoutes } from './cases/stats/stats.routes.js';
import { caseExportRoutes } from './cases/cases.export.routes.js';
import { classifierRoutes } from './cases/classifier/classifier.routes.js';
import { evaluationsRoutes } from './evaluations/evaluations.routes.js';
import { gridRoutes } from './grid/grid.routes.js';
import { healthRoutes } from './health.routes.js';
import { membersRoutes } from './people/members/members.routes.js';
import { memberServiceRoutes } from './members/index.js';
import { currentServiceRules } from './members/rules.js';
import { ledgerRoutes } from './ledger/ledger.routes.js';
import { countMembersByOrganisation } from './people/members/members.service.js';
import { pairedUnitIds } from './cobuild/pairing/pairing.queries.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { open311ClientRoutes } from './open311/open311.routes.js';
import { open311GatewayRoutes } from './open311/open311.gateway.routes.js';
import { operationsRoutes, type OperationsRoutesOptions } from './operations/operations.routes.js';
import { orgRoutes } from './org/org.routes.js';
import { peopleRoutes } from './people/people.routes.js';
import { volunteersRoutes } from './volunteers/index.js';

/**
 * Every module's routes, mounted under /api. A new module adds its folder and one line here. `backgroundJobs` and
 * `database` come from the app (src/app.ts): the jobs this server runs (src/background.jobs.ts), for the job-runs page.
 */
export async function registerModules(
  app: App,
  opts: { backgroundJobs: OperationsRoutesOptions['jobs']; database: OperationsRoutesOptions['database'] },
): Promise<void> {
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(auditRoutes);
  // Organisation views show member counts; members sit above org, so their counter is passed in here.
  await app.register(orgRoutes, { countMembers: countMembersByOrganisation });
  await app.register(gridRoutes);
  await app.register(dutiesRoutes);
  await app.register(alleysRoutes);
  await app.register(peopleRoutes);
  await app.register(membersRoutes);
  await app.register(calendarRoutes);
  // 跨社区吹哨 asks whether a unit is paired with the case's community; pairing sits above cases, so it is passed in.
  await app.register(casesRoutes, { pairedUnits: pairedUnitIds });
  await app.register(casesOpsRoutes);
  await app.register(casePhotosRoutes);
  await app.register(caseStatsRoutes);
  await app.register(caseExportRoutes);
  await app.register(classifierRoutes);
  await app.register(evaluationsRoutes);
  await app.register(notificationsRoutes);
  await app.register(cobuildRoutes);
  // The ledger's year summary needs the requirement in force: the members module's rules, passed in.
  await app.register(ledgerRoutes, {
    requiredHoursPerYear: async (db) => (await currentServiceRules(db)).requiredHoursPerYear,
  });
  await app.register(memberServiceRoutes);
  await app.register(volunteersRoutes);
  await app.register(open311ClientRoutes);
  await app.register(operationsRoutes, { jobs: opts.backgroundJobs, database: opts.database });
}

/** Gateways other systems call, outside /api: their own keys, formats and error shape (Open311: docs/OPEN311.md). */
export async function registerGateways(app: App): Promise<void> {
  await app.register(open311GatewayRoutes, { prefix: '/open311/v2' });
}
