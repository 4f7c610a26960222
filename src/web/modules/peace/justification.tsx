/**
 * The justification a peace officer gives for reading officers' personal data (roster, calls, tours), kept for
 * this browser tab only, so that each reading sends it and the server logs it with the consultation.
 */
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextInput } from '../exchange/form-controls.tsx';

const KEY = 'polsam.peace.justification';
const Ctx = createContext<[string, (v: string) => void]>(['', () => undefined]);

function read(): string {
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function JustificationProvider({ children }: { children: ReactNode }) {
  const [value, setValue] = useState(read);
  const set = useCallback((v: string) => {
    setValue(v);
    try {
      sessionStorage.setItem(KEY, v);
    } catch {
      // Storage disabled: the justification lasts while the page is open.
    }
  }, []);
  return <Ctx.Provider value={[value, set]}>{children}</Ctx.Provider>;
}

/** The current justification, or '' while it is too short to send. */
export function useJustification(): string {
  const v = useContext(Ctx)[0].trim();
  return v.length >= 10 ? v : '';
}

/** The field at the top of each peace page. */
export function JustificationField() {
  const { t } = useTranslation();
  const [value, set] = useContext(Ctx);
  return (
    <div className="card filters" data-testid="peace-justification">
      <TextInput path="peace-justification" label={t('peace.common.justification')} help={t('peace.common.justificationHelp')} value={value} onChange={set} required />
    </div>
  );
}
