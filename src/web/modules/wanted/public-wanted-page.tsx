/**
 * The public appeal at /wanted ("most wanted"): persons a FAST supervisor decided to publish, with a tip form.
 * No login; a tip is sent and never shown back.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/field.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { FieldErrors, TextArea, TextInput } from '../exchange/form-controls.tsx';
import { formErrorsOf, type FormErrors } from './form-errors.ts';
import type { PublicWantedList } from './types.ts';

type Person = PublicWantedList['items'][number];

export function PublicWantedPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('wanted.public.title'));
  const [items, setItems] = useState<Person[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    api<PublicWantedList>('/api/public/wanted')
      .then((r) => setItems(r.items))
      .catch((err: unknown) => setError(errorMessage(err)));
  }, []);

  return (
    <div className="page public-page">
      <section aria-labelledby="wanted-public-title" className="public-hero">
        <h1 id="wanted-public-title">{t('wanted.public.title')}</h1>
        <p className="lead">{t('wanted.public.lead')}</p>
      </section>
      {error && <p className="alert alert-error" role="alert">{error}</p>}
      {items === null && !error && <p className="muted">{t('common.loading')}</p>}
      {items && items.length === 0 && <p className="empty" data-testid="public-wanted-empty">{t('wanted.public.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="area-list">
          {items.map((p) => (
            <li key={p.id} className="card area" data-testid="public-wanted">
              <PublicPerson p={p} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PublicPerson({ p }: { p: Person }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const [message, setMessage] = useState('');
  const [contact, setContact] = useState('');
  const [errors, setErrors] = useState<FormErrors>({ map: {}, list: [] });
  const [busy, setBusy] = useState(false);
  const prefix = `tip-${p.id}`;

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await api(`/api/public/wanted/${p.id}/tips`, { body: { message, contact: contact || null, language: currentLanguage() } });
      setSent(true);
      setErrors({ map: {}, list: [] });
    } catch (err) {
      setErrors(formErrorsOf(err, (path) => `${prefix}.${path}`));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h2>{p.fullName}</h2>
      {p.photoUrl && <img src={p.photoUrl} alt={t('wanted.public.photoAlt', { name: p.fullName })} className="wanted-photo" />}
      {p.offenceSummary && <p>{p.offenceSummary}</p>}
      {p.description && <p className="muted">{p.description}</p>}
      {sent ? (
        <p className="alert" role="status">{t('wanted.public.tipThanks')}</p>
      ) : !open ? (
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {t('wanted.public.tipTitle')}<span className="visually-hidden">: {p.fullName}</span>
        </button>
      ) : (
        <form noValidate onSubmit={(e) => void send(e)} aria-label={`${t('wanted.public.tipTitle')}: ${p.fullName}`}>
          <ErrorSummary title={t('wanted.form.errorsTitle')} errors={errors.list} />
          <FieldErrors.Provider value={errors.map}>
            <TextArea path={`${prefix}.message`} label={t('wanted.public.tipMessage')} value={message} onChange={setMessage} rows={4} required />
            <TextInput path={`${prefix}.contact`} label={t('wanted.public.tipContact')} value={contact} onChange={setContact} />
          </FieldErrors.Provider>
          <button type="submit" className="button" disabled={busy}>
            {t('wanted.public.tipSend')}
          </button>
        </form>
      )}
    </>
  );
}
