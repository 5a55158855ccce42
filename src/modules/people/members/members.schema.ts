import { date, index, pgEnum, pgTable, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt, version } from '../../../core/columns.js';
import { organisations } from '../../org/org.schema.js';
import { people } from '../people.schema.js';
import { MEMBER_KINDS } from './members.enums.js';

export const memberKind = pgEnum('member_kind', MEMBER_KINDS);

export const partyMembers = pgTable(
  'party_members',
  {
    id: idColumn(),
    personId: uuid('person_id')
      .notNull()
      .unique()
      .references(() => people.id, { onDelete: 'restrict' }),
    kind: memberKind('kind').notNull(),
    branchId: uuid('branch_id').references(() => organisations.id, { onDelete: 'restrict' }),
    /** The agency unit an in-service member works for (双重管理: unit and residence community). */
    unitId: uuid('unit_id').references(() => organisations.id, { onDelete: 'restrict' }),
    residenceCommunityId: uuid('residence_community_id').references(() => organisations.id, { onDelete: 'restrict' }),
    joinedAt: date('joined_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('party_members_unit_idx').on(t.unitId),
    index('party_members_residence_idx').on(t.residenceCommunityId),
    index('party_members_branch_idx').on(t.branchId),
  ],
);
