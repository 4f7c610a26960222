/** Queue filters; their state lives in the URL query string so a view can be bookmarked and shared. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, COUNTRY_CODES, DIRECTIONS, REQUEST_STATUSES, countryName } from '../../../shared/domain.ts';
import { currentLanguage } from '../../i18n.ts';
import type { Reference } from './types.ts';

export const FILTER_KEYS = ['status', 'channel', 'country', 'assignee', 'direction'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

interface Props {
  values: Record<FilterKey, string>;
  onChange(key: FilterKey, value: string): void;
  onReset(): void;
  reference: Reference;
}

export function QueueFilters({ values, onChange, onReset, reference }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const countries = useMemo(
    () =>
      COUNTRY_CODES.map((c) => ({ code: c, name: countryName(c, lang) })).sort((a, b) =>
        a.name.localeCompare(b.name, lang),
      ),
    [lang],
  );
  const active = FILTER_KEYS.some((k) => values[k]);

  return (
    <form className="filters" aria-labelledby="filters-title" onSubmit={(e) => e.preventDefault()}>
      <h2 id="filters-title" className="visually-hidden">
        {t('exchange.queue.filters.title')}
      </h2>
      <div className="filter">
        <label htmlFor="flt-status">{t('exchange.queue.filters.status')}</label>
        <select id="flt-status" value={values.status} onChange={(e) => onChange('status', e.target.value)}>
          <option value="">{t('exchange.queue.filters.statusOpen')}</option>
          <option value="all">{t('exchange.queue.filters.statusAll')}</option>
          {REQUEST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`domain.statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="flt-direction">{t('exchange.queue.filters.direction')}</label>
        <select id="flt-direction" value={values.direction} onChange={(e) => onChange('direction', e.target.value)}>
          <option value="">{t('exchange.queue.filters.any')}</option>
          {DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {t(`domain.directions.${d}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="flt-channel">{t('exchange.queue.filters.channel')}</label>
        <select id="flt-channel" value={values.channel} onChange={(e) => onChange('channel', e.target.value)}>
          <option value="">{t('exchange.queue.filters.any')}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`domain.channels.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="flt-country">{t('exchange.queue.filters.country')}</label>
        <select id="flt-country" value={values.country} onChange={(e) => onChange('country', e.target.value)}>
          <option value="">{t('exchange.queue.filters.any')}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="flt-assignee">{t('exchange.queue.filters.assignee')}</label>
        <select id="flt-assignee" value={values.assignee} onChange={(e) => onChange('assignee', e.target.value)}>
          <option value="">{t('exchange.queue.filters.any')}</option>
          <option value="me">{t('exchange.queue.filters.assigneeMe')}</option>
          <option value="none">{t('exchange.queue.filters.assigneeNone')}</option>
          {reference.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName}
            </option>
          ))}
        </select>
      </div>
      {active && (
        <div className="filter filter-reset">
          <button type="button" className="button button-secondary" onClick={onReset}>
            {t('exchange.queue.filters.reset')}
          </button>
        </div>
      )}
    </form>
  );
}
