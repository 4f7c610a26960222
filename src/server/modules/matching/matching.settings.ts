/**
 * Matching settings: the score at which a cross-check hit raises an alert or asks for review.
 * Defaults are chosen on principle (see docs in the report), not fitted to the evaluation data.
 */
import { z } from 'zod';

export const matchingSettingsSchema = z
  .object({
    /** Score at or above which a hit is shown as an alert (likely the same person). */
    alertThreshold: z.number().min(0).max(1),
    /** Score at or above which a hit is listed for a human to review. */
    reviewThreshold: z.number().min(0).max(1),
  })
  .refine((s) => s.reviewThreshold <= s.alertThreshold, { message: 'matching.review_above_alert', path: ['reviewThreshold'] });

export type MatchingSettings = z.infer<typeof matchingSettingsSchema>;

export const DEFAULT_MATCHING_SETTINGS: MatchingSettings = Object.freeze({
  alertThreshold: 0.8,
  reviewThreshold: 0.65,
});

export type MatchLevel = 'alert' | 'review' | 'none';

/** Classifies a score as alert, review or none under the given settings. */
export function matchLevel(score: number, settings: MatchingSettings = DEFAULT_MATCHING_SETTINGS): MatchLevel {
  if (score >= settings.alertThreshold) return 'alert';
  if (score >= settings.reviewThreshold) return 'review';
  return 'none';
}
