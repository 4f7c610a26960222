/**
 * Public surface of the matching module: cross-checking persons across spellings and scripts.
 * Other modules import from here only.
 */
export { blockingKeys } from './keys.ts';
export { MATCHING_ERRORS, MAX_NAME_LENGTH } from './matching.errors.ts';
export { DEFAULT_MATCHING_SETTINGS, matchLevel, matchingSettingsSchema, type MatchLevel, type MatchingSettings } from './matching.settings.ts';
export { normalizeName, foldLatin, type NameToken, type NormalizedName, type TokenRole } from './normalize.ts';
export { canonicalSpelling, consonantSkeleton, phoneticCode } from './phonetic.ts';
export { parseBirthDate, personInputSchema, preparePerson, scorePersons, scorePreparedPersons, type PersonInput, type PersonScore, type PreparedPerson, type ScoreFactor } from './person.ts';
export { prepareName, type PreparedName, type PreparedToken } from './prepare.ts';
export { matchNamesExplained, scoreNames, scorePreparedNames, type NameScore, type PartMatch, type PartMatchKind } from './score.ts';
export { detectScript, transliterate, type Script } from './transliterate.ts';
export { installMatching } from './matching.provider.ts';
export { registerMatchingRoutes } from './matching.routes.ts';
export { indexSubjects, findMatches, reindexStale, refreshKeyStatistics, INDEX_LIMITS, type SubjectInput } from './candidate-index.ts';
export { matchingJobs, KEY_STATS_JOB } from './matching.jobs.ts';
export { crossCheckRequestPersons, searchPersons, decideHit, unmergeHit } from './matching.service.ts';
export { getMatchingSettings } from './settings.service.ts';
export { explanationOf, renderExplanation } from './explain.ts';
export { indexSize } from './matching.repository.ts';
