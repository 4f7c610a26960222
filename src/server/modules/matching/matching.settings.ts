/**
 * Matching settings: the score at which a cross-check hit raises an alert or asks for review.
 * Defaults are chosen on principle, not fitted to the evaluation data; an administrator may store other values
 * (settings.service.ts), which apply from the next cross-check on. This file stays pure: the scorer, bench and CLI use it.
 */
import { matchingSettings } from '../../../shared/matching.schemas.ts';

export const matchingSettingsSchema = matchingSettings;

export interface MatchingSettings {
  /** Score at or above which a hit is shown as an alert (likely the same person). */
  alertThreshold: number;
  /** Score at or above which a hit is listed for a human to review. */
  reviewThreshold: number;
}

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
