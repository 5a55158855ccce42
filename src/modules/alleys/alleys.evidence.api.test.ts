import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAlleyWorld } from '../../../test/api-setup/alleys.js';
import { seedVolunteerWorld } from '../../../test/api-setup/volunteers.js';
import { api, auditRows, expectError, expectOk } from '../../../test/http.js';
import { createUploadTestContext, photoForm } from '../../../test/photos.js';
import { MAX_DOCUMENT_BYTES } from '../../core/uploads.js';
import type { AlleyDocumentView, AlleyItemView, AlleyRegionDetail } from './alleys.contracts.js';
import { alleyItemDocuments, alleyRegionItems } from './alleys.schema.js';

let ctx: Awaited<ReturnType<typeof createUploadTestContext>>;
let call: ReturnType<typeof api>;
let w: Awaited<ReturnType<typeof seedAlleyWorld>>;
let teams: { A: string; B: string };

beforeAll(async () => {
  ctx = await createUploadTestContext();
  call = api(ctx);
  w = await seedAlleyWorld(ctx);
  teams = (await seedVolunteerWorld(ctx)).teams;
});
afterAll(async () => {
  await ctx?.close();
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A multipart form with an optional title field before the file. */
function documentForm(file: Buffer, filename: string, title?: string) {
  const form = photoForm(file, filename, 'application/pdf');
  if (title === undefined) return form;
  const boundary = /boundary=(.*)$/.exec(form.headers['content-type'])?.[1] ?? '';
  const field = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\n${title}\r\n`);
  return { ...form, payload: Buffer.concat([field, form.payload]) };
}

async function upload(
  as: string,
  region: string,
  item: string,
  file: Buffer,
  filename = '治理导则.pdf',
  title?: string,
) {
  const form = documentForm(file, filename, title);
  return ctx.app.inject({
    method: 'POST',
    url: `/api/alley-regions/${region}/items/${item}/documents`,
    payload: form.payload,
    headers: { ...form.headers, cookie: await ctx.cookieFor(as) },
  });
}

const docCount = async () => (await ctx.database.db.select({ n: count() }).from(alleyItemDocuments))[0].n;
/** Every file under the uploads folder (temporary files included): a refusal must leave none. */
async function storedFiles(): Promise<string[]> {
  const root = path.join(ctx.dataDir, 'uploads');
  const entries = await readdir(root, { recursive: true }).catch(() => [] as string[]);
  return entries.filter((e) => e.endsWith('.pdf') || e.endsWith('.tmp'));
}
const detail = async (as: string, region = w.A) =>
  expectOk<AlleyRegionDetail>(await call('GET', `/api/alley-regions/${region}`, { as }));
const itemOf = (d: AlleyRegionDetail, item: string) => d.items.find((i) => i.item === item) as AlleyItemView;

describe('documents of the guideline and the residents’ pact', () => {
  it('stores a PDF (title from the field or the file name), lists it, serves it to who sees the region, audited', async () => {
    const doc = expectOk<AlleyDocumentView>(await upload('hangdong', w.A, 'guideline', PDF), 201);
    expect(doc).toMatchObject({ item: 'guideline', title: '治理导则', fileName: '治理导则.pdf', bytes: PDF.length });
    const pact = expectOk<AlleyDocumentView>(
      await upload('admin', w.A, 'residentsPact', PDF, 'pact-v2.pdf', '居民公约（2026 修订）'),
      201,
    );
    expect(pact.title).toBe('居民公约（2026 修订）');
    const d = await detail('alley01');
    expect(itemOf(d, 'guideline').documents.map((x) => x.id)).toEqual([doc.id]);
    expect(itemOf(d, 'residentsPact').documents.map((x) => x.title)).toEqual(['居民公约（2026 修订）']);
    const served = await ctx.app.inject({
      method: 'GET',
      url: doc.url,
      headers: { cookie: await ctx.cookieFor('alley01') },
    });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('治理导则.pdf')}`,
    );
    expect(served.rawPayload.equals(PDF)).toBe(true);
    expectError(await call('GET', doc.url, { as: 'sanfeng' }), 404, 'NOT_FOUND');
    expectError(await call('GET', doc.url, { as: 'alley02' }), 404, 'NOT_FOUND');
    expectError(await call('GET', doc.url, { as: 'grid01' }), 403, 'FORBIDDEN');
    const audits = await auditRows(ctx, { action: 'alley_item.document', entityId: w.A });
    expect(audits.map((a) => (a.after as { id: string }).id).sort()).toEqual([doc.id, pact.id].sort());
    expect(await storedFiles()).toHaveLength(2);
  });

  it('refuses a file that is not a PDF, one over 10 MB, another item, an alley head, another community: nothing written', async () => {
    const [rows, files] = [await docCount(), await storedFiles()];
    const notPdf = await upload('hangdong', w.A, 'guideline', Buffer.from('PK\u0003\u0004 a Word file'), 'x.pdf');
    expect(expectError(notPdf, 400, 'INVALID_FILE').error.message).toContain('PDF');
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_DOCUMENT_BYTES)]);
    expectError(await upload('hangdong', w.A, 'guideline', big), 413, 'PAYLOAD_TOO_LARGE');
    expectError(await upload('hangdong', w.A, 'cleaningCompany', PDF), 400, 'VALIDATION_FAILED');
    expectError(await upload('alley01', w.A, 'guideline', PDF), 403, 'FORBIDDEN');
    expectError(await upload('sanfeng', w.A, 'guideline', PDF), 404, 'NOT_FOUND');
    expect(await docCount()).toBe(rows);
    expect(await storedFiles()).toEqual(files);
  });

  it('lets the community delete a document (row, file, audit); an alley head 403, another community 404', async () => {
    const doc = expectOk<AlleyDocumentView>(await upload('hangdong', w.A, 'guideline', PDF, 'old.pdf'), 201);
    const before = await storedFiles();
    expectError(await call('DELETE', doc.url, { as: 'alley01' }), 403, 'FORBIDDEN');
    expectError(await call('DELETE', doc.url, { as: 'sanfeng' }), 404, 'NOT_FOUND');
    expect(await storedFiles()).toEqual(before);
    expect((await call('DELETE', doc.url, { as: 'hangdong' })).statusCode).toBe(204);
    expect(await storedFiles()).toHaveLength(before.length - 1);
    expect(itemOf(await detail('hangdong'), 'guideline').documents.map((x) => x.fileName)).toEqual(['治理导则.pdf']);
    expect((await auditRows(ctx, { action: 'alley_item.document_delete', entityId: w.A })).length).toBe(1);
    expectError(await call('GET', doc.url, { as: 'hangdong' }), 404, 'NOT_FOUND');
  });
});

