/**
 * The timeline of a search. The server keeps each event's facts as coded values (country `ES`, warrant `eaw`,
 * source `foreign_fast` …); they are worded here in the reader's language: country names, warrant kinds, times.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../shared/domain.ts';
import type { EventParams } from '../../../shared/wanted.schemas.ts';
import { currentLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../ui/format.ts';
import { Panel } from './panel.tsx';
import type { WantedDetail } from './types.ts';

type Lang = ReturnType<typeof currentLanguage>;
type Value = EventParams[string];

/** How each coded fact is worded; a fact not listed is free text (a reason, a note, a reference) shown as written. */
const WORDING: Record<string, (v: string, t: TFunction, lang: Lang) => string> = {
  country: (v, _t, lang) => countryName(v, lang),
  warrant: (v, t) => t(`wanted.warrant.${v}`, { defaultValue: v }),
  source: (v, t) => t(`wanted.leadSource.${v}`, { defaultValue: v }),
  review: (v, t) => t(`wanted.article3.${v}`, { defaultValue: v }),
  direction: (v, t) => t(`domain.directions.${v}`, { defaultValue: v }),
  clock: (v, t) => t(`wanted.clock.${v}`, { defaultValue: v }),
  field: (v, t) => t(`wanted.timelineParams.fieldNames.${v}`, { defaultValue: v }),
  status: (v, t) => t(`wanted.status.${v}`, { defaultValue: v }),
  at: (v, _t, lang) => formatDateTime(v, lang),
  agreedAt: (v, _t, lang) => formatDateTime(v, lang),
  dueAt: (v, _t, lang) => formatDateTime(v, lang),
};

function word(key: string, value: Value, t: TFunction, lang: Lang): string | null {
  if (value === null || value === '') return null;
  if (Array.isArray(value)) {
    // The fields a correction changed: their labels on the registration form.
    return value.map((f) => (key === 'fields' ? t(`wanted.form.${f}`, { defaultValue: f }) : f)).join(', ');
  }
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  const w = WORDING[key];
  return w ? w(String(value), t, lang) : String(value);
}

/** The facts of one event as "label: value" pairs in the reader's language. */
export function eventFacts(params: EventParams, t: TFunction, lang: Lang): { key: string; label: string; value: string }[] {
  return Object.entries(params).flatMap(([key, value]) => {
    const shown = word(key, value, t, lang);
    return shown === null ? [] : [{ key, label: t(`wanted.timelineParams.${key}`, { defaultValue: key }), value: shown }];
  });
}

export function TimelinePanel({ p }: { p: WantedDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Panel id="wanted-timeline" title={t('wanted.detail.timeline')}>
      <ol className="plain-list">
        {[...p.timeline].reverse().map((e) => (
          <li key={e.id} data-testid="timeline-event" data-kind={e.kind}>
            <span className="muted small">{formatDateTime(e.at, lang)}</span> <strong>{t(`wanted.events.${e.kind}`, { defaultValue: e.kind })}</strong>
            {e.actorName && <> · {e.actorName}</>}
            {e.params && (
              <span className="muted small">
                {eventFacts(e.params, t, lang).map((f) => (
                  <span key={f.key}> · {f.label}: {f.value}</span>
                ))}
              </span>
            )}
            {e.note && <span className="muted small"> – {e.note}</span>}
          </li>
        ))}
      </ol>
    </Panel>
  );
}
