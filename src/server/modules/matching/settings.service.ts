/**
 * The thresholds in force: stored by an administrator (`matching_setting`) over the engine's defaults, read once
 * per cross-check in the caller's transaction. Same pattern as accountability's periods.
 */
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import * as repo from './links.repository.ts';
import { DEFAULT_MATCHING_SETTINGS, matchingSettingsSchema, type MatchingSettings } from './matching.settings.ts';

const KEY = 'thresholds';

/** The thresholds in force (stored values over the defaults), read in ctx's transaction. */
export async function getMatchingSettings(ctx: Ctx): Promise<MatchingSettings> {
  const stored = await repo.getSettingValue(ctx.db, KEY);
  const merged = { ...DEFAULT_MATCHING_SETTINGS, ...(stored && typeof stored === 'object' ? stored : {}) };
  // A stored pair that no longer validates (edited by hand) must not leave the cross-check without thresholds.
  const parsed = matchingSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : { ...DEFAULT_MATCHING_SETTINGS };
}

/** Stores new thresholds; the change is audited. Decided hits keep their level; open ones take the new one when next checked. */
export async function putMatchingSettings(ctx: Ctx, value: MatchingSettings): Promise<MatchingSettings> {
  return inTransaction(ctx, async (tx) => {
    const before = await getMatchingSettings(tx);
    const after = { alertThreshold: value.alertThreshold, reviewThreshold: value.reviewThreshold };
    await repo.putSettingValue(tx.db, KEY, after);
    await audit(tx, { category: 'admin', action: 'matching.settings.update', entityType: 'setting', entityId: 'matching', details: { before, after } });
    return after;
  });
}
