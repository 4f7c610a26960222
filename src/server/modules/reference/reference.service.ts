/** Reference data: the national competent authorities (förordning 2017:504 ch. 10), editable by administrators. */
import { z } from 'zod';
import type { Locale } from '../../../shared/domain.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import * as repo from './reference.repository.ts';

/** The competent authorities Sweden notified under Dir. (EU) 2023/977 (SFS 2024:991). */
export const SWEDISH_AUTHORITIES = [
  { code: 'POLISEN', nameSv: 'Polismyndigheten', nameEn: 'Swedish Police Authority' },
  { code: 'EBM', nameSv: 'Ekobrottsmyndigheten', nameEn: 'Swedish Economic Crime Authority' },
  { code: 'TULLVERKET', nameSv: 'Tullverket', nameEn: 'Swedish Customs' },
  { code: 'KUSTBEVAKNINGEN', nameSv: 'Kustbevakningen', nameEn: 'Swedish Coast Guard' },
  { code: 'SKATTEVERKET', nameSv: 'Skatteverket', nameEn: 'Swedish Tax Agency' },
];

export const authorityInput = z.object({
  code: z.string().trim().min(2).max(32).regex(/^[A-Z0-9_-]+$/),
  nameSv: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  active: z.boolean().default(true),
});

export function authorityName(a: repo.AuthorityRow, locale: Locale): string {
  return locale === 'sv' ? a.nameSv : a.nameEn;
}

/** Authorities in the reader's language. */
export async function listAuthorities(ctx: Ctx) {
  return (await repo.listAuthorities(ctx.db)).map((a) => ({ id: a.id, code: a.code, name: authorityName(a, ctx.locale), active: a.active }));
}

/** One authority, or null. */
export async function getAuthority(ctx: Ctx, id: string) {
  const a = await repo.findAuthority(ctx.db, id);
  return a ? { id: a.id, code: a.code, name: authorityName(a, ctx.locale), active: a.active } : null;
}

/** Creates or edits an authority by code; audited. */
export async function saveAuthority(ctx: Ctx, input: z.infer<typeof authorityInput>) {
  return inTransaction(ctx, async (tx) => {
    const row = await repo.upsertAuthority(tx.db, input);
    await audit(tx, { category: 'admin', action: 'reference.authority.save', entityType: 'national_authority', entityId: row.id, details: input });
    return row;
  });
}

/** Loads the Swedish authorities when the table is empty (first start). */
export async function seedAuthorities(ctx: Ctx) {
  if ((await repo.listAuthorities(ctx.db)).length) return;
  for (const a of SWEDISH_AUTHORITIES) await repo.upsertAuthority(ctx.db, a);
}
