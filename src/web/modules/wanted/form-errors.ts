/** Turns a failed call into field errors (by the control's API path) and the lines of the error summary. */
import { ApiError, errorMessage } from '../../api.ts';
import { fieldId, fieldLabel } from '../../ui/field.tsx';

export interface FormErrors {
  map: Record<string, string>;
  list: { path: string; message: string; label?: string }[];
}

/** Field paths without a control on the page (e.g. `warrants.0.eaw`) fall back to the nearest one that has. */
export function formErrorsOf(err: unknown, alias: (path: string) => string = (p) => p): FormErrors {
  const map: Record<string, string> = {};
  const list: FormErrors['list'] = [];
  if (err instanceof ApiError && err.fields.length) {
    for (const f of err.fields) {
      const p = alias(f.path);
      const has = !!document.getElementById(fieldId(p));
      if (has && !map[p]) map[p] = f.message;
      list.push({ path: has ? p : '', message: f.message, label: has ? fieldLabel(p) : undefined });
    }
  } else list.push({ path: '', message: errorMessage(err) });
  return { map, list };
}

/** After errors are shown: focus the first invalid control, or the summary. */
export function focusFirstError(scope = 'main'): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(`${scope} [aria-invalid="true"]`) ?? document.querySelector<HTMLElement>(`${scope} .error-summary h2`);
    el?.focus();
  });
}
