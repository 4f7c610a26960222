/**
 * A deadline event's note in the reader's words: the server stores short codes (`clarification`, `sent`, `peer`,
 * `channel:siena`, `late`, refusal grounds `a,c`, a corrected classification `urgent,direct`, an Art 5(2) delay
 * `<instant> <reason>`, a reminder point `<regime>/<rule>/left/0.5`); anything else is an officer's own note.
 */
import type { TFunction } from 'i18next';
import { formatDateTime, LEGAL_ZONE } from '../../ui/format.ts';

const PLAIN = new Set(['clarification', 'sent', 'peer', 'late']);

export function deadlineNote(kind: string, note: string, t: TFunction, lang: string): string {
  const N = (k: string, p: Record<string, string> = {}) => t(`exchange.detail.deadline.notes.${k}`, p);
  if (PLAIN.has(note)) return N(note);
  if (note.startsWith('channel:')) {
    const channel = note.slice('channel:'.length);
    return N('channel', { channel: t(`domain.channelsShort.${channel}`, { defaultValue: channel }) });
  }
  if (kind === 'delay_notified') {
    const m = /^(\S+Z) ([\s\S]*)$/.exec(note);
    if (m && !Number.isNaN(Date.parse(m[1]))) return N('expected', { at: formatDateTime(m[1], lang, LEGAL_ZONE), reason: m[2] });
  }
  if (kind === 'refused' && /^[a-h](,[a-h])*$/.test(note)) {
    return N('grounds', { grounds: note.split(',').map((g) => t(`domain.refusalGrounds.${g}`)).join('; ') });
  }
  if (kind === 'reclassified') {
    const m = /^(urgent|normal),(direct|indirect)$/.exec(note);
    if (m) return N('classification', { urgency: t(`exchange.urgency.${m[1]}`), access: t(`domain.accessKinds.${m[2]}`) });
  }
  if (kind === 'reminder' || kind === 'escalation') return pointLabel(note, t);
  return note;
}

/** A reminder point's key (`<regime>/<rule>/left/0.5`, `…/before/PT1H`, `…/due`) in words. */
function pointLabel(note: string, t: TFunction): string {
  const left = /\/left\/([0-9.]+)$/.exec(note);
  if (left) return t('exchange.detail.deadline.points.left', { percent: Math.round(Number(left[1]) * 100) });
  const before = /\/before\/PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(note);
  if (before) return t('exchange.detail.deadline.points.before', { hours: Number(before[1] ?? 0), minutes: Number(before[2] ?? 0) });
  if (/\/due$/.test(note)) return t('exchange.detail.deadline.points.due');
  return note;
}
