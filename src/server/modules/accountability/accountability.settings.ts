/**
 * Accountability periods are settings, not code: the first review after an exchange ends (Dir. (EU) 2023/977
 * Art 16(5): at most 6 months), the interval between reviews (brottsdatalagen 2 kap. 18 §: yearly) and the
 * checkpoint cadence. The defaults below apply until an administrator stores other values.
 */
import { accountabilitySettings, type AccountabilitySettings } from '../../../shared/accountability.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import * as repo from './accountability.repository.ts';

const KEY = 'accountability';

export const DEFAULT_SETTINGS: AccountabilitySettings = {
  firstReviewMonths: 6,
  reviewIntervalMonths: 12,
  checkpointEveryEntries: 1000,
  checkpointEveryMinutes: 60,
};

/** The periods in force (stored values over the defaults). */
export async function getSettings(ctx: Ctx): Promise<AccountabilitySettings> {
  const stored = accountabilitySettings.partial().safeParse(await repo.getSettingValue(ctx.db, KEY));
  return { ...DEFAULT_SETTINGS, ...(stored.success ? stored.data : {}) };
}

/** Stores new periods; the change is audited. */
export async function putSettings(ctx: Ctx, value: AccountabilitySettings): Promise<AccountabilitySettings> {
  return inTransaction(ctx, async (tx) => {
    const before = await getSettings(tx);
    await repo.putSettingValue(tx.db, KEY, value);
    await audit(tx, { category: 'admin', action: 'accountability.settings.update', entityType: 'setting', entityId: KEY, details: { before, after: value } });
    return value;
  });
}

/** Adds whole calendar months in UTC (day clamped to the month's end, so 31 Aug + 6 = 28/29 Feb). */
export function addMonths(d: Date, months: number): Date {
  const out = new Date(d);
  const day = out.getUTCDate();
  out.setUTCDate(1);
  out.setUTCMonth(out.getUTCMonth() + months);
  const last = new Date(Date.UTC(out.getUTCFullYear(), out.getUTCMonth() + 1, 0)).getUTCDate();
  out.setUTCDate(Math.min(day, last));
  return out;
}
