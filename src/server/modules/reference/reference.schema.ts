import { boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** National competent authorities (förordning 2017:504 ch. 10): reference data an administrator edits. */
export const nationalAuthority = pgTable('national_authority', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  nameSv: text('name_sv').notNull(),
  nameEn: text('name_en').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
