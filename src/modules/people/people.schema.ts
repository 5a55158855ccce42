import { sql } from 'drizzle-orm';
import { type AnyPgColumn, date, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt, version } from '../../core/columns.js';
import { grids } from '../grid/grid.schema.js';
import { organisations } from '../org/org.schema.js';
import { GENDERS } from './people.enums.js';

export const gender = pgEnum('gender', GENDERS);

export const people = pgTable(
  'people',
  {
    id: idColumn(),
    name: text('name').notNull(),
    gender: gender('gender'),
    birthDate: date('birth_date'),
    /** Stored in full; every response masks it unless the reveal endpoint is used (audited). */
    phone: text('phone'),
    idNumber: text('id_number').unique(),
    address: text('address'),
    homeGridId: uuid('home_grid_id').references((): AnyPgColumn => grids.id, { onDelete: 'restrict' }),
    /** The home grid's community, kept with the row so scope filters need no join. */
    communityId: uuid('community_id').references(() => organisations.id, { onDelete: 'restrict' }),
    /** resident, volunteer, grid_worker, alley_head, building_head, staff — a person may hold several. */
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('people_name_idx').on(t.name),
    index('people_home_grid_idx').on(t.homeGridId),
    index('people_community_idx').on(t.communityId),
  ],
);
