/** The money (budget and disbursements), activities, risks and lessons of a project. */
import { useTranslation } from 'react-i18next';
import type { ProjectDetail } from '../../../shared/development.schemas.ts';
import { currentLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../ui/format.ts';
import { Panel } from '../wanted/panel.tsx';
import { ActionButton } from './action-form.tsx';
import { FIELDS } from './fields.ts';
import { money } from './format.ts';

interface Props {
  p: ProjectDetail;
  onDone(next: ProjectDetail): void;
  onStale(message: string): void;
}

export function MoneyPanel({ p, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const on = { p, onDone, onStale };
  return (
    <Panel id="dev-money" title={t('development.detail.money')}>
      <p>{t('development.detail.moneySummary', { budget: money(p.budgetTotal, lang), disbursed: money(p.disbursedTotal, lang) })}</p>
      <h3>{t('development.detail.budgets')}</h3>
      {p.budgets.length === 0 ? <p className="empty">{t('development.detail.none')}</p> : (
        <ul className="plain-list" data-testid="dev-budgets">
          {p.budgets.map((b) => <li key={b.id}>{b.periodStart} – {b.periodEnd}: {money(b.amount, lang)} ({t(`development.budgetStatus.${b.status}`)})</li>)}
        </ul>
      )}
      <p><ActionButton {...on} action="add_budget" fields={FIELDS.add_budget} /></p>
      <h3>{t('development.detail.disbursements')}</h3>
      {p.disbursements.length === 0 ? <p className="empty">{t('development.detail.none')}</p> : (
        <ul className="plain-list" data-testid="dev-disbursements">
          {p.disbursements.map((d) => <li key={d.id}>{d.date}: {money(d.amount, lang)}{d.description ? ` – ${d.description}` : ''}</li>)}
        </ul>
      )}
      <p><ActionButton {...on} action="add_disbursement" fields={FIELDS.add_disbursement} /></p>
    </Panel>
  );
}

export function WorkPanels({ p, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const on = { p, onDone, onStale };
  return (
    <>
      <Panel id="dev-activities" title={t('development.detail.activities')}>
        {p.activities.length === 0 ? <p className="empty">{t('development.detail.none')}</p> : (
          <ul className="plain-list">
            {p.activities.map((a) => <li key={a.id}>{a.startDate} – {a.endDate}: {a.title} ({t(`development.activityStatus.${a.status}`)})</li>)}
          </ul>
        )}
        <p><ActionButton {...on} action="add_activity" fields={FIELDS.add_activity} /></p>
      </Panel>
      <Panel id="dev-risks" title={t('development.detail.risks')}>
        {p.risks.length === 0 ? <p className="empty">{t('development.detail.none')}</p> : (
          <ul className="plain-list">
            {p.risks.map((k) => (
              <li key={k.id}>
                {k.description} — {t('development.detail.riskLevels', { likelihood: t(`development.level.${k.likelihood}`), impact: t(`development.level.${k.impact}`) })}
                <br />{t('development.fields.mitigation')}: {k.mitigation}
              </li>
            ))}
          </ul>
        )}
        <p><ActionButton {...on} action="add_risk" fields={FIELDS.add_risk} /></p>
      </Panel>
      <Panel id="dev-lessons" title={t('development.detail.lessons')}>
        {p.lessons.length === 0 ? <p className="empty">{t('development.detail.none')}</p> : (
          <ul className="plain-list">
            {p.lessons.map((l) => <li key={l.id}>{formatDateTime(l.recordedAt, lang)}: {l.lesson}</li>)}
          </ul>
        )}
        <p><ActionButton {...on} action="add_lesson" fields={FIELDS.add_lesson} /></p>
      </Panel>
    </>
  );
}
