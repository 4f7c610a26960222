/** Correcting a wanted person's record (`POST /api/wanted/:id/edit`, with the version the officer saw). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api.ts';
import { Dialog } from '../../ui/dialog.tsx';
import { ErrorSummary } from '../../ui/field.tsx';
import { FieldErrors, TextArea, TextInput } from '../exchange/form-controls.tsx';
import { focusFirstError, formErrorsOf, type FormErrors } from './form-errors.ts';
import type { WantedDetail } from './types.ts';
import { DialogButtons } from './wanted-action-dialog.tsx';

const TEXTS = ['fullName', 'dateOfBirth', 'placeOfBirth', 'authorityReference', 'offenceSummary'] as const;
const AREAS = ['description', 'offence', 'dangerWarnings', 'handlingWarnings'] as const;
const LISTS = ['otherScriptNames', 'aliases'] as const;

function initial(p: WantedDetail) {
  const v: Record<string, string> = { nationalities: p.nationalities.join(', ') };
  for (const k of [...TEXTS, ...AREAS]) v[k] = p[k] ?? '';
  for (const k of LISTS) v[k] = p[k].join('\n');
  return v;
}

/** Only the fields the officer changed are sent; an emptied optional field is cleared. */
function changes(p: WantedDetail, v: Record<string, string>, before: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = { version: p.version };
  for (const k of Object.keys(v)) {
    if (v[k] === before[k]) continue;
    if (k === 'nationalities') body[k] = v[k].split(/[\s,]+/).map((x) => x.trim().toUpperCase()).filter(Boolean);
    else if ((LISTS as readonly string[]).includes(k)) body[k] = v[k].split('\n').map((x) => x.trim()).filter(Boolean);
    else if (k === 'fullName' || k === 'authorityReference' || k === 'offence') body[k] = v[k];
    else body[k] = v[k].trim() ? v[k].trim() : null;
  }
  return body;
}

export function WantedEditDialog({ p, onClose, onDone, onStale }: { p: WantedDetail; onClose(): void; onDone(next: WantedDetail): void; onStale(message: string): void }) {
  const { t } = useTranslation();
  const [before] = useState(() => initial(p));
  const [v, setV] = useState(before);
  const [errors, setErrors] = useState<FormErrors>({ map: {}, list: [] });
  const [busy, setBusy] = useState(false);
  const set = (k: string) => (val: string) => setV((cur) => ({ ...cur, [k]: val }));
  const F = (k: string) => t(`wanted.form.${k}`);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      onDone(await api<WantedDetail>(`/api/wanted/${p.id}/edit`, { body: changes(p, v, before) }));
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 409) {
        onStale(err.message);
        return;
      }
      setErrors(formErrorsOf(err, (path) => path.replace(/^(nationalities|aliases|otherScriptNames)\.\d+$/, '$1')));
      focusFirstError('dialog');
    }
  };

  return (
    <Dialog title={t('wanted.edit.title')} onClose={onClose} wide>
      <ErrorSummary title={t('wanted.form.errorsTitle')} errors={errors.list} />
      <FieldErrors.Provider value={errors.map}>
        <form noValidate onSubmit={(e) => void submit(e)} data-testid="wanted-edit-form">
          {TEXTS.map((k) => (
            <TextInput key={k} path={k} label={F(k)} value={v[k]} onChange={set(k)} required={k === 'fullName' || k === 'authorityReference'} help={k === 'dateOfBirth' ? F('dateHelp') : undefined} />
          ))}
          {LISTS.map((k) => <TextArea key={k} path={k} label={F(k)} value={v[k]} onChange={set(k)} rows={2} />)}
          <TextInput path="nationalities" label={F('nationalities')} value={v.nationalities} onChange={set('nationalities')} />
          {AREAS.map((k) => <TextArea key={k} path={k} label={F(k)} value={v[k]} onChange={set(k)} rows={2} required={k === 'offence'} />)}
          <DialogButtons testId="edit-submit" label={t('wanted.edit.save')} busy={busy} onCancel={onClose} />
        </form>
      </FieldErrors.Provider>
    </Dialog>
  );
}
