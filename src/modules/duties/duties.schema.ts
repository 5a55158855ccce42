import { date, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt, version } from '../../core/columns.js';
import { grids } from '../grid/grid.schema.js';
import { people } from '../people/people.schema.js';
import { DUTY_ROLES } from './duties.enums.js';

export const dutyRole = pgEnum('duty_role', DUTY_ROLES);

/** 按格定岗、责在格中: who answers for a grid, in which role, since when. */
export const gridDuties = pgTable(
  'grid_duties',
  {
    id: idColumn(),
    gridId: uuid('grid_id')
      .notNull()
      .references(() => grids.id, { onDelete: 'restrict' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    role: dutyRole('role').notNull(),
    since: date('since').notNull(),
    until: date('until'),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('grid_duties_grid_idx').on(t.gridId), index('grid_duties_person_idx').on(t.personId)],
);
