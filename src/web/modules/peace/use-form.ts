/** Form state for the peace pages: values, field errors from the API, and a submit that focuses the first error. */
import { useState, type FormEvent } from 'react';
import { focusFirstError, formErrorsOf, type FormErrors } from '../wanted/form-errors.ts';

export function usePeaceForm<V extends Record<string, unknown>>(initial: V, send: (v: V) => Promise<void>, alias?: (p: string) => string) {
  const [v, setV] = useState<V>(initial);
  const [errors, setErrors] = useState<FormErrors>({ map: {}, list: [] });
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof V>(k: K) => (val: V[K]) => setV((cur) => ({ ...cur, [k]: val }));
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    try {
      await send(v);
      setErrors({ map: {}, list: [] });
    } catch (err) {
      setErrors(formErrorsOf(err, alias));
      focusFirstError();
    } finally {
      setBusy(false);
    }
  };
  return { v, setV, set, errors, busy, submit };
}

export const opt = (s: string) => (s.trim() ? s.trim() : null);
