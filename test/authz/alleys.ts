import { and, eq } from 'drizzle-orm';
import { addDays } from '../../src/core/calendar.js';
import { clock } from '../../src/core/clock.js';
import { SIX_HAVES } from '../../src/modules/alleys/alleys.enums.js';
import { alleyInspections, alleyTasks } from '../../src/modules/alleys/alleys.schema.js';
import type { TestContext } from '../app.js';
import { api, expectOk } from '../http.js';
import { photoForm } from '../photos.js';

/**
 * The alley rows of one side of the matrix (背街小巷, docs/ALLEYS.md): a PDF of the guideline and an open task, both
 * made by the county; and fresh ones for the cells that remove a document or close a task.
 */
export const MATRIX_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export const pdfForm = () => photoForm(MATRIX_PDF, 'matrix.pdf', 'application/pdf');

export async function uploadAlleyDocument(ctx: TestContext, as: string, region: string): Promise<string> {
  const form = pdfForm();
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/alley-regions/${region}/items/guideline/documents`,
    payload: form.payload,
    headers: { ...form.headers, cookie: await ctx.cookieFor(as) },
  });
  return expectOk<{ id: string }>(res, 201).id;
}

/** An open task of the region: the county's inspection finds the guideline needing work. */
async function inspectionTask(ctx: TestContext, region: string): Promise<string> {
  const items = SIX_HAVES.map((item) => ({ item, status: item === 'guideline' ? 'needs_work' : 'present' }));
  expectOk(await api(ctx)('POST', `/api/alley-regions/${region}/inspections`, { as: 'admin', body: { items } }), 201);
  const [task] = await ctx.database.db
    .select({ id: alleyTasks.id })
    .from(alleyTasks)
    .where(and(eq(alleyTasks.regionId, region), eq(alleyTasks.state, 'open')));
  return task.id;
}

export async function matrixAlleyRows(ctx: TestContext, region: string) {
  return {
    alleyDocument: await uploadAlleyDocument(ctx, 'admin', region),
    alleyTask: await inspectionTask(ctx, region),
  };
}

/** A new open task for one cell: the region's open guideline task (if any) cancelled, another opened in its place. */
export async function freshAlleyTask(ctx: TestContext, region: string): Promise<string> {
  const db = ctx.database.db;
  await db
    .update(alleyTasks)
    .set({ state: 'cancelled', closedAt: clock.now() })
    .where(and(eq(alleyTasks.regionId, region), eq(alleyTasks.state, 'open'), eq(alleyTasks.item, 'guideline')));
  const [inspection] = await db
    .select({ id: alleyInspections.id })
    .from(alleyInspections)
    .where(eq(alleyInspections.regionId, region))
    .limit(1);
  const [task] = await db
    .insert(alleyTasks)
    .values({
      regionId: region,
      item: 'guideline',
      dueOn: addDays(clock.today(), 14),
      openedByInspectionId: inspection.id,
    })
    .returning({ id: alleyTasks.id });
  return task.id;
}
