import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser, unit } from '../identity/identity.schema.ts';

/**
 * A shift handover: the moment a unit's shift handed its cases to the next, who did it and a note.
 * "New since the last handover" in the next report is counted from here.
 */
export const shiftHandover = pgTable(
  'shift_handover',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull().references(() => unit.id),
    userId: uuid('user_id').notNull().references(() => appUser.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    note: text('note'),
  },
  (t) => [index('shift_handover_unit_at_idx').on(t.unitId, t.at)],
);
