/** The partner's contact persons: personal data, shown only after a justification (logged with the view). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactList, ProjectDetail } from '../../../shared/development.schemas.ts';
import { api } from '../../api.ts';
import { FieldErrors, TextInput } from '../exchange/form-controls.tsx';
import { formErrorsOf } from '../wanted/form-errors.ts';
import { Panel } from '../wanted/panel.tsx';
import { ActionButton } from './action-form.tsx';
import { FIELDS } from './fields.ts';

interface Props {
  p: ProjectDetail;
  onDone(next: ProjectDetail): void;
  onStale(message: string): void;
}

export function ContactsPanel({ p, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const [justification, setJustification] = useState('');
  const [contacts, setContacts] = useState<ContactList['items'] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const show = async (e: FormEvent) => {
    e.preventDefault();
    try {
      setContacts((await api<ContactList>(`/api/development/projects/${p.id}/contacts`, { query: { justification } })).items);
      setErrors({});
    } catch (err) {
      const { map, list } = formErrorsOf(err);
      setErrors(Object.keys(map).length ? map : { justification: list.map((x) => x.message).join(' ') });
    }
  };

  return (
    <Panel id="dev-contacts" title={t('development.detail.contacts')}>
      <p>{t('development.detail.contactCount', { count: p.contactCount })}</p>
      {p.contactCount > 0 && !contacts && (
        <form noValidate onSubmit={(e) => void show(e)}>
          <FieldErrors.Provider value={errors}>
            <TextInput path="justification" label={t('development.detail.justification')} help={t('development.detail.justificationHelp')} value={justification} onChange={setJustification} required />
          </FieldErrors.Provider>
          <button type="submit" className="button button-secondary" data-testid="dev-show-contacts">{t('development.detail.showContacts')}</button>
        </form>
      )}
      {contacts && (
        <ul className="plain-list" data-testid="dev-contact-list">
          {contacts.map((c) => (
            <li key={c.id}>{c.fullName}, {c.organisation}{c.role ? ` (${c.role})` : ''}{c.email ? ` · ${c.email}` : ''}{c.phone ? ` · ${c.phone}` : ''}</li>
          ))}
        </ul>
      )}
      <p><ActionButton p={p} action="add_contact" fields={FIELDS.add_contact} onDone={(next) => { setContacts(null); onDone(next); }} onStale={onStale} /></p>
    </Panel>
  );
}
