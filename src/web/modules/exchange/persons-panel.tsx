/**
 * Persons in a request, and the cross-check's hits that name persons, are shown only after the officer states
 * why (logged by the server as one consultation); the justification is kept for this request while the page is open.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../shared/domain.ts';
import { api, ApiError, errorMessage } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';
import { FieldErrorText } from '../../ui/field.tsx';
import { HitsPanel } from './hits-panel.tsx';
import type { Consultation, PersonView, RequestDetail } from './types.ts';

const MIN_JUSTIFICATION = 10;

interface Props {
  r: RequestDetail;
  justification: string;
  onJustified(j: string): void;
  /** A hit was decided: `message` says so; the request is reloaded. */
  onChanged(message: string): void;
}

/** The persons panel and the hits panel, both fed by one justified consultation. */
export function ConsultationPanels({ r, justification, onJustified, onChanged }: Props) {
  const [consulted, setConsulted] = useState<Consultation | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const allowed = r.allowedActions.includes('view_persons');

  const load = async (j: string) => {
    setBusy(true);
    try {
      setConsulted(await api<Consultation>(`/api/requests/${encodeURIComponent(r.id)}/persons`, { query: { justification: j } }));
      setError('');
      onJustified(j);
    } catch (err) {
      setError(err instanceof ApiError && err.fields[0] ? err.fields[0].message : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  // Reload with the kept justification when the request changes (after an action, or a person added).
  useEffect(() => {
    if (justification && allowed) void load(justification);
  }, [r.id, r.version, r.personCount]);

  return (
    <>
      <PersonsPanel r={r} persons={consulted?.items ?? null} justification={justification} error={error} busy={busy}
        onError={setError} onSubmit={(j) => void load(j)} />
      <HitsPanel r={r} hits={consulted?.hits ?? null} onChanged={(message) => {
        // A decision changes the hits, not the request's version: consult again with the kept justification.
        void load(justification);
        onChanged(message);
      }} />
    </>
  );
}

interface PanelProps {
  r: RequestDetail;
  persons: PersonView[] | null;
  justification: string;
  error: string;
  busy: boolean;
  onError(message: string): void;
  onSubmit(justification: string): void;
}

function PersonsPanel({ r, persons, justification, error, busy, onError, onSubmit }: PanelProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const allowed = r.allowedActions.includes('view_persons');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.trim().length < MIN_JUSTIFICATION) {
      onError(t('exchange.detail.persons.tooShort', { min: MIN_JUSTIFICATION }));
      document.getElementById('justification')?.focus();
      return;
    }
    onSubmit(draft.trim());
  };

  return (
    <section className="card persons" aria-labelledby="persons-title">
      <h2 id="persons-title">
        {t('exchange.detail.persons.title')} <span className="muted">({t('exchange.detail.persons.count', { count: r.personCount })})</span>
      </h2>
      {!allowed && <p className="muted">{t('exchange.detail.persons.notAllowed')}</p>}
      {allowed && !persons && (
        <form onSubmit={submit} noValidate className="form">
          <p>{t('exchange.detail.persons.intro')}</p>
          <div className={`field${error ? ' field-invalid' : ''}`}>
            <label htmlFor="justification">{t('exchange.detail.persons.justification')}</label>
            <p id="justification-help" className="help">
              {t('exchange.detail.persons.justificationHelp', { min: MIN_JUSTIFICATION })}
            </p>
            <textarea
              id="justification"
              rows={2}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'justification-help justification-err' : 'justification-help'}
            />
            {error && <FieldErrorText id="justification-err" message={error} />}
          </div>
          <button type="submit" className="button" disabled={busy} data-testid="show-persons">
            {t('exchange.detail.persons.show')}
          </button>
        </form>
      )}
      {persons && (
        <>
          <p className="muted small">{t('exchange.detail.persons.justifiedAs', { justification })}</p>
          {persons.length === 0 ? <p className="muted">{t('exchange.detail.persons.empty')}</p> : <PersonList persons={persons} />}
        </>
      )}
    </section>
  );
}

function PersonList({ persons }: { persons: PersonView[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const L = (k: string) => t(`exchange.form.person.${k}`);
  return (
    <ul className="person-list">
      {persons.map((p) => (
        <li key={p.id} className="person">
          <h3>{p.fullName}</h3>
          <dl className="facts-list">
            {p.aliases.length > 0 && <Fact k={L('aliases')} v={p.aliases.join(', ')} />}
            <Fact k={L('dateOfBirth')} v={p.dateOfBirth ?? '–'} />
            <Fact k={L('gender')} v={t(`domain.genders.${p.gender}`)} />
            <Fact k={L('nationalities')} v={p.nationalities.map((c) => countryName(c, lang)).join(', ') || '–'} />
            <Fact k={L('category')} v={t(`domain.subjectCategories.${p.category}`)} />
            <Fact k={L('nature')} v={t(`domain.itemNatures.${p.nature}`)} />
            <Fact k={t('exchange.detail.persons.codes')} v={`${p.reliability}${p.accuracy}`} />
            {p.documents.length > 0 && (
              <Fact
                k={L('documents')}
                v={p.documents
                  .map((d) => `${t(`domain.documentKinds.${d.kind}`)} ${d.number}${d.country ? ` (${countryName(d.country, lang)})` : ''}`)
                  .join('; ')}
              />
            )}
            {p.notes && <Fact k={L('notes')} v={p.notes} />}
          </dl>
        </li>
      ))}
    </ul>
  );
}

function Fact({ k, v }: { k: string; v: string }) {
  return (
    <div className="fact">
      <dt>{k}</dt>
      <dd>{v}</dd>
    </div>
  );
}
