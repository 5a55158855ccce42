import { sql } from 'drizzle-orm';
import { type AnyPgColumn, doublePrecision, index, integer, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt, version } from '../../core/columns.js';
import { ORG_KINDS } from './org.enums.js';

export const orgKind = pgEnum('org_kind', ORG_KINDS);

export const organisations = pgTable(
  'organisations',
  {
    id: idColumn(),
    kind: orgKind('kind').notNull(),
    name: text('name').notNull(),
    code: text('code').unique(),
    parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id, { onDelete: 'restrict' }),
    address: text('address'),
    phone: text('phone'),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    /** Tags such as law, health, construction: what a unit brings to a pairing. */
    strengths: text('strengths').array().notNull().default(sql`'{}'::text[]`),
    /** Staff headcount of a unit, or residents of a community. */
    population: integer('population'),
    /** A unit's Party leader (党组书记 / 支部书记): a deputy of the 大党委 of each community the unit is paired with. */
    leaderName: text('leader_name'),
    leaderTitle: text('leader_title'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('organisations_parent_idx').on(t.parentId), index('organisations_kind_idx').on(t.kind)],
);
