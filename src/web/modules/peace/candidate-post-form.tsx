/** Proposing a roster candidate for a post, or recording an officer's application (same choice of post and candidate). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../ui/field.tsx';
import { CodeSelect, FieldErrors, TextInput } from '../exchange/form-controls.tsx';
import { useJustification } from './justification.tsx';
import type { CallDetail, RosterList } from './types.ts';
import { opt, usePeaceForm } from './use-form.ts';

export function CandidatePostForm({ call, kind, onDone }: { call: CallDetail; kind: 'nominations' | 'applications'; onDone(c: CallDetail): void }) {
  const { t } = useTranslation();
  const justification = useJustification();
  const [roster, setRoster] = useState<RosterList['items']>([]);
  useEffect(() => {
    if (justification) api<RosterList>('/api/peace/candidates', { query: { justification } }).then((r) => setRoster(r.items), () => setRoster([]));
  }, [justification]);
  const f = usePeaceForm({ postId: call.postList[0]?.id ?? '', candidateId: '', note: '', receivedOn: '' }, async (v) => {
    const body = kind === 'nominations' ? { postId: v.postId, candidateId: v.candidateId, note: opt(v.note) } : { postId: v.postId, candidateId: v.candidateId, receivedOn: v.receivedOn, note: opt(v.note) };
    onDone(await api<CallDetail>(`/api/peace/calls/${call.id}/${kind}`, { body, query: { justification } }));
  }, (x) => `${kind}.${x}`);
  const L = (k: string) => t(`peace.call.${k}`);
  const names = new Map(roster.map((c) => [c.id, `${c.fullName} (${c.employeeNumber})`]));
  const posts = new Map(call.postList.map((p) => [p.id, p.title]));
  const p = (s: string) => `${kind}.${s}`;
  return (
    <form noValidate onSubmit={(e) => void f.submit(e)} className="card" data-testid={`${kind}-form`}>
      <h3>{L(kind === 'nominations' ? 'propose' : 'addApplication')}</h3>
      <p className="muted">{L('loadCandidates')}</p>
      <ErrorSummary title={t('peace.common.errorsTitle')} errors={f.errors.list} />
      <FieldErrors.Provider value={f.errors.map}>
        <CodeSelect path={p('postId')} label={L('post')} value={f.v.postId} onChange={f.set('postId')} codes={[...posts.keys()]} labelPrefix="" optionLabel={(id) => posts.get(id) ?? id} required />
        <CodeSelect path={p('candidateId')} label={L('candidate')} value={f.v.candidateId} onChange={f.set('candidateId')} codes={[...names.keys()]} labelPrefix="" optionLabel={(id) => names.get(id) ?? id} placeholder required />
        {kind === 'applications' && <TextInput path={p('receivedOn')} type="date" label={L('receivedOn')} value={f.v.receivedOn} onChange={f.set('receivedOn')} required />}
        <TextInput path={p('note')} label={L('note')} value={f.v.note} onChange={f.set('note')} />
      </FieldErrors.Provider>
      <p><button type="submit" className="button" data-testid={`${kind}-submit`} disabled={f.busy}>{f.busy ? t('peace.common.saving') : L(kind === 'nominations' ? 'propose' : 'addApplication')}</button></p>
    </form>
  );
}
