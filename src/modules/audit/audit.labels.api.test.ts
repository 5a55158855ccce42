import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { api, expectError, expectOk, type Page } from '../../../test/http.js';
import type { PersonView } from '../people/people.contracts.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

interface LabelledRow {
  action: string;
  entityType: string;
  entityId: string | null;
  entityLabel: string | null;
  actorName: string | null;
  actorLabel: string | null;
  before: unknown;
}
const audit = async (query: string) =>
  expectOk<Page<LabelledRow>>(await call('GET', `/api/audit?${query}`, { as: 'admin' }));

describe('GET /api/audit names its records', () => {
  let caseNumber = '';
  let caseId = '';

  beforeAll(async () => {
    const made = expectOk<{ id: string; number: string }>(
      await call('POST', '/api/cases', {
        as: 'hangdong',
        body: { channel: 'hall', description: '楼道灯坏了很久没人修', reporterName: '居民', lng: 117.331, lat: 27.541 },
      }),
      201,
    );
    caseId = made.id;
    caseNumber = made.number;
    const person = expectOk<PersonView>(
      await call('GET', `/api/people/${ctx.world.people.residentA.id}`, { as: 'hangdong' }),
    );
    expectOk(
      await call('PATCH', `/api/people/${person.id}`, {
        as: 'hangdong',
        body: { note: '审计标签', version: person.version },
      }),
    );
  });

  it('a case by its number, a person by name (never the phone), the user by display name', async () => {
    const [created] = (await audit(`action=case.create&entityId=${caseId}`)).items;
    expect(created.entityLabel).toContain(caseNumber);
    expect(created.actorLabel).toBe(`${ctx.world.users.hangdong.displayName} (hangdong)`);
    const [updated] = (await audit(`action=person.update&entityId=${ctx.world.people.residentA.id}`)).items;
    expect(updated.entityLabel).toBe('王小明');
    expect(JSON.stringify(updated)).not.toContain('13800001111');
    // A type the log cannot name keeps only its id.
    const [login] = (await audit('action=auth.login')).items;
    expect(login.entityLabel === null || login.entityType === 'user').toBe(true);
  });

  it('filters by the record: its number or name, with or without the type', async () => {
    const byNumber = await audit(`entityType=case&object=${encodeURIComponent(caseNumber)}`);
    expect(byNumber.total).toBeGreaterThan(0);
    expect(byNumber.items.every((r) => r.entityType === 'case' && r.entityId === caseId)).toBe(true);
    const byName = await audit(`object=${encodeURIComponent('王小明')}`);
    expect(byName.items.some((r) => r.action === 'person.update')).toBe(true);
    expect(byName.items.every((r) => r.entityLabel?.includes('王小明'))).toBe(true);
    expect((await audit(`object=${encodeURIComponent('没有这样的记录')}`)).total).toBe(0);
    // LIKE wildcards are text, and a type the log cannot name finds nothing rather than failing.
    expect((await audit(`object=${encodeURIComponent('%')}`)).total).toBe(0);
    expect((await audit('entityType=calendar&object=2027')).total).toBe(0);
    expectError(await call('GET', '/api/audit?object=', { as: 'admin' }), 400, 'VALIDATION_FAILED');
  });

  it('names records on a whole page in a few queries, also for ids that are not UUIDs', async () => {
    const page = await audit('pageSize=200');
    expect(page.items.length).toBeGreaterThan(2);
    expect(page.items.filter((r) => r.entityType === 'case').every((r) => r.entityLabel)).toBe(true);
  });
});
