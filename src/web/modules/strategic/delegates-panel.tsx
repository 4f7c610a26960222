/**
 * A group's delegates and substitutes: personal data, so the list is fetched only with a stated justification
 * (logged by the server, LED Art 25). Appointing and ending appointments are actions on the group.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_ROLES, type MemberRole } from '../../../shared/strategic.schemas.ts';
import { api, errorMessage } from '../../api.ts';
import { CodeSelect, FieldErrors, TextInput } from '../exchange/form-controls.tsx';
import { formErrorsOf } from '../wanted/form-errors.ts';
import { Panel } from '../wanted/panel.tsx';
import { AddForm } from '../wanted/wanted-work.tsx';
import type { GroupDetail, MemberList } from './types.ts';
import { useOfficers } from './use-officers.ts';

export function DelegatesPanel({ g, onChange }: { g: GroupDetail; onChange(next: GroupDetail): void }) {
  const { t } = useTranslation();
  const officers = useOfficers();
  const [justification, setJustification] = useState('');
  const [members, setMembers] = useState<MemberList | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [v, setV] = useState({ userId: '', role: 'delegate' as MemberRole | '' });
  const id = 'add-member';

  const show = async (j = justification) => {
    try {
      setMembers(await api<MemberList>(`/api/strategic/groups/${g.id}/members`, { query: { justification: j } }));
      setErrors({});
      setError('');
    } catch (err) {
      const { map, list } = formErrorsOf(err);
      setErrors(map);
      setError(list.map((x) => x.message).join(' '));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void show();
  };
  const remove = async (userId: string) => {
    try {
      onChange(await api<GroupDetail>(`/api/strategic/groups/${g.id}/remove-member`, { body: { version: g.version, userId } }));
      if (members) await show();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Panel id="strategic-delegates" title={t('strategic.group.delegates')}>
      <p className="muted">{t('strategic.group.memberCount', { count: g.memberCount })}</p>
      {error && <p className="alert alert-error" role="alert">{error}</p>}
      {!members && (
        <form noValidate onSubmit={submit}>
          <p className="help">{t('strategic.group.delegatesHelp')}</p>
          <FieldErrors.Provider value={errors}>
            <TextInput path="justification" label={t('strategic.group.justification')} value={justification} onChange={setJustification} required />
          </FieldErrors.Provider>
          <button type="submit" className="button button-secondary" data-testid="show-delegates">{t('strategic.group.showDelegates')}</button>
        </form>
      )}
      {members && (
        <ul className="plain-list" data-testid="delegate-list">
          {members.items.length === 0 && <li className="muted">{t('strategic.group.noMembers')}</li>}
          {members.items.map((m) => (
            <li key={m.userId}>
              <span className="badge">{t(`strategic.role.${m.role}`)}</span> {m.displayName} <span className="muted small">{m.unitCode}</span>{' '}
              <button type="button" className="button-link" onClick={() => void remove(m.userId)}>{t('strategic.group.remove', { name: m.displayName })}</button>
            </li>
          ))}
        </ul>
      )}
      <AddForm id={id} submitLabel={t('strategic.group.addMember')} post={async () => {
        onChange(await api<GroupDetail>(`/api/strategic/groups/${g.id}/add-member`, { body: { version: g.version, userId: v.userId, role: v.role } }));
        setV({ userId: '', role: 'delegate' });
        if (members) await show();
      }}>
        <CodeSelect path={`${id}.userId`} label={t('strategic.group.officer')} value={v.userId} onChange={(userId) => setV({ ...v, userId })}
          codes={officers.map((o) => o.id)} labelPrefix="" placeholder required optionLabel={(uid) => officers.find((o) => o.id === uid)?.displayName ?? uid} />
        <CodeSelect path={`${id}.role`} label={t('strategic.group.role')} value={v.role} onChange={(role) => setV({ ...v, role })} codes={MEMBER_ROLES} labelPrefix="strategic.role" required />
      </AddForm>
    </Panel>
  );
}
