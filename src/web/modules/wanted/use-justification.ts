/**
 * The justification a FAST officer gave for consulting the register (LED Art 25), kept for this browser tab
 * only, so that each view sends it and the server logs it with the consultation.
 */
import { useCallback, useState } from 'react';

const KEY = 'polsam.wanted.justification';

function read(): string {
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function useJustification(): [string, (v: string) => void] {
  const [value, setValue] = useState(read);
  const set = useCallback((v: string) => {
    setValue(v);
    try {
      sessionStorage.setItem(KEY, v);
    } catch {
      // Storage disabled: the justification lasts while the page is open.
    }
  }, []);
  return [value, set];
}
