/** Formatting of instants, durations and sizes in the UI language. */
import type { TFunction } from 'i18next';

export const LEGAL_ZONE = 'Europe/Stockholm';

export function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || LEGAL_ZONE;
  } catch {
    return LEGAL_ZONE;
  }
}

/** An instant as date and time in a zone, with the zone's short name (e.g. "CET"). */
export function formatDateTime(iso: string | null | undefined, lang: string, timeZone: string = LEGAL_ZONE): string {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    // dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are spelled out.
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(d);
}

/** A length of time, largest units first: "2 d 3 h", "7 h 12 min", "4 min 30 s". */
export function formatDuration(ms: number, t: TFunction): string {
  const totalSec = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(totalSec / 86400);
  const hours = Math.floor((totalSec % 86400) / 3600);
  const minutes = Math.floor((totalSec % 3600) / 60);
  const seconds = totalSec % 60;
  if (days > 0) return t('common.duration.daysHours', { days, hours });
  if (hours > 0) return t('common.duration.hoursMinutes', { hours, minutes });
  return t('common.duration.minutesSeconds', { minutes, seconds });
}

export function formatBytes(n: number, lang: string): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: i === 0 ? 0 : 1 }).format(v)} ${units[i]}`;
}

/** `new Date()` as the value of an <input type="datetime-local"> in the browser's zone. */
export function localInputValue(d: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (browser zone) as an ISO instant in UTC, or null. */
export function localInputToIso(v: string): string | null {
  if (!v) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
