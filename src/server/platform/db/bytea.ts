/** PostgreSQL `bytea` as a Node Buffer, for Drizzle schema files (file contents: attachments, photos). */
import { customType } from 'drizzle-orm/pg-core';

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});
