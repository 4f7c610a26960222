/** The results framework of a project: objectives, their indicators (baseline) and target/actual per period. */
import { useTranslation } from 'react-i18next';
import type { ProjectDetail } from '../../../shared/development.schemas.ts';
import { currentLanguage } from '../../i18n.ts';
import { Panel } from '../wanted/panel.tsx';
import { ActionButton } from './action-form.tsx';
import { FIELDS } from './fields.ts';
import { number } from './format.ts';

interface Props {
  p: ProjectDetail;
  onDone(next: ProjectDetail): void;
  onStale(message: string): void;
}

export function ResultsPanel({ p, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const on = { p, onDone, onStale };
  return (
    <Panel id="dev-results" title={t('development.detail.results')}>
      {p.results.length === 0 && <p className="empty">{t('development.detail.noResults')}</p>}
      {p.results.map((r, ri) => (
        <section key={r.id} className="dev-result" aria-labelledby={`res-${r.id}`}>
          <h3 id={`res-${r.id}`}>{t(`development.resultType.${r.type}`)}: {r.title}</h3>
          {r.description && <p>{r.description}</p>}
          {r.indicators.length > 0 && (
            <table className="queue-table" data-testid="dev-indicators">
              <caption className="visually-hidden">{t('development.detail.indicatorsOf', { title: r.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('development.detail.indicator')}</th>
                  <th scope="col">{t('development.detail.baseline')}</th>
                  <th scope="col">{t('development.detail.periods')}</th>
                  <th scope="col"><span className="visually-hidden">{t('development.detail.actionsColumn')}</span></th>
                </tr>
              </thead>
              <tbody>
                {r.indicators.map((i, ii) => (
                  <tr key={i.id} data-testid="dev-indicator">
                    <td>{i.title} <span className="muted">({t(`development.measure.${i.measure}`)})</span></td>
                    <td>{t('development.detail.baselineValue', { year: i.baselineYear, value: number(i.baselineValue, lang) })}</td>
                    <td>
                      {i.periods.length === 0 ? '–' : (
                        <ul className="plain-list">
                          {i.periods.map((x) => (
                            <li key={x.id} data-testid="dev-period">
                              {t('development.detail.periodValues', { start: x.periodStart, end: x.periodEnd, target: number(x.target, lang), actual: number(x.actual, lang) })}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      <ActionButton {...on} action="record_period" fields={FIELDS.record_period} fixed={{ indicatorId: i.id }} testId={`dev-record-${ri}-${ii}`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>
            <ActionButton {...on} action="add_indicator" fields={FIELDS.add_indicator} fixed={{ resultId: r.id }} testId={`dev-add-indicator-${ri}`} />
          </p>
        </section>
      ))}
      <p><ActionButton {...on} action="add_result" fields={FIELDS.add_result} /></p>
    </Panel>
  );
}
