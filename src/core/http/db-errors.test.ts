import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorHandling } from './errors.js';

/** A database error as node-postgres and PGlite raise it: SQLSTATE, detail and constraint. */
function pgError(code: string, detail: string, constraint: string): Error {
  return Object.assign(new Error('database error'), { code, detail, constraint });
}

async function answer(err: Error) {
  const app = Fastify({ logger: false });
  registerErrorHandling(app);
  app.post('/write', async () => {
    throw err;
  });
  const res = await app.inject({ method: 'POST', url: '/write', headers: { 'accept-language': 'zh-CN' } });
  await app.close();
  return { status: res.statusCode, body: res.json() };
}

describe('foreign key errors from the database', () => {
  it('answers a write naming a row that does not exist with 400 VALIDATION_FAILED at the field, not "cannot delete"', async () => {
    const { status, body } = await answer(
      pgError(
        '23503',
        'Key (home_grid_id)=(7d1f0c4e-0000-4000-8000-000000000000) is not present in table "grids".',
        'people_home_grid_id_grids_id_fk',
      ),
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details).toEqual([{ path: '/homeGridId', message: 'does not exist' }]);
    expect(JSON.stringify(body)).not.toMatch(/_fk|grids/);
  });

  it('answers a deletion that rows still refer to with 409 REFERENCED naming those rows', async () => {
    const { status, body } = await answer(
      pgError(
        '23001',
        'Key (id)=(7d1f0c4e-0000-4000-8000-000000000000) is still referenced from table "service_day_checkins".',
        'service_day_checkins_member_id_party_members_id_fk',
      ),
    );
    expect(status).toBe(409);
    expect(body.error).toEqual({ code: 'REFERENCED', message: '无法删除：仍有1条签到记录引用它，请先处理这些记录' });
  });
});