describe('links: the cleaning company and the volunteer team', () => {
  const patch = async (as: string, item: string, body: Record<string, unknown>, region = w.A) => {
    const version = itemOf(await detail('admin', region), item).version;
    return call('PATCH', `/api/alley-regions/${region}/items/${item}`, { as, body: { version, ...body } });
  };

  it('keeps the company (phone masked on read, contract date) on cleaningCompany, versioned and audited', async () => {
    const company = { companyName: '光泽洁美保洁有限公司', companyPhone: '13905991234', contractUntil: '2027-06-30' };
    const item = expectOk<AlleyItemView>(await patch('hangdong', 'cleaningCompany', company));
    expect(item.company).toEqual({ name: company.companyName, phone: '139****1234', contractUntil: '2027-06-30' });
    expect(itemOf(await detail('alley01'), 'cleaningCompany').company?.phone).toBe('139****1234');
    const audits = await auditRows(ctx, { action: 'alley_item.update', entityId: w.A });
    expect(JSON.stringify(audits)).not.toContain('13905991234');
    // Only the name changed: the phone stays; no name, no contact.
    const renamed = expectOk<AlleyItemView>(await patch('hangdong', 'cleaningCompany', { companyName: '洁美物业' }));
    expect(renamed.company).toMatchObject({ name: '洁美物业', phone: '139****1234' });
    const cleared = expectOk<AlleyItemView>(await patch('hangdong', 'cleaningCompany', { companyName: null }));
    expect(cleared.company).toBeNull();
  });

  it('refuses company fields on another item, a bad phone, an alley head (403) and a stale version, writing nothing', async () => {
    const before = await ctx.database.db.select().from(alleyRegionItems).where(eq(alleyRegionItems.regionId, w.A));
    expectError(await patch('hangdong', 'guideline', { companyName: 'X' }), 400, 'VALIDATION_FAILED');
    expectError(await patch('hangdong', 'cleaningCompany', { companyPhone: 'call me' }), 400, 'VALIDATION_FAILED');
    expectError(await patch('alley01', 'cleaningCompany', { companyName: 'X' }), 403, 'FORBIDDEN');
    expectError(
      await call('PATCH', `/api/alley-regions/${w.A}/items/cleaningCompany`, {
        as: 'hangdong',
        body: { companyName: 'X', version: 999 },
      }),
      409,
      'STALE_UPDATE',
    );
    expect(await ctx.database.db.select().from(alleyRegionItems).where(eq(alleyRegionItems.regionId, w.A))).toEqual(
      before,
    );
  });

  it('links a team of the region’s community (shown by name); another community’s team or another item is 400', async () => {
    const options = expectOk<{ id: string; name: string }[]>(
      await call('GET', `/api/alley-regions/${w.A}/volunteer-teams`, { as: 'hangdong' }),
    );
    expect(options).toEqual([{ id: teams.A, name: '杭川老大妈义务巡逻队' }]);
    expectError(await call('GET', `/api/alley-regions/${w.A}/volunteer-teams`, { as: 'alley01' }), 403, 'FORBIDDEN');
    expectError(await patch('hangdong', 'volunteerTeam', { volunteerTeamId: teams.B }), 400, 'VALIDATION_FAILED');
    expectError(await patch('hangdong', 'guideline', { volunteerTeamId: teams.A }), 400, 'VALIDATION_FAILED');
    const linked = expectOk<AlleyItemView>(await patch('hangdong', 'volunteerTeam', { volunteerTeamId: teams.A }));
    expect(linked.volunteerTeam).toEqual({ id: teams.A, name: '杭川老大妈义务巡逻队' });
    expect(itemOf(await detail('alley01'), 'volunteerTeam').volunteerTeam?.name).toBe('杭川老大妈义务巡逻队');
    const unlinked = expectOk<AlleyItemView>(await patch('admin', 'volunteerTeam', { volunteerTeamId: null }));
    expect(unlinked.volunteerTeam).toBeNull();
  });
});
